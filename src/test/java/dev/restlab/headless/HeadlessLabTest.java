package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    + " (known: answer, beside, check, checks, command, explanation, id, note, optional, question,"
                    + " reference, remembers, server, task, title)", readUntil(child, "restlab: "));
            child.awaitUrl();
            child.terminate();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        }
    }
}
