package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients that are slow to send or never read must not hold up anyone else. */
class SlowClientsTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    @Timeout(60)
    void a_request_trickled_byte_by_byte_does_not_hold_up_others_and_is_answered_when_complete()
            throws Exception {
        String json = "{\"name\": \"Slow\", \"email\": \"slow@example.com\"}";
        byte[] request = ("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json)
                .getBytes(StandardCharsets.US_ASCII);

        try (RawConnection slow = server.connect()) {
            for (int i = 0; i < request.length; i++) {
                slow.send(new byte[] {request[i]});
                // Between every two bytes, someone else gets a full answer.
                assertEquals(200, server.exchange("GET", "/").status(), "while at byte " + i);
            }
            assertEquals(201, slow.readResponse().status());
        }
        assertEquals(1, server.store().findByName("Slow").size());
    }

    @Test
    @Timeout(60)
    void a_client_that_never_reads_a_large_response_does_not_hold_up_others_and_is_cut_off()
            throws Exception {
        for (int i = 0; i < 60_000; i++) {
            server.store().create("name" + i + "-".repeat(60), "someone" + i + "@example.com");
        }
        server.api().setIdleTimeout(Duration.ofSeconds(1));
        server.restart();

        try (RawConnection stalled = server.connect(1024)) {
            stalled.send("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            for (int i = 0; i < 20; i++) {
                assertEquals(200, server.exchange("GET", "/").status());
                assertEquals(404, server.exchange("GET", "/people/v1/users?name=nobody").status());
            }
            // The listing is megabytes; the stalled client's buffers hold a few hundred KB. The
            // server's write stalls, and the idle timeout must end the connection.
            Await.until("the stalled connection to be closed", () -> server.api().openConnections() == 0);

            RawResponse partial = stalled.readResponse();
            assertEquals(200, partial.status());
            assertTrue(partial.body().length < partial.declaredLength(),
                    "got the whole " + partial.declaredLength() + " bytes: the write never stalled");
        }
        assertEquals(200, server.exchange("GET", "/").status());
    }

    @Test
    @Timeout(60)
    void silent_and_idle_keep_alive_connections_are_closed_after_the_idle_timeout() throws Exception {
        server.api().setIdleTimeout(Duration.ofMillis(500));
        server.restart();

        try (RawConnection silent = server.connect();
                RawConnection keptAlive = server.connect()) {
            keptAlive.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawResponse answer = keptAlive.readResponse();
            assertEquals(200, answer.status());
            assertTrue(!answer.head().toLowerCase().contains("connection: close"), answer.head());

            // Each read waits until the server closes (or its 10 s deadline fails the test).
            assertTrue(silent.closedByServer());
            assertTrue(keptAlive.closedByServer());
        }
        Await.until("all connections to be closed", () -> server.api().openConnections() == 0);
    }

    @Test
    void the_idle_timeout_must_be_positive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> server.api().setIdleTimeout(Duration.ZERO));
    }
}
