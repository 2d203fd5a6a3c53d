package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 9112, 3.2: a request with more than one Host header is answered 400, before any route. */
class SingleHostHeaderTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static final String JSON = "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}";

    private static String post(String hostLines) {
        return "POST /people/v1/users HTTP/1.1\r\n" + hostLines + "Content-Type: application/json\r\n"
                + "Content-Length: " + JSON.length() + "\r\n\r\n" + JSON;
    }

    @Test
    void two_host_headers_are_400_no_route_runs_and_the_connection_closes() throws Exception {
        try (RawConnection client = server.connect()) {
            client.send(post("Host: 127.0.0.1\r\nHost: evil.example\r\n") + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawResponse answer = client.readResponse();
            assertEquals(400, answer.status(), answer.toString());
            assertEquals(SingleHostHeader.REASON, answer.text());
            assertTrue(answer.header("Content-Type").orElse("").startsWith("text/plain"), answer.toString());
            assertTrue(client.closedByServer());
        }
        assertEquals(0, server.store().size(), "the POST route never ran");
        Exchange recorded = server.awaitExchange(e -> e.status() == 400);
        assertEquals("POST", recorded.method());
    }

    @Test
    void the_same_name_twice_is_still_two_host_headers() throws Exception {
        RawResponse answer = server.exchange(post("Host: 127.0.0.1\r\nhost: 127.0.0.1\r\n"));
        assertEquals(400, answer.status(), answer.toString());
    }

    @Test
    void one_host_header_is_served() throws Exception {
        RawResponse answer = server.exchange(post("Host: 127.0.0.1\r\n"));
        assertEquals(201, answer.status(), answer.toString());
        assertEquals(1, server.store().size());
    }
}
