package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.openapi.Conformance;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests no route takes get the same plain answers as any other: a tunnel request (CONNECT) a
 * 405, and paths that only look like served ones a 404 in text, never Spark's HTML page or a 500.
 * Sent over raw sockets, because curl and java.net.http would tidy the targets first.
 */
class UnroutableRequestsTest {

    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    @Test
    void connect_to_a_host_and_port_answers_405_not_500() throws Exception {
        for (String authority : List.of("127.0.0.1:22", "[::1]:80", "example.com:443")) {
            RawResponse answer = server.exchange("CONNECT", authority);
            assertEquals(405, answer.status(), authority + "\n" + answer);
            assertEquals(PathlessTargets.NOT_A_PROXY, answer.text());
            assertEquals(Optional.of("text/plain;charset=utf-8"), answer.header("Content-Type"));
            assertEquals(Optional.of(Long.toString(answer.body().length)), answer.header("Content-Length"));
            assertEquals(Optional.empty(), answer.header("Allow"), "no path, so no methods to list");
            assertEquals(Optional.of("close"), answer.header("Connection"));
            assertConforms("CONNECT", authority, answer);
        }
        assertEquals(200, server.exchange("GET", "/").status(), "the server serves on");
        try (RawConnection connection = server.connect()) {
            connection.send("CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n");
            assertEquals(405, connection.readResponse().status());
            assertTrue(connection.closedByServer(), "no tunnel, and no connection left waiting for one");
        }
    }

    @Test
    void connect_to_a_path_answers_405_with_the_paths_methods() throws Exception {
        RawResponse answer = server.exchange("CONNECT", "/people/v1/users");
        assertEquals(405, answer.status(), answer.toString());
        assertEquals(Optional.of("GET, HEAD, OPTIONS, POST"), answer.header("Allow"));
        assertEquals("Method Not Allowed: /people/v1/users accepts GET, HEAD, OPTIONS, POST, not CONNECT\n",
                answer.text());
        assertConforms("CONNECT", "/people/v1/users", answer);
    }

    @Test
    void paths_that_are_not_spelled_as_served_answer_the_plain_404() throws Exception {
        for (String path : List.of("/people/v1/users;x", "/people/v1/users;jsessionid=1", "/./openapi.json",
                "/docs/../openapi.json", "/people/v1/./users", "/people/v1/users/x/../", "/openapi.json;",
                "/test/.")) {
            for (String method : List.of("GET", "POST", "DELETE", "OPTIONS")) {
                RawResponse answer = server.exchange(method, path);
                assertEquals(404, answer.status(), method + " " + path + "\n" + answer);
                assertEquals("Not Found: nothing is served at " + path + "\n", answer.text(), method + " " + path);
                assertEquals(Optional.of("text/plain;charset=utf-8"), answer.header("Content-Type"));
                assertConforms(method, path, answer);
            }
        }
    }

    private static void assertConforms(String method, String target, RawResponse answer) {
        Conformance verdict = ApiDescription.bundled().check(method, target, answer.status(),
                answer.header("Content-Type").orElse(null), answer.body());
        assertTrue(verdict.conforms(), method + " " + target + ": " + verdict.summary());
        assertTrue(verdict.operationId().isEmpty() || answer.status() != 405, verdict.summary());
    }
}
