package dev.restlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs {@code restlab --headless} as a child process, as a student would in a terminal. */
class HeadlessTest {

    @Test
    @Timeout(60)
    void serves_prints_its_url_and_an_access_line_per_request_and_stops_cleanly_on_sigterm() throws Exception {
        try (HeadlessChild child = HeadlessChild.start("--port", "0", "--in-memory")) {
            String url = child.awaitUrl();
            assertEquals("Press CTRL+C to quit", child.readLine());

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/people/v1/users?name=John")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());

            String access = child.readLine();
            assertTrue(access.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /people/v1/users\\?name=John HTTP/1\\.1\" 404 -"),
                    access);

            child.terminate();
            assertEquals("RestLab stopped.", child.readLine());
            assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        }
    }

    @Test
    @Timeout(60)
    void a_taken_port_is_a_message_and_exit_code_1_not_a_stack_trace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Process process = new ProcessBuilder(
                    HeadlessChild.command("--port", "" + taken.getLocalPort(), "--in-memory")).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue());
            assertTrue(err.contains("Port " + taken.getLocalPort() + " is already in use"), err);
            assertTrue(!err.contains("\tat "), err);
        }
    }
}
