package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.Await;
import dev.restlab.http.Api;
import dev.restlab.users.InMemoryUserStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that are slow to send or never read must not hold up anyone else. */
class SlowClientsTest {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final ApiServer server = new ApiServer(store);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @Timeout(60)
    void a_request_trickled_byte_by_byte_does_not_hold_up_others_and_is_answered_when_complete()
            throws Exception {
        int port = server.start(Api.LOOPBACK, 0);
        String json = "{\"name\": \"Slow\", \"email\": \"slow@example.com\"}";
        byte[] request = ("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json)
                .getBytes(StandardCharsets.US_ASCII);

        try (RawHttp slow = RawHttp.connect(port)) {
            for (int i = 0; i < request.length; i++) {
                slow.write(new byte[] {request[i]});
                // Between every two bytes, someone else gets a full answer.
                assertEquals(200, RawHttp.exchange(port, "GET", "/").status(), "while at byte " + i);
            }
            assertEquals(201, slow.readResponse().status());
        }
        assertEquals(1, store.findByName("Slow").size());
    }

    @Test
    @Timeout(60)
    void a_client_that_never_reads_a_large_response_does_not_hold_up_others_and_is_cut_off()
            throws Exception {
        for (int i = 0; i < 60_000; i++) {
            store.create("name" + i + "-".repeat(60), "someone" + i + "@example.com");
        }
        server.setIdleTimeout(Duration.ofSeconds(1));
        int port = server.start(Api.LOOPBACK, 0);

        try (RawHttp stalled = RawHttp.connect(port, 1024)) {
            stalled.write("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            for (int i = 0; i < 20; i++) {
                assertEquals(200, RawHttp.exchange(port, "GET", "/").status());
                assertEquals(404, RawHttp.exchange(port, "GET", "/people/v1/users?name=nobody").status());
            }
            // The listing is megabytes; the stalled client's buffers hold a few hundred KB. The
            // server's write stalls, and the idle timeout must end the connection.
            awaitTrue(() -> server.openConnections() == 0, "the stalled connection is still open");

            RawHttp.Response partial = stalled.readResponse();
            assertEquals(200, partial.status());
            assertTrue(partial.body().length < partial.declaredLength(),
                    "got the whole " + partial.declaredLength() + " bytes: the write never stalled");
        }
        assertEquals(200, RawHttp.exchange(port, "GET", "/").status());
    }

    @Test
    @Timeout(60)
    void silent_and_idle_keep_alive_connections_are_closed_after_the_idle_timeout() throws Exception {
        server.setIdleTimeout(Duration.ofMillis(500));
        int port = server.start(Api.LOOPBACK, 0);

        try (RawHttp silent = RawHttp.connect(port);
                RawHttp keptAlive = RawHttp.connect(port)) {
            keptAlive.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response answer = keptAlive.readResponse();
            assertEquals(200, answer.status());
            assertTrue(!answer.head().toLowerCase().contains("connection: close"), answer.head());

            // Each read blocks until the server closes (or the 10 s socket timeout fails the test).
            assertTrue(silent.closedByServer());
            assertTrue(keptAlive.closedByServer());
        }
        awaitTrue(() -> server.openConnections() == 0, "connections left open");
    }

    @Test
    void the_idle_timeout_must_be_positive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> server.setIdleTimeout(Duration.ZERO));
    }

    private static void awaitTrue(BooleanSupplier condition, String failure) {
        Await.until(condition, Duration.ofSeconds(20), () -> failure);
    }
}
