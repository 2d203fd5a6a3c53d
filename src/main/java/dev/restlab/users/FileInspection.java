package dev.restlab.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Looks at a {@code users.db} without writing to it or to the log beside it, before RestLab may
 * open it for writing. Opening a database in place is not enough: SQLite folds a write-ahead
 * log back into the file when the last connection closes, even one that only read, so a file
 * RestLab then refuses would have been changed after all.
 *
 * <p>With no log or journal beside it, the file is read where it lies in SQLite's immutable
 * mode, which takes no locks and creates or writes nothing. With one, a private copy of the file
 * and its log is read and then thrown away, so SQLite may replay the log into the copy only.
 */
final class FileInspection {

    /** What a sound file holds. */
    enum Verdict {
        /** An empty database (or an empty file): RestLab may make its table in it. */
        EMPTY,
        /** RestLab's users, in the format this RestLab reads. */
        RESTLABS
    }

    private static final List<String> LOGS = List.of("-wal", "-journal");

    private FileInspection() {
    }

    /** Whether there is anything at {@code file} to inspect: the file or a log of it. */
    static boolean anythingAt(Path file) {
        return Files.exists(file) || LOGS.stream().anyMatch(log -> Files.exists(sibling(file, log)));
    }

    /**
     * @throws StoreUnavailableException when the file is damaged, not a database, not RestLab's,
     *     or of a newer format; nothing has been written to it or its log
     */
    static Verdict inspect(Path file, int applicationId, int formatVersion) throws StoreUnavailableException {
        boolean logBeside = LOGS.stream().anyMatch(log -> Files.exists(sibling(file, log)));
        if (!logBeside) {
            SQLiteConfig immutable = new SQLiteConfig();
            immutable.setReadOnly(true);
            immutable.setOpenMode(SQLiteOpenMode.OPEN_URI);
            return inspect(file, "jdbc:sqlite:" + file.toUri() + "?immutable=1", immutable,
                    applicationId, formatVersion);
        }
        Path copies;
        try {
            copies = Files.createTempDirectory("restlab-inspect-");
        } catch (IOException e) {
            throw StoreUnavailableException.cannotOpen(file, "no private copy of it and its log could be"
                    + " made to look at them first: " + e.getMessage(), e);
        }
        try {
            Path copy = copies.resolve(file.getFileName());
            for (String suffix : List.of("", "-wal", "-journal")) {
                Path original = sibling(file, suffix);
                if (Files.exists(original)) {
                    Files.copy(original, sibling(copy, suffix));
                }
            }
            // Read and write: SQLite may need to replay the log, into the copy.
            return inspect(file, "jdbc:sqlite:" + copy, new SQLiteConfig(), applicationId, formatVersion);
        } catch (IOException e) {
            throw StoreUnavailableException.cannotOpen(file, "no private copy of it and its log could be"
                    + " made to look at them first: " + e.getMessage(), e);
        } finally {
            deleteQuietly(copies);
        }
    }

    /** Opens {@code url} (the file, or a copy of it) and judges what it holds, naming {@code file}. */
    private static Verdict inspect(Path file, String url, SQLiteConfig config, int applicationId,
            int formatVersion) throws StoreUnavailableException {
        try (Connection db = DriverManager.getConnection(url, config.toProperties());
                Statement sql = db.createStatement()) {
            // Reading every page turns "not a database" or a damaged page into an answer here,
            // at start, rather than an error in the middle of serving.
            String check = singleString(sql, "PRAGMA quick_check");
            if (!"ok".equals(check)) {
                throw StoreUnavailableException.damaged(file, "SQLite's check says: " + check, null);
            }
            int foundId = singleInt(sql, "PRAGMA application_id");
            int version = singleInt(sql, "PRAGMA user_version");
            int tables = singleInt(sql, "SELECT count(*) FROM sqlite_schema");
            if (foundId == 0 && version == 0 && tables == 0) {
                return Verdict.EMPTY;
            }
            if (foundId != applicationId) {
                throw StoreUnavailableException.notOurs(file, "another program made it");
            }
            if (version != formatVersion) {
                throw StoreUnavailableException.notOurs(file, "it has format " + version
                        + ", this RestLab reads format " + formatVersion + "; a newer RestLab may have written it");
            }
            return Verdict.RESTLABS;
        } catch (SQLException e) {
            throw SqliteUserStore.explain(file, e);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String singleString(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static int singleInt(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> inside = Files.walk(folder)) {
            inside.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A copy left in the temporary folder harms nothing; the system clears it in time.
        }
    }
}
