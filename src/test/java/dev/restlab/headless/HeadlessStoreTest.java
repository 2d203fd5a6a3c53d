package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code restlab --headless} facing a data file it cannot use, as a child process. */
class HeadlessStoreTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void a_corrupt_data_file_is_one_paragraph_and_exit_code_1_and_the_file_is_kept() throws Exception {
        Path file = dir.resolve("users.db");
        byte[] junk = "this is not a database, but a teacher's notes\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);

        Process process = new ProcessBuilder(HeadlessChild.command("--port", "0", "--data-dir", dir.toString()))
                .start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(1, process.exitValue());
        assertEquals("", out);
        assertTrue(err.startsWith("restlab: RestLab cannot keep users in " + file.toAbsolutePath()), err);
        assertTrue(err.contains("--data-dir DIR") && err.contains("--in-memory"), err);
        assertEquals(1, err.strip().lines().count(), "one paragraph, no stack trace: " + err);
        assertFalse(err.contains("\tat "), err);
        assertArrayEquals(junk, Files.readAllBytes(file));
    }
}
