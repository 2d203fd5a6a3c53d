package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file RestLab refuses is inspected without writing to it: the database and the log another
 * program left beside it (write-ahead frames not yet folded back) stay byte for byte.
 */
class RefusedFileTest {

    private static final List<String> FILES = List.of("users.db", "users.db-wal", "users.db-shm");

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    @Test
    void another_programs_database_with_unfolded_log_frames_is_refused_and_all_three_files_stay_as_they_were()
            throws Exception {
        leaveWithUnfoldedLog("CREATE TABLE invoices (n INTEGER)", "INSERT INTO invoices VALUES (42)");
        Map<String, String> before = hashes();

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                () -> SqliteUserStore.open(dir).close());

        assertTrue(refused.getMessage().contains("not one of RestLab's"), refused.getMessage());
        assertEquals(before, hashes());
    }

    @Test
    void a_newer_restlab_format_with_unfolded_log_frames_is_refused_and_all_three_files_stay_as_they_were()
            throws Exception {
        try (SqliteUserStore store = SqliteUserStore.open(elsewhere)) {
            store.create("John", "john@example.com");
        }
        leaveWithUnfoldedLog("PRAGMA user_version=2", "INSERT INTO users (id, name, email) VALUES ('x', 'Ann', 'a@b')");
        Map<String, String> before = hashes();

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                () -> SqliteUserStore.open(dir).close());

        assertTrue(refused.getMessage().contains("format 2"), refused.getMessage());
        assertEquals(before, hashes());
    }

    @Test
    void a_file_in_a_folder_whose_name_needs_escaping_in_a_uri_is_inspected_and_reopened() throws Exception {
        Path odd = dir.resolve("class 3b #1 ?x=%41 ünï");
        User john;
        try (SqliteUserStore store = SqliteUserStore.open(odd)) {
            john = store.create("John", "john@example.com");
        }
        try (SqliteUserStore again = SqliteUserStore.open(odd)) {
            assertEquals(List.of(john), again.all());
        }
    }

    /**
     * Runs {@code sql} on {@code elsewhere/users.db} in write-ahead mode and copies the database
     * and its log into {@code dir} while the connection is still open, before it folds the log
     * back in: what a program that crashed (or is still running) leaves behind.
     */
    private void leaveWithUnfoldedLog(String... sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + elsewhere.resolve("users.db"));
                Statement statement = db.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA wal_autocheckpoint=0");
            for (String each : sql) {
                statement.execute(each);
            }
            for (String name : FILES) {
                Files.copy(elsewhere.resolve(name), dir.resolve(name));
            }
        }
        assertTrue(Files.size(dir.resolve("users.db-wal")) > 0, "the log holds frames");
    }

    /** Each of the three files' SHA-256, or "absent". */
    private Map<String, String> hashes() throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            hashes.put(name, Files.exists(file)
                    ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
                    : "absent");
        }
        return hashes;
    }
}
