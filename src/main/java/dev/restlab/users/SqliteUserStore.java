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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Users kept in an SQLite database ({@value #FILE_NAME}) in a data directory, so that they
 * outlive the process. Every write is committed and flushed to disk before the call returns:
 * when the API answers 201 or 204, the change survives a crash, a {@code kill -9} or a power cut.
 * Writes are committed in groups ({@link GroupCommit}): the writes that arrive while one commit
 * is under way wait, and the next transaction and its one fsync commit them all, so many writers
 * at once cost one fsync per group, not one each.
 *
 * <p>Reads never touch the disk: an {@link InMemoryUserStore} loaded at start stays in step with
 * the database and answers {@code get}, {@code all} and {@code findByName} as fast as the
 * handout's store. Writes are serialised (one connection, one writer thread), database first,
 * then the index, so a reader never sees a user that is not yet on disk.
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
    private final GroupCommit<Change<?>> commits;
    /** The writer thread's statements, kept from group to group (made again after a failure). */
    private final Statements sql = new Statements();
    private final WalCheckpointer checkpointer;
    private volatile BeforeCommit beforeCommit;
    /** Nanoseconds the writer thread has spent in COMMIT (the fsync), for benchmarks. */
    private volatile long commitNanos;
    private boolean closed;

    private SqliteUserStore(Path file, DataDirectoryLock lock, Connection db, InMemoryUserStore index,
            WalCheckpointer checkpointer) {
        this.file = file;
        this.lock = lock;
        this.db = db;
        this.index = index;
        this.checkpointer = checkpointer;
        this.commits = new GroupCommit<>("users.db commits", this::commitGroup);
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
            return new SqliteUserStore(file, lock, db, index, WalCheckpointer.open(file));
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
            // Checkpoints run on their own thread and connection (WalCheckpointer), never inside
            // a COMMIT that writers wait for.
            sql.execute("PRAGMA wal_autocheckpoint=0");
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
     * Waits for the commit that holds the new user, then returns it.
     *
     * @throws StoreFullException when the disk is full or the store holds its capacity
     * @throws StoreWriteException when the disk fails otherwise
     */
    @Override
    public User create(String name, String email) {
        return submit(new CreateUser(name, email));
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

    /** Waits for the commit that holds the delete; an unknown id answers false at once. */
    @Override
    public boolean delete(String id) {
        return submit(new DeleteUser(id));
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public void clear() {
        submit(new ClearUsers());
    }

    /** Commits (groups of writes, each one transaction and one fsync) made so far. */
    public long commits() {
        return commits.groups();
    }

    /** Writes taken into commits so far. */
    public long writes() {
        return commits.writes();
    }

    /**
     * Nanoseconds spent in COMMIT statements so far (mostly the fsync of the log): with
     * {@link #commits()}, what one commit costs under the load a benchmark puts on the store.
     */
    public long commitNanos() {
        return commitNanos;
    }

    /** Writes waiting for the next commit (tests use it to know a group has formed). */
    int waitingWrites() {
        return commits.waiting();
    }

    /**
     * A test's look at each group just before its COMMIT: it may hold the writer there, or throw
     * to make the commit fail as a full or failing disk would.
     */
    void beforeCommit(BeforeCommit hook) {
        this.beforeCommit = hook;
    }

    /** See {@link #beforeCommit(BeforeCommit)}. */
    @FunctionalInterface
    interface BeforeCommit {
        void run(int groupSize) throws SQLException;
    }

    private <T> T submit(Change<T> change) {
        try {
            commits.enqueue(change);
        } catch (IllegalStateException closedNow) {
            throw new IllegalStateException("The user store at " + file + " is closed", closedNow);
        }
        return change.await();
    }

    /**
     * Commits one group (on the writer thread, the only one that writes to the database): every
     * change in one transaction, one COMMIT (one fsync, as {@code synchronous=FULL} makes it),
     * and only then the memory index and the answers. If anything fails, the transaction is
     * rolled back, the index is not touched, and every change in the group fails with the same
     * reason: memory and file stay in step, and nothing was acknowledged.
     */
    private void commitGroup(List<Change<?>> group) {
        Staging staged = new Staging();
        List<Change<?>> staging = new ArrayList<>(group.size());
        try {
            sql.begin();
            for (Change<?> change : group) {
                try {
                    change.stage(staged, sql);
                    staging.add(change);
                } catch (StoreFullException atCapacity) {
                    change.fail(atCapacity); // this one only: it wrote nothing
                }
            }
            BeforeCommit hook = beforeCommit;
            if (hook != null) {
                hook.run(group.size());
            }
            long start = System.nanoTime();
            sql.commit();
            commitNanos += System.nanoTime() - start; // the writer thread is the only one that adds
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = writeFailed(e);
            group.forEach(change -> change.fail(failure)); // those refused for room keep their reason
            return;
        }
        staged.applyTo(index);
        staging.forEach(Change::committed);
        checkpointer.committed(staged.cleared);
    }

    /** Checkpoints of the write-ahead log made so far, off the writers' path (tests look). */
    long checkpoints() {
        return checkpointer.checkpoints();
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
        commits.close(); // commits what is waiting first: no writer is left hanging
        checkpointer.close();
        sql.discard();
        closeQuietly(db); // the last connection: SQLite folds the log into the file

        lock.close();
    }

    /**
     * What a failed commit means for its writers. The memory index was not touched (it follows the
     * database only after a commit succeeds), and the transaction is rolled back here, so nothing
     * is half-kept; the next group on this same connection works once the cause is gone. The
     * message is one line for the client and names no path on this machine.
     */
    private StoreWriteException writeFailed(Exception e) {
        try (Statement rollback = db.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException noTransactionOpen) {
            // SQLite may have rolled the transaction back itself already.
        }
        sql.discard();
        if (e instanceof SQLException sqlite && (sqlite.getErrorCode() & 0xff) == SQLITE_FULL) {
            return StoreFullException.diskFull(e);
        }
        return new StoreWriteException("could not save the change to " + FILE_NAME
                + "; nothing was changed (SQLite says: " + firstLine(e.getMessage()) + ")", e);
    }

    /** A write to the users table, waiting in a group for its commit. */
    private abstract static class Change<T> extends GroupCommit.Write<T> {
        private T result;

        /**
         * Writes this change into the open transaction and notes it in {@code staged}.
         *
         * @throws StoreFullException when the store holds its capacity (nothing was written)
         */
        final void stage(Staging staged, Statements sql) throws SQLException {
            result = write(staged, sql);
        }

        abstract T write(Staging staged, Statements sql) throws SQLException;

        final void committed() {
            succeed(result);
        }
    }

    private static final class CreateUser extends Change<User> {
        private final User user;
        private final long bytes;

        /** Made on the caller's thread: the id (SecureRandom) and the size are not the writer's work. */
        CreateUser(String name, String email) {
            this.user = new User(UUID.randomUUID().toString(), name, email);
            this.bytes = Capacity.bytesOf(name, email);
        }

        @Override
        User write(Staging staged, Statements sql) throws SQLException {
            staged.checkRoomFor(user, bytes);
            sql.insert(user);
            staged.added(user, bytes);
            return user;
        }
    }

    private static final class DeleteUser extends Change<Boolean> {
        private final String id;

        DeleteUser(String id) {
            this.id = id;
        }

        @Override
        Boolean write(Staging staged, Statements sql) throws SQLException {
            if (!staged.exists(id)) {
                return false;
            }
            sql.delete(id);
            staged.removed(id);
            return true;
        }
    }

    private static final class ClearUsers extends Change<Void> {
        @Override
        Void write(Staging staged, Statements sql) throws SQLException {
            sql.deleteAll();
            staged.cleared();
            return null;
        }
    }

    /**
     * What a group has changed so far, on top of the index: its checks (room, existence) see the
     * group's earlier changes, and the index learns all of them only once they are committed.
     */
    private final class Staging {
        boolean cleared;
        private final Map<String, User> added = new LinkedHashMap<>();
        private final Map<String, User> removed = new HashMap<>();
        private long addedBytes;
        private long removedBytes;

        void checkRoomFor(User user, long userBytes) {
            int users = (cleared ? 0 : index.size()) - removed.size() + added.size();
            long bytes = (cleared ? 0 : index.textBytes()) - removedBytes + addedBytes;
            index.checkRoomFor(users, bytes, userBytes);
        }

        boolean exists(String id) {
            return added.containsKey(id) || (!cleared && !removed.containsKey(id) && index.get(id).isPresent());
        }

        void added(User user, long bytes) {
            added.put(user.id(), user);
            addedBytes += bytes;
        }

        void removed(String id) {
            User user = added.remove(id);
            if (user != null) {
                addedBytes -= Capacity.bytesOf(user.name(), user.email());
                return;
            }
            user = index.get(id).orElseThrow();
            removed.put(id, user);
            removedBytes += Capacity.bytesOf(user.name(), user.email());
        }

        void cleared() {
            cleared = true;
            added.clear();
            removed.clear();
            addedBytes = 0;
            removedBytes = 0;
        }

        void applyTo(InMemoryUserStore memory) {
            if (cleared) {
                memory.clear();
            }
            removed.keySet().forEach(memory::delete);
            added.values().forEach(memory::add);
        }
    }

    /**
     * The writer's prepared statements, made when first needed and kept from group to group (no
     * statement is compiled again per write). After a failed group they are all closed and made
     * afresh, because sqlite-jdbc closes a statement whose step failed (SQLITE_FULL among others),
     * and a kept one would refuse every later write.
     */
    private final class Statements {
        private PreparedStatement begin;
        private PreparedStatement commit;
        private PreparedStatement insert;
        private PreparedStatement delete;

        void begin() throws SQLException {
            if (begin == null) {
                // IMMEDIATE takes the write lock at once, so the group never fails halfway for a lock.
                begin = db.prepareStatement("BEGIN IMMEDIATE");
            }
            begin.execute();
        }

        void insert(User user) throws SQLException {
            if (insert == null) {
                insert = db.prepareStatement("INSERT INTO users (id, name, email) VALUES (?, ?, ?)");
            }
            insert.setString(1, user.id());
            insert.setString(2, user.name());
            insert.setString(3, user.email());
            insert.executeUpdate();
        }

        void delete(String id) throws SQLException {
            if (delete == null) {
                delete = db.prepareStatement("DELETE FROM users WHERE id = ?");
            }
            delete.setString(1, id);
            delete.executeUpdate();
        }

        void deleteAll() throws SQLException {
            try (Statement sql = db.createStatement()) {
                sql.execute("DELETE FROM users");
            }
        }

        /** One COMMIT: with {@code synchronous=FULL} the log is fsynced before this returns. */
        void commit() throws SQLException {
            if (commit == null) {
                commit = db.prepareStatement("COMMIT");
            }
            commit.execute();
        }

        /** Closes every statement, to be made again when next needed. Never throws. */
        void discard() {
            for (PreparedStatement statement : new PreparedStatement[] {begin, commit, insert, delete}) {
                try {
                    if (statement != null) {
                        statement.close();
                    }
                } catch (SQLException ignored) {
                    // sqlite-jdbc may have closed it already after a failed step.
                }
            }
            begin = null;
            commit = null;
            insert = null;
            delete = null;
        }
    }

    /** What an SQLite error at start means for the person starting RestLab. */
    static StoreUnavailableException explain(Path file, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String detail = "SQLite says: " + firstLine(e.getMessage());
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL || (isIoError(e) && diskNearlyFull(file))) {
            // A full disk shows at start as an I/O error on the shared-memory file (SQLITE_IOERR_SHMSIZE).
            return StoreUnavailableException.diskFull(file, detail, e);
        }
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

    /** SQLITE_IOERR and its extended codes (the primary code is the low byte). */
    private static boolean isIoError(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code;
    }

    /** Less room left on the disk holding {@code file} than SQLite needs to open it (its log and shared memory). */
    private static boolean diskNearlyFull(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return java.nio.file.Files.getFileStore(folder).getUsableSpace() < DISK_ROOM_TO_OPEN;
        } catch (java.io.IOException | RuntimeException e) {
            return false; // cannot tell: the plain reason stands
        }
    }

    /** SQLite's shared memory takes 32 KiB and the log grows by pages: under 1 MiB free is full for it. */
    private static final long DISK_ROOM_TO_OPEN = 1024 * 1024;

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
