package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A users.db (or its folder) that can be read but not written is refused at start with a
 * message saying so, instead of being served until the first write fails. The files are made
 * immutable with {@code chattr +i}, which holds even for root (as in CI); where chattr is not
 * allowed the test is skipped, saying why. The flag is always taken off again.
 */
class UnwritableFileTest {

    @TempDir
    Path dir;

    @Test
    void an_immutable_users_db_is_refused_at_start_with_the_reason_and_served_again_once_writable()
            throws Exception {
        User john;
        try (SqliteUserStore store = SqliteUserStore.open(dir)) {
            john = store.create("John", "john@example.com");
        }
        Path file = dir.resolve("users.db");
        byte[] before = Files.readAllBytes(file);
        StoreUnavailableException refused;
        try (Immutable immutable = Immutable.make(file)) {
            refused = assertThrows(StoreUnavailableException.class, () -> SqliteUserStore.open(dir).close());
        }

        String message = refused.getMessage();
        assertTrue(message.startsWith("RestLab cannot keep users in " + file.toAbsolutePath()
                + ": the file can be read but not written"), message);
        assertTrue(message.contains("--data-dir") && message.contains("--in-memory"), message);
        assertFalse(message.contains("\n"), message);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("users.db-wal")));
        try (SqliteUserStore again = SqliteUserStore.open(dir)) {
            assertEquals(List.of(john), again.all());
            again.create("Ann", "ann@example.com");
        }
    }

    @Test
    void a_folder_that_cannot_be_written_is_refused_even_when_its_lock_file_is_there_already() throws Exception {
        SqliteUserStore.open(dir).close(); // leaves users.db and restlab.lock behind
        StoreUnavailableException refused;
        try (Immutable immutable = Immutable.make(dir)) {
            refused = assertThrows(StoreUnavailableException.class, () -> SqliteUserStore.open(dir).close());
        }

        assertTrue(refused.getMessage().contains("its folder " + dir.toAbsolutePath()
                + " cannot be created or written"), refused.getMessage());
    }

    /** {@code chattr +i} on a file or folder until closed; skips the test where not allowed. */
    private static final class Immutable implements AutoCloseable {
        private final Path path;

        private Immutable(Path path) {
            this.path = path;
        }

        static Immutable make(Path path) throws IOException, InterruptedException {
            String failed = chattr("+i", path);
            if (failed != null) {
                abort("Skipped: making a file immutable (chattr +i, as root) is not possible here: " + failed);
            }
            return new Immutable(path);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            String failed = chattr("-i", path);
            if (failed != null) {
                throw new IOException("could not make " + path + " writable again: " + failed);
            }
        }

        /** Null when it worked, else what went wrong. */
        private static String chattr(String flag, Path path) throws IOException, InterruptedException {
            Process process;
            try {
                process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                return String.valueOf(notInstalled.getMessage());
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "chattr did not finish";
            }
            return process.exitValue() == 0 ? null : output.strip();
        }
    }
}
