package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.PercentEncoding;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests the fuzz run found answered with 500; each is the client's fault and gets a 4xx. */
class MalformedRequestsTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void a_path_with_a_percent_escape_that_is_not_utf8_is_400() throws Exception {
        for (String request : new String[] {"GET /people/v1/users/41%ff69", "DELETE /people/v1/users/%c3",
            "GET /%ff", "GET /people/v1/users/%e2%82"}) {
            String answer = server.answerUntilClosed(request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), request + " -> " + answer);
            assertTrue(answer.endsWith("Malformed path: a %-escape is broken or is not UTF-8\n"), answer);
        }
    }

    @Test
    void a_path_with_utf8_escapes_is_routed_as_usual() throws Exception {
        HttpResponse<String> answer = server.client().get("/people/v1/users/%C3%A9%E2%82%AC");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("User with ID é€ not found"), answer.body());
        assertTrue(PercentEncoding.isUtf8("/a%20b/%F0%9F%9A%80"));
        assertTrue(!PercentEncoding.isUtf8("/a%2"));
    }

    @Test
    void a_body_with_broken_chunked_encoding_is_400() throws Exception {
        String answer = server.answerUntilClosed("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n{\"name\": \"a\", \"email\": \"b\"}\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Request body could not be read to its end"), answer);
    }

    @Test
    void a_body_shorter_than_its_content_length_is_400_when_the_client_stops_sending() throws Exception {
        try (RawConnection client = server.connect()) {
            client.send("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"name\": \"a\"");
            client.shutdownOutput();
            RawResponse answer = client.readResponse();
            assertEquals(400, answer.status(), answer.head());
            assertTrue(answer.text().startsWith("Request body could not be read"), answer.text());
        }
    }

    @Test
    void a_transfer_coding_other_than_chunked_is_501_and_no_user_is_made() throws Exception {
        String json = "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}";
        for (String codings : new String[] {"gzip, chunked", "deflate,chunked", "identity, chunked"}) {
            String answer = server.answerUntilClosed("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: " + codings + "\r\n\r\n"
                    + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 501 Transfer-Encoding "), codings + " -> " + answer);
            assertTrue(answer.contains("not implemented"), answer);
        }
        assertEquals(0, server.store().size(), "the gzip coding is not ignored: nothing is made of the body");
    }

    @Test
    void a_request_whose_lines_end_with_a_bare_line_feed_is_400_saying_so() throws Exception {
        String answer = server.answerUntilClosed("GET /people/v1/users HTTP/1.1\nHost: 127.0.0.1\n\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 Bare LF: lines end with CR LF"), answer);
    }
}
