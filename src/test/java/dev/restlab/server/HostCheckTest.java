package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import dev.restlab.users.User;
import dev.restlab.wire.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding: a web page that points its own name at 127.0.0.1 reaches RestLab with that name
 * in {@code Host}. Only requests naming this server are answered; the others get 421.
 */
class HostCheckTest {

    private static final String USERS = "/people/v1/users";
    private static final String JSON = "{\"name\": \"Mallory\", \"email\": \"m@evil.example\"}";

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private RawResponse send(String method, String target, String host) throws Exception {
        return server.exchange(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private RawResponse post(String host) throws Exception {
        return server.exchange("POST " + USERS + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + JSON.length() + "\r\n\r\n" + JSON);
    }

    @Test
    void a_foreign_host_name_gets_421_for_get_post_and_delete_and_changes_nothing() throws Exception {
        User kept = server.store().create("Alice", "alice@example.com");
        String evil = "evil.example:" + server.port();

        RawResponse created = post(evil);
        RawResponse deleted = send("DELETE", USERS + "/" + kept.id(), evil);
        RawResponse listed = send("GET", USERS, evil);

        for (RawResponse refused : List.of(created, deleted, listed)) {
            assertEquals(421, refused.status(), refused.head());
            assertTrue(refused.head().startsWith("HTTP/1.1 421 Misdirected Request"), refused.head());
            assertEquals("text/plain;charset=utf-8", refused.header("Content-Type").orElseThrow());
            assertEquals("Misdirected Request: this server does not answer for the host name evil.example;"
                    + " to allow it, restart RestLab with --allow-host evil.example"
                    + " (or add the name in the window's server bar)\n", refused.text());
        }
        assertEquals(List.of(kept), server.store().all(), "a refused request changed the users");
    }

    @Test
    void refused_exchanges_are_recorded_like_any_other() throws Exception {
        send("DELETE", USERS + "/1", "evil.example");
        Exchange recorded = server.awaitExchange(x -> x.method().equals("DELETE"));
        assertEquals(421, recorded.status());
        assertEquals("evil.example", recorded.request().header("Host").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/docs", "/openapi.json", "/no/such/path"})
    void every_path_is_covered_including_the_docs(String path) throws Exception {
        assertEquals(421, send("GET", path, "evil.example").status(), path);
    }

    @Test
    void options_and_absolute_form_targets_are_covered() throws Exception {
        assertEquals(421, send("OPTIONS", USERS, "evil.example").status());
        assertEquals(421, send("OPTIONS", "*", "evil.example").status());
        assertEquals(421, send("CONNECT", "127.0.0.1:22", "evil.example").status());
        assertEquals(405, send("CONNECT", "example.com:443", "127.0.0.1").status(), "the tunnel's target is not a Host");
        // The absolute-form target names the host; Host must not be a way around it.
        assertEquals(421, send("GET", "http://evil.example:" + server.port() + "/", "127.0.0.1").status());
        assertEquals(421, send("GET", "http://127.0.0.1:" + server.port() + "/", "evil.example").status());
        assertEquals(200, send("GET", "http://127.0.0.1:" + server.port() + "/", "127.0.0.1").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "LocalHost", "localhost.", "127.0.0.1:5001",
        "[0:0:0:0:0:0:0:1]", "127.0.0.2"})
    void names_of_this_computer_pass_with_or_without_a_port(String host) throws Exception {
        String withPort = host.endsWith("]") || !host.contains(":") ? host + ":" + server.port() : host;
        assertEquals(200, send("GET", "/", withPort).status(), withPort);
        assertEquals(200, send("GET", "/", host).status(), host);
        assertEquals(201, post(host).status(), host);
    }

    @Test
    void a_request_that_names_no_host_is_answered_as_a_browser_never_sends_one() throws Exception {
        RawResponse answer = server.exchange("GET / HTTP/1.0\r\n\r\n");
        assertEquals(200, answer.status(), answer.head());
        RawResponse empty = server.exchange("GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n");
        assertEquals(200, empty.status(), empty.head());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost.evil.example", "127.0.0.1.nip.io", "evil.example", "192.0.2.7", "[2001:db8::1]"})
    void look_alikes_and_other_addresses_are_refused(String host) throws Exception {
        assertEquals(421, send("GET", "/", host).status(), host);
    }

    @Test
    void an_allowed_name_passes_at_once_on_the_running_server() throws Exception {
        assertEquals(421, post("classroom.example").status());
        server.api().allowHost("Classroom.Example");
        assertEquals(201, post("classroom.example:" + server.port()).status());
        assertEquals(List.of("classroom.example"), server.api().allowedHosts());
        assertEquals(421, post("evil.example").status(), "only the name allowed passes");
    }

    @Test
    void a_name_to_allow_must_be_a_host_name() {
        for (String bad : List.of("", "evil.example:5001", "http://evil.example", "two words", "a/b")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> server.api().allowHost(bad), bad);
            assertTrue(refused.getMessage().contains("is not a host name"), refused.getMessage());
        }
        assertEquals("[::1]", AllowedHosts.normalize("::1"));
        assertEquals("[::1]", AllowedHosts.normalize("[0:0:0:0:0:0:0:1]"));
        assertEquals("[2001:db8::1:0:0:1]", AllowedHosts.normalize("2001:DB8:0:0:1:0:0:1"));
        assertEquals("[fe80::]", AllowedHosts.normalize("fe80:0:0:0:0:0:0:0"));
        assertEquals("[::]", AllowedHosts.normalize("::"));
        assertEquals("[1:2:3:4:5:6:7:8]", AllowedHosts.normalize("1:2:3:4:5:6:7:8"));
        assertEquals("192.0.2.7", AllowedHosts.normalize("192.0.2.7"));
        assertEquals("evil.example", AllowedHosts.normalize(" Evil.Example. "));
    }
}
