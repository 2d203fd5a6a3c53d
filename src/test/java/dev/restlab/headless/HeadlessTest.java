package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
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
    void allow_host_adds_a_name_and_other_names_are_refused_with_how_to_allow_them() throws Exception {
        try (HeadlessChild child = HeadlessChild.start("--port", "0", "--in-memory", "--allow-host", "restlab.test")) {
            URI url = URI.create(child.awaitUrl());

            assertTrue(statusLine(url, "restlab.test:" + url.getPort()).startsWith("HTTP/1.1 200 "));
            String refused = answer(url, "evil.example:" + url.getPort());
            assertTrue(refused.startsWith("HTTP/1.1 421 Misdirected Request\r\n"), refused);
            assertTrue(refused.endsWith("restart RestLab with --allow-host evil.example"
                    + " (or add the name in the window's server bar)\n"), refused);
        }
    }

    @Test
    @Timeout(60)
    void a_fault_asked_for_is_explained_at_the_start_and_marked_on_its_access_line() throws Exception {
        try (HeadlessChild child = HeadlessChild.start("--port", "0", "--in-memory",
                "--fault", "status 503 on POST /people/v1/users")) {
            String url = child.awaitUrl();
            assertEquals("Press CTRL+C to quit", child.readLine());
            assertTrue(child.readLine().startsWith(" * Fault on purpose: status 503 on POST /people/v1/users. The server"
                    + " answers 503 instead of running the route"));
            assertTrue(child.readLine().contains("A good client waits as long as Retry-After says"));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/people/v1/users"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"j@x.org\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode());
            assertEquals("2", response.headers().firstValue("Retry-After").orElse(""));
            String access = child.readLine();
            assertTrue(access.endsWith("\"POST /people/v1/users HTTP/1.1\" 503 -  <- fault on purpose: status 503 on"
                    + " POST /people/v1/users"), access);
        }
    }

    @Test
    @Timeout(60)
    void a_fault_in_proxy_mode_acts_in_front_of_the_target_and_its_access_line_names_it() throws Exception {
        Requires.curl();
        try (ScriptedTarget target = ScriptedTarget.answering(head -> "HTTP/1.1 204 NO CONTENT\r\n\r\n");
                HeadlessChild child = HeadlessChild.start("--port", "0", "--in-memory",
                        "--proxy-to", target.url().toString(), "--fault", "reset on DELETE")) {
            String url = child.awaitUrl();
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--max-time", "20", "-X", "DELETE",
                    url + "/people/v1/users/abc").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
            assertEquals(56, curl.exitValue(), "curl: (56) Connection reset by peer");
            String line;
            while ((line = child.readLine()) != null && !line.contains("\"DELETE /people/v1/users/abc HTTP/1.1\"")) {
                // the banner, its proxy lines and its fault lines
            }
            assertTrue(line != null && line.endsWith("  <- no answer: connection reset by the server before any answer;"
                    + " fault on purpose: reset on DELETE"), line);
            assertTrue(target.heads().isEmpty(), "the DELETE never reached the target: " + target.heads());
        }
    }

    private static String statusLine(URI url, String host) throws Exception {
        return answer(url, host).lines().findFirst().orElse("");
    }

    /** GET / with this Host header, on a raw socket (java.net.http does not let a caller set Host). */
    private static String answer(URI url, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
