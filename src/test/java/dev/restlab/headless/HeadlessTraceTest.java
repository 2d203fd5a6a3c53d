package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Requires;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code restlab --headless --trace} as a child process: each exchange printed as curl shows it. */
class HeadlessTraceTest {

    @Test
    @Timeout(60)
    void trace_prints_the_access_line_the_request_and_the_response_as_curl_i_shows_it() throws Exception {
        try (HeadlessChild child = HeadlessChild.start("--trace", "--port", "0", "--in-memory")) {
            String url = child.awaitUrl();
            assertEquals("Press CTRL+C to quit", child.readLine());

            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(url + "/people/v1/users"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Tess\", \"email\": \"t@x.org\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode());

            List<String> lines = new ArrayList<>();
            String line;
            while ((line = child.readLine()) != null && !line.startsWith("User created successfully!")) {
                lines.add(line);
            }
            assertEquals(response.body().strip(), line);
            assertTrue(lines.get(0).matches(
                    "127\\.0\\.0\\.1 - - \\[[^]]+] \"POST /people/v1/users HTTP/1\\.1\" 201 -"), lines.get(0));
            assertEquals("POST /people/v1/users HTTP/1.1", lines.get(1));
            assertTrue(lines.contains("Content-Type: application/json"), lines.toString());
            int blank = lines.indexOf("");
            assertEquals("{\"name\": \"Tess\", \"email\": \"t@x.org\"}", lines.get(blank + 1));
            assertEquals("HTTP/1.1 201 Created", lines.get(blank + 2));
            assertTrue(lines.contains("Location: " + response.headers().firstValue("Location").orElseThrow()),
                    lines.toString());
            assertEquals("", lines.get(lines.size() - 1), "a blank line before the body, as curl -i prints");

            child.terminate();
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
    }

    @Test
    @Timeout(60)
    void a_reset_on_purpose_is_traced_as_a_request_with_no_answer_and_what_a_good_client_does() throws Exception {
        Requires.curl();
        try (HeadlessChild child = HeadlessChild.start("--trace", "--port", "0", "--in-memory",
                "--fault", "reset on POST /people/v1/users")) {
            String url = child.awaitUrl();
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--max-time", "20", "-X", "POST",
                    "-H", "Content-Type: application/json", "-d", "{\"name\": \"Ann\", \"email\": \"a@x.org\"}",
                    url + "/people/v1/users").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals(56, curl.exitValue(), "curl: (56) Recv failure: Connection reset by peer");

            String line;
            while ((line = child.readLine()) != null && !line.contains("\"POST /people/v1/users HTTP/1.1\"")) {
                // the banner and its fault lines
            }
            assertTrue(line != null && line.endsWith("\" 0 -  <- no answer: connection reset by the server before any"
                    + " answer; fault on purpose: reset on POST /people/v1/users"), line);
            List<String> lines = new ArrayList<>();
            while ((line = child.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("* A good client")) {
                    break;
                }
            }
            String printed = String.join("\n", lines);
            assertTrue(printed.contains("HTTP/1.1 0 (no answer: connection reset by the server before any answer)"),
                    printed);
            assertTrue(printed.contains("* OpenAPI: createUser: no answer to judge"), printed);
            assertTrue(printed.contains("* Fault on purpose: reset on POST /people/v1/users. The connection is reset"),
                    printed);
            assertTrue(printed.contains("* A good client retries idempotent requests (GET, PUT, DELETE) with backoff"),
                    printed);
            assertTrue(printed.contains("This POST is not idempotent"), printed);

            child.terminate();
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
    }

    @Test
    @Timeout(60)
    void escape_sequences_from_the_wire_reach_the_terminal_escaped() throws Exception {
        try (HeadlessChild child = HeadlessChild.start("--trace", "--port", "0", "--in-memory")) {
            String url = child.awaitUrl();
            assertEquals("Press CTRL+C to quit", child.readLine());
            int port = URI.create(url).getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
                        + "\u001b[2J\u001b]0;pwn\u0007").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                socket.getInputStream().readAllBytes();
            }
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = child.readLine()) != null && !line.startsWith("* OpenAPI:")) {
                lines.add(line);
            }
            String printed = String.join("\n", lines);
            assertTrue(printed.contains("\\x1b[2J\\x1b]0;pwn\\x07"), printed);
            assertTrue(printed.chars().noneMatch(c -> c == 0x1b || c == 0x07), "no raw control character printed");

            child.terminate();
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
    }
}
