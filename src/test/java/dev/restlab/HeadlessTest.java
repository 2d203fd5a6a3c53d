package dev.restlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs {@code restlab --headless} as a child process, as a student would in a terminal. */
class HeadlessTest {

    private static final Pattern RUNNING = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    @Timeout(60)
    void serves_prints_its_url_and_an_access_line_per_request_and_stops_cleanly_on_sigterm() throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.restlab.Main", "--headless", "--port", "0", "--in-memory"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            while (url == null) {
                String line = out.readLine();
                assertTrue(line != null, "the server ended before printing where it serves");
                Matcher m = RUNNING.matcher(line);
                if (m.matches()) {
                    url = m.group(1);
                }
            }
            assertTrue(url != null, "no ' * Running on' line");
            assertEquals("Press CTRL+C to quit", out.readLine());

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/people/v1/users?name=John")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());

            String access = out.readLine();
            assertTrue(access.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /people/v1/users\\?name=John HTTP/1\\.1\" 404 -"),
                    access);

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our pipes
            assertEquals("RestLab stopped.", out.readLine());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void a_taken_port_is_a_message_and_exit_code_1_not_a_stack_trace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "dev.restlab.Main", "--headless", "--port", "" + taken.getLocalPort(), "--in-memory"))
                    .start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue());
            assertTrue(err.contains("Port " + taken.getLocalPort() + " is already in use"), err);
            assertTrue(!err.contains("\tat "), err);
        }
    }
}
