package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.PercentEncoding;
import dev.restlab.users.InMemoryUserStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the fuzz run found answered with 500; each is the client's fault and gets a 4xx. */
class MalformedRequestsTest {

    private final ApiServer server = new ApiServer(new InMemoryUserStore());
    private TestHttp http;

    @BeforeEach
    void start() {
        http = new TestHttp(server.start(Api.LOOPBACK, 0));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void a_path_with_a_percent_escape_that_is_not_utf8_is_400() throws Exception {
        for (String request : new String[] {"GET /people/v1/users/41%ff69", "DELETE /people/v1/users/%c3",
            "GET /%ff", "GET /people/v1/users/%e2%82"}) {
            String answer = http.raw((request + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(answer.startsWith("HTTP/1.1 400 "), request + " -> " + answer);
            assertTrue(answer.endsWith("Malformed path: a %-escape is broken or is not UTF-8\n"), answer);
        }
    }

    @Test
    void a_path_with_utf8_escapes_is_routed_as_usual() throws Exception {
        assertTrue(http.get("/people/v1/users/%C3%A9%E2%82%AC").statusCode() == 404);
        assertTrue(http.get("/people/v1/users/%C3%A9%E2%82%AC").body().contains("User with ID é€ not found"));
        assertTrue(PercentEncoding.isUtf8("/a%20b/%F0%9F%9A%80"));
        assertTrue(!PercentEncoding.isUtf8("/a%2"));
    }

    @Test
    void a_body_with_broken_chunked_encoding_is_400() throws Exception {
        String answer = http.raw(("POST /people/v1/users HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n{\"name\": \"a\", \"email\": \"b\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Request body could not be read to its end"), answer);
    }

    @Test
    void a_body_shorter_than_its_content_length_is_400_when_the_client_stops_sending() throws Exception {
        try (RawHttp client = RawHttp.connect(http.uri("/").getPort())) {
            client.write("POST /people/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"name\": \"a\"");
            client.shutdownOutput();
            RawHttp.Response answer = client.readResponse();
            assertTrue(answer.status() == 400, answer.head());
            assertTrue(new String(answer.body(), StandardCharsets.UTF_8).startsWith("Request body could not be read"));
        }
    }
}
