package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the real curl (installed by .ci/run) against the server: what {@code curl -i} prints must
 * be, byte for byte, the rendering of the exchange the capture recorded for that very request.
 */
class RealCurlTest {

    /** One server for the class: each test's requests are told apart by a unique target. */
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    private static int marker;

    private static String url(String target) {
        return "http://127.0.0.1:" + SERVER.port() + target;
    }

    static byte[] run(List<String> command) throws IOException, InterruptedException {
        Requires.curl();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl hangs");
        assertEquals(0, process.exitValue(), "curl failed: " + command);
        return out;
    }

    /** Runs curl -i with these options on a target made unique, and returns what it printed. */
    private static void assertCurlIMatches(String method, String path, String... options) throws Exception {
        String target = path + (path.contains("?") ? "&" : "?") + "probe=" + (++marker);
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "-X", method));
        command.addAll(List.of(options));
        command.add(url(target));
        byte[] printed = run(command);
        Exchange e = SERVER.awaitExchange(x -> x.target().equals(target));
        assertEquals(new String(printed, StandardCharsets.UTF_8), CurlText.curlI(e));
        assertTrue(java.util.Arrays.equals(printed, CurlText.curlI(e).getBytes(StandardCharsets.UTF_8)),
                "byte for byte");
        assertTrue(e.request().header("User-Agent").orElse("").startsWith("curl/"));
    }

    @Test
    void the_welcome_page() throws Exception {
        assertCurlIMatches("GET", "/");
    }

    @Test
    void a_created_user_and_the_listing_with_non_ascii_text() throws Exception {
        assertCurlIMatches("POST", "/people/v1/users", "-H", "Content-Type: application/json",
                "--data-binary", "{\"name\": \"Zoë 日本\", \"email\": \"z@example.com\"}");
        assertCurlIMatches("GET", "/people/v1/users");
    }

    @Test
    void errors_redirects_and_method_guards() throws Exception {
        assertCurlIMatches("GET", "/people/v1/users/nobody");
        assertCurlIMatches("POST", "/people/v1/users", "--data-binary", "x");
        assertCurlIMatches("GET", "/test");
        assertCurlIMatches("PUT", "/people/v1/users");
        assertCurlIMatches("OPTIONS", "/people/v1/users");
    }

    @Test
    void an_interim_100_continue_is_printed_first_as_curl_does() throws Exception {
        assertCurlIMatches("POST", "/people/v1/users", "-H", "Expect: 100-continue",
                "-H", "Content-Type: application/json",
                "--data-binary", "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}");
        Exchange e = SERVER.traffic().snapshot().get(SERVER.traffic().snapshot().size() - 1);
        assertEquals(100, e.response().interim().get(0).status());
        assertTrue(CurlText.curlI(e).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"));
    }

    @Test
    void a_head_request_shows_headers_and_no_body() throws Exception {
        String target = "/?probe=head";
        byte[] printed = run(List.of("curl", "-s", "-I", url(target)));
        Exchange e = SERVER.awaitExchange(x -> x.target().equals(target));
        assertEquals(new String(printed, StandardCharsets.UTF_8), CurlText.curlI(e));
    }
}
