package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.UserApiClient;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends a request with awkward bytes, runs the generated "copy as curl" command with
 * {@code bash -c}, and checks that the server saw the same request again.
 */
class CopyAsCurlTest {

    /** One server for the class: each test's requests are told apart by a unique target. */
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    private static int marker;

    /** Sends head + body on a raw socket, replays the copied command, compares both exchanges. */
    private static String replay(String method, String target, List<String> headers, byte[] body) throws Exception {
        String unique = target + (target.contains("?") ? "&" : "?") + "copy=" + (++marker);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + unique + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.write(body);
        }
        try (RawConnection client = SERVER.connect()) {
            client.send(request.toByteArray());
            if (method.equals("HEAD")) {
                client.readHeadResponse();
            } else {
                client.readResponse();
            }
        }
        Exchange original = SERVER.awaitExchange(x -> x.target().equals(unique));

        String command = CurlText.copyAsCurl(original, "http://127.0.0.1:" + SERVER.port());
        Requires.bashAndCurl();
        Process bash = new ProcessBuilder("bash", "-c", command + " --silent --output /dev/null")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "the command hangs: " + command);
        assertEquals(0, bash.exitValue(), command);
        Exchange again = SERVER.awaitExchange(x -> x.target().equals(unique) && x.id() != original.id());

        assertEquals(original.method(), again.method(), command);
        assertEquals(original.request().version(), again.request().version(), command);
        assertEquals(headersBut(original), headersBut(again), command);
        assertArrayEquals(original.request().body().stored(), again.request().body().stored(), command);
        assertEquals(original.status(), again.status(), command);
        return command;
    }

    /** The headers curl should reproduce: Host and Content-Length come from the URL and body. */
    private static List<Header> headersBut(Exchange e) {
        return e.request().headers().stream()
                .filter(h -> !List.of("host", "content-length").contains(h.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void quotes_dollars_bangs_backslashes_newlines_and_non_ascii_in_body_and_headers() throws Exception {
        String json = "{\"name\": \"O'Brien \\\"Bob\\\" $HOME !! `id` \\\\ é 日本 😀\nline two\", \"email\": \"o@b.ie\"}";
        replay("POST", "/people/v1/users",
                List.of("Content-Type: application/json", "X-Note: it's \"quoted\" $PATH !event \\ é"),
                utf8(json));
    }

    @Test
    void a_target_with_shell_and_curl_pattern_characters() throws Exception {
        String command = replay("DELETE", "/people/v1/users/nope?q=$HOME&x='a'&y=!b&z=[1]{2}", List.of(), null);
        assertTrue(command.contains("--globoff"), command);
    }

    @Test
    void control_bytes_tabs_carriage_returns_and_bytes_that_are_not_utf8() throws Exception {
        byte[] body = {'a', '\t', 'b', '\r', '\n', 1, 0x7f, (byte) 0xff, (byte) 0xc3, '\'', '\\', '$'};
        replay("POST", "/people/v1/users", List.of("Content-Type: text/plain"), body);
    }

    @Test
    void a_body_with_a_nul_byte_goes_through_a_pipe() throws Exception {
        String command = replay("POST", "/people/v1/users", List.of("Content-Type: application/json"),
                new byte[] {'{', 0, '}', '%', 'd'});
        assertTrue(command.startsWith("printf"), command);
    }

    @Test
    void empty_header_values_browser_headers_head_and_an_empty_put() throws Exception {
        replay("GET", "/", List.of("User-Agent: Mozilla/5.0 (X11; 'quoted')", "Accept: text/html", "X-Empty:"), null);
        replay("HEAD", "/", List.of(), null);
        replay("PUT", "/people/v1/users", List.of(), new byte[0]);
    }

    @Test
    void a_copy_of_the_windows_request_run_in_a_terminal_is_a_terminals_request_and_prints_what_the_pane_shows()
            throws Exception {
        UserApiClient window = new UserApiClient(() -> URI.create("http://127.0.0.1:" + SERVER.port()));
        window.filterByName("Copy Me");
        Exchange original = SERVER.awaitExchange(x -> x.target().endsWith("?name=Copy+Me") && UserApiClient.sentByWindow(x));

        String command = CurlText.copyAsCurl(original, "http://127.0.0.1:" + SERVER.port());
        Requires.bashAndCurl();
        Process bash = new ProcessBuilder("bash", "-c", command + " --silent").start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "the command hangs: " + command);
        assertEquals(0, bash.exitValue(), command);
        Exchange again = SERVER.awaitExchange(x -> x.target().endsWith("?name=Copy+Me") && x.id() != original.id());

        assertFalse(UserApiClient.sentByWindow(again), "the pasted command is not taken for the window: " + command);
        assertTrue(again.request().header("User-Agent").orElseThrow().startsWith("curl/"), command);
        assertEquals(CurlText.curlI(again).substring(0, CurlText.curlI(again).indexOf("\r\n")),
                printed.substring(0, printed.indexOf("\r\n")), "curl -i prints the status line the pane shows");
        assertTrue(printed.endsWith("User with name 'Copy Me' not found\n"), printed);
    }
}
