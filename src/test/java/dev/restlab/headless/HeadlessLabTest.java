package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code restlab --headless --lab handout --lab-report FILE} as a child process, as a student runs it. */
class HeadlessLabTest {

    private static String readUntil(HeadlessChild child, String start) throws Exception {
        String line;
        while ((line = child.readLine()) != null) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new AssertionError("the output ended before a line starting with " + start);
    }

    @Test
    @Timeout(60)
    void ticks_print_as_they_happen_and_the_report_is_written_at_the_stop(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("my-lab");
        try (HeadlessChild child = HeadlessChild.start("--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--lab", "handout", "--lab-report", report.toString())) {
            String url = child.awaitUrl();
            int port = URI.create(url).getPort();
            assertTrue(readUntil(child, "Lab: ").startsWith("Lab: HTTP Server in Python with Flask"));
            assertEquals("✓ 1/14 Start the server — the server answers on port " + port, readUntil(child, "✓"));
            assertEquals("→ Step 2/14: Ask the root of the server with curl", readUntil(child, "→"));
            assertEquals("  $ curl http://127.0.0.1:" + port, readUntil(child, "  $"));

            HttpResponse<String> root = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, root.statusCode());
            assertTrue(readUntil(child, "✓").matches("✓ 2/14 Ask the root of the server with curl"
                    + " — exchange #\\d+, GET /, 200 OK"));
            assertEquals("→ Step 3/14: See the status line and the headers with curl -i", readUntil(child, "→"));

            child.terminate();
            assertTrue(readUntil(child, "Lab report written to ").endsWith("my-lab.html"));
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
        String markdown = Files.readString(dir.resolve("my-lab.md"));
        assertTrue(markdown.contains("Steps done: 2 of 14"), markdown);
        assertTrue(Files.readString(dir.resolve("my-lab.html")).contains("<h2>✓ 2. Ask the root of the server"));
        assertTrue(Files.list(dir.resolve("data")).anyMatch(f -> f.getFileName().toString().startsWith("lab-")),
                "progress kept in the data folder");
    }

    @Test
    @Timeout(60)
    void a_wrong_lab_file_is_named_with_its_line_and_the_server_still_starts(@TempDir Path dir) throws Exception {
        Path lab = Files.writeString(dir.resolve("broken.yaml"), "title: x\nsteps:\n  - id: a\n    titel: A\n");
        Process process = new ProcessBuilder(HeadlessChild.command("--port", "0", "--in-memory", "--lab", lab.toString()))
                .redirectErrorStream(true).start();
        try (HeadlessChild child = new HeadlessChild(process)) {
            assertEquals("restlab: the lab is not used: " + lab + ", line 4: unknown key 'titel' in a step"
                    + " (known: answer, beside, check, checks, command, explanation, faults, id, note, optional, question,"
                    + " reference, remembers, server, task, title)", readUntil(child, "restlab: "));
            child.awaitUrl();
            child.terminate();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    @Timeout(60)
    void a_report_that_names_a_folder_is_refused_before_serving(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(HeadlessChild.command("--port", "0", "--in-memory", "--lab", "handout",
                "--lab-report", "/")).redirectErrorStream(true).start();
        try (HeadlessChild child = new HeadlessChild(process)) {
            assertEquals("restlab: --lab-report /: this is a folder; name a file in it, e.g. /session.har"
                    .replace("/session.har", Path.of("/").resolve("session.har").toString()), readUntil(child, "restlab: "));
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue());
        }
    }

    @Test
    @Timeout(60)
    void a_report_that_fails_at_the_stop_leaves_the_har_written_and_the_store_closed(@TempDir Path dir)
            throws Exception {
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Path har = dir.resolve("session.har");
        Path data = dir.resolve("data");
        Process process = new ProcessBuilder(HeadlessChild.command("--port", "0", "--data-dir", data.toString(),
                "--lab", "handout", "--lab-report", reports.resolve("lab").toString(), "--har", har.toString()))
                .redirectErrorStream(true).start();
        try (HeadlessChild child = new HeadlessChild(process)) {
            String url = child.awaitUrl();
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            readUntil(child, "✓ 2/14");
            Files.delete(reports); // the folder checked at the start is gone at the stop
            child.terminate();
            assertTrue(readUntil(child, "restlab: the lab report could not be written").contains(reports.toString()));
            assertTrue(readUntil(child, " * HAR: ").startsWith(" * HAR: 1 exchanges written to " + har));
            assertEquals("RestLab stopped.", readUntil(child, "RestLab stopped."));
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
        assertTrue(Files.size(har) > 0);
        try (var files = Files.list(data)) {
            List<String> left = files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith("-wal")
                    || name.endsWith("-shm")).toList();
            assertEquals(List.of(), left, "the store was closed: SQLite removes its WAL at the last close");
        }
        try (FileChannel lock = FileChannel.open(data.resolve("restlab.lock"), StandardOpenOption.WRITE)) {
            assertTrue(lock.tryLock() != null, "the data folder's lock was let go");
        }
    }
}
