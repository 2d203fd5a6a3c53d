package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.har.Har12;
import dev.restlab.har.HarImport;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code restlab --headless --har FILE} as a child process: the traffic lands in FILE when it stops. */
class HeadlessHarTest {

    @Test
    @Timeout(60)
    void sigterm_writes_every_exchange_as_har(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.har");
        try (HeadlessChild child = HeadlessChild.start("--har", file.toString(), "--port", "0", "--in-memory")) {
            String url = child.awaitUrl();
            assertEquals("Press CTRL+C to quit", child.readLine());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(url + "/people/v1/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Tess\", \"email\": \"t@x.org\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode());
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(url + "/people/v1/users")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(child.readLine().contains("\"POST /people/v1/users HTTP/1.1\" 201"));
            assertTrue(child.readLine().contains("\"GET /people/v1/users HTTP/1.1\" 200"));

            child.terminate();
            assertEquals(" * HAR: 2 exchanges written to " + file, child.readLine());
            assertEquals("RestLab stopped.", child.readLine());
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
        byte[] har = Files.readAllBytes(file);
        Har12.assertValid(har);
        List<Exchange> exchanges = HarImport.read(har);
        assertEquals(List.of("POST /people/v1/users HTTP/1.1", "GET /people/v1/users HTTP/1.1"),
                exchanges.stream().map(e -> e.request().line()).toList());
        assertEquals("{\"name\": \"Tess\", \"email\": \"t@x.org\"}", exchanges.get(0).request().body().text());
        assertEquals(List.of(201, 200), exchanges.stream().map(Exchange::status).toList());
        assertTrue(exchanges.get(1).response().body().text().contains("\"name\":\"Tess\""));
    }

    @Test
    @Timeout(60)
    void a_har_file_in_a_folder_that_does_not_exist_is_refused_before_serving(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("missing").resolve("session.har");
        Process process = new ProcessBuilder(HeadlessChild.command("--har", file.toString(), "--port", "0",
                "--in-memory")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertEquals("restlab: --har " + file + ": the folder " + file.getParent() + " does not exist",
                err.strip());
    }
}
