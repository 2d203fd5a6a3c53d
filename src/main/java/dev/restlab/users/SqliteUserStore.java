package dev.restlab.users;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Users kept in an SQLite database ({@value #FILE_NAME}) in a data directory, so that they
 * outlive the process. Every write is committed and flushed to disk before the call returns:
 * when the API answers 201 or 204, the change survives a crash, a {@code kill -9} or a power cut.
 *
 * <p>Reads never touch the disk: an {@link InMemoryUserStore} loaded at start stays in step with
 * the database and answers {@code get}, {@code all} and {@code findByName} as fast as the
 * handout's store. Writes are serialised (one connection, one writer), database first, then the
 * index, so a reader never sees a user that is not yet on disk.
 */
public final class SqliteUserStore implements UserStore {

    public static final String FILE_NAME = "users.db";

    /** Marks the file as RestLab's ("RLab"), so another program's database is never mistaken for it. */
    private static final int APPLICATION_ID = 0x524C6162;
    /** The layout of the users table; a newer RestLab that changes it raises this. */
    private static final int FORMAT_VERSION = 1;

    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = SQLiteErrorCode.SQLITE_FULL.code;

    private final Path file;
    private final DataDirectoryLock lock;
    private final Connection db;
    private final InMemoryUserStore index;
    private boolean closed;

    private SqliteUserStore(Path file, DataDirectoryLock lock, Connection db, InMemoryUserStore index) {
        this.file = file;
        this.lock = lock;
        this.db = db;
        this.index = index;
    }

    /**
     * Opens (or creates) {@code dataDir/users.db}, locking the directory against a second RestLab,
     * and loads every user into memory. It keeps up to {@link Capacity#DEFAULT}.
     *
     * @throws StoreUnavailableException when the directory or file cannot be used; its message
     *     says why and what to do, and nothing on disk has been changed
     */
    public static SqliteUserStore open(Path dataDir) throws StoreUnavailableException {
        return open(dataDir, Capacity.DEFAULT);
    }

    /** {@link #open(Path)} with another capacity (for tests of a full store). */
    static SqliteUserStore open(Path dataDir, Capacity capacity) throws StoreUnavailableException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw StoreUnavailableException.folderUnusable(file, dir, e);
        }
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(dir);
        } catch (DataDirectoryLock.Held e) {
            throw StoreUnavailableException.locked(file, DataDirectoryLock.fileIn(dir), e.holder);
        } catch (IOException e) {
            throw StoreUnavailableException.folderUnusable(file, dir, e);
        }
        Connection db = null;
        try {
            // Look before anything may write: a file refused below is left byte for byte, and
            // so is the log beside it.
            boolean empty = !FileInspection.anythingAt(file)
                    || FileInspection.inspect(file, APPLICATION_ID, FORMAT_VERSION) == FileInspection.Verdict.EMPTY;
            checkWritable(file, dir);
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            prepare(db, file, empty);
            InMemoryUserStore index = load(db, capacity);
            return new SqliteUserStore(file, lock, db, index);
        } catch (SQLException e) {
            closeQuietly(db);
            lock.close();
            throw explain(file, e);
        } catch (StoreUnavailableException | RuntimeException e) {
            closeQuietly(db);
            lock.close();
            throw e;
        }
    }

    /**
     * Refuses, at start, a database file (or its log, or the folder SQLite makes its log in) that
     * this process may read but not write: read-only, immutable ({@code chattr +i}), or on a
     * read-only disk. SQLite would open such a file read-only without a word, and every write
     * would fail later, while serving.
     */
    private static void checkWritable(Path file, Path dir) throws StoreUnavailableException {
        if (!Files.isWritable(dir)) {
            throw StoreUnavailableException.folderUnusable(file, dir,
                    new AccessDeniedException(dir.toString()));
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(part) && !Files.isWritable(part)) {
                throw StoreUnavailableException.notWritable(file, part);
            }
        }
    }

    /**
     * Makes the table in a new or empty file (the file was inspected already), and only then
     * sets the journal up.
     */
    private static void prepare(Connection db, Path file, boolean empty) throws SQLException, StoreUnavailableException {
        try (Statement sql = db.createStatement()) {
            sql.execute("PRAGMA busy_timeout=2000");
            // IMMEDIATE takes the write lock now: a file another program holds fails here.
            sql.execute("BEGIN IMMEDIATE");
            try {
                if (empty) {
                    createSchema(sql);
                }
                sql.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                sql.execute("ROLLBACK");
                throw e;
            }
            // WAL: readers and the writer do not block each other, and a commit is one append.
            String mode = singleString(sql, "PRAGMA journal_mode=WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw StoreUnavailableException.cannotOpen(file,
                        "SQLite could not switch it to write-ahead logging", null);
            }
            // FULL, not NORMAL: in WAL mode NORMAL syncs only at checkpoints, so the last commits
            // sit in the OS cache and a power cut or OS crash after the 201 could lose them
            // (a kill -9 alone would not, the OS still writes them). FULL fsyncs the WAL on every
            // commit, which is what "acknowledged means on disk" needs; it costs one fsync per
            // POST or DELETE, far below what a classroom sends.
            sql.execute("PRAGMA synchronous=FULL");
        }
    }

    private static void createSchema(Statement sql) throws SQLException {
        sql.execute("CREATE TABLE users ("
                + " seq INTEGER PRIMARY KEY," // the rowid: insertion order, oldest first
                + " id TEXT NOT NULL UNIQUE,"
                + " name TEXT NOT NULL,"
                + " email TEXT NOT NULL)");
        sql.execute("PRAGMA application_id=" + APPLICATION_ID);
        sql.execute("PRAGMA user_version=" + FORMAT_VERSION);
    }

    private static InMemoryUserStore load(Connection db, Capacity capacity) throws SQLException {
        InMemoryUserStore index = new InMemoryUserStore(capacity);
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id, name, email FROM users ORDER BY seq")) {
            while (rows.next()) {
                index.add(new User(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return index;
    }

    /**
     * @throws StoreFullException when the disk is full or the store holds its capacity
     * @throws StoreWriteException when the disk fails otherwise
     */
    @Override
    public synchronized User create(String name, String email) {
        ensureOpen();
        index.checkRoomFor(name, email);
        User user = new User(UUID.randomUUID().toString(), name, email);
        // A statement per write, never one kept: sqlite-jdbc closes a statement whose step failed
        // (SQLITE_FULL among others), and a kept one would refuse every later write.
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?)")) {
            insert.setString(1, user.id());
            insert.setString(2, user.name());
            insert.setString(3, user.email());
            insert.executeUpdate(); // autocommit: committed and fsynced when this returns
        } catch (SQLException e) {
            throw writeFailed("Could not save the new user to " + file, e);
        }
        index.add(user);
        return user;
    }

    @Override
    public List<User> all() {
        return index.all();
    }

    @Override
    public List<User> findByName(String name) {
        return index.findByName(name);
    }

    @Override
    public Optional<User> get(String id) {
        return index.get(id);
    }

    @Override
    public synchronized boolean delete(String id) {
        ensureOpen();
        if (index.get(id).isEmpty()) {
            return false;
        }
        try (PreparedStatement remove = db.prepareStatement("DELETE FROM users WHERE id = ?")) {
            remove.setString(1, id);
            remove.executeUpdate();
        } catch (SQLException e) {
            throw writeFailed("Could not delete the user from " + file, e);
        }
        return index.delete(id);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public synchronized void clear() {
        ensureOpen();
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM users");
        } catch (SQLException e) {
            throw writeFailed("Could not remove the users from " + file, e);
        }
        index.clear();
    }

    /** The database file's absolute path. */
    @Override
    public String location() {
        return file.toString();
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Closes the database (SQLite folds the log back into the file) and releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(db);
        lock.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The user store at " + file + " is closed");
        }
    }

    /**
     * What a failed write means for the caller. The memory index was not touched (it follows the
     * database only after a write succeeds), and SQLite has rolled the failed statement back, so
     * nothing is half-kept; the next write on this same connection works once the cause is gone.
     */
    private StoreWriteException writeFailed(String what, SQLException e) {
        // Should SQLite have left a transaction open after the failure, end it, so that later
        // writes do not pile up in a transaction that is never committed.
        try (Statement sql = db.createStatement()) {
            sql.execute("ROLLBACK");
        } catch (SQLException noTransactionOpen) {
            // The usual case: the failed write was rolled back already.
        }
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return StoreFullException.diskFull(e);
        }
        return new StoreWriteException(what + " (SQLite says: " + firstLine(e.getMessage()) + ")", e);
    }

    /** What an SQLite error at start means for the person starting RestLab. */
    static StoreUnavailableException explain(Path file, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String detail = "SQLite says: " + firstLine(e.getMessage());
        if (code == null) {
            return StoreUnavailableException.cannotOpen(file, detail, e);
        }
        switch (code) {
            case SQLITE_NOTADB:
            case SQLITE_CORRUPT:
            case SQLITE_CORRUPT_VTAB:
            case SQLITE_CORRUPT_SEQUENCE:
            case SQLITE_CORRUPT_INDEX:
                return StoreUnavailableException.damaged(file, detail, e);
            case SQLITE_BUSY:
            case SQLITE_BUSY_RECOVERY:
            case SQLITE_BUSY_SNAPSHOT:
            case SQLITE_LOCKED:
            case SQLITE_LOCKED_SHAREDCACHE:
                return StoreUnavailableException.busy(file, detail, e);
            default:
                return StoreUnavailableException.cannotOpen(file, detail, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    private static String singleString(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException e) {
            // Nothing to do: the process is giving the file up either way.
        }
    }
}
