package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.SlowPeerLimits;
import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send a request slowly enough to keep their connection alive, but never finish it:
 * in API mode and in proxy mode alike, the head and the whole request have a deadline, and past
 * a few such connections the oldest of the client holding the most makes room for a newcomer.
 * The limits are short here (and the idle timeout long, so that only they can close anything);
 * RestLab's own are {@link SlowPeerLimits#DEFAULT}.
 */
class SlowPeersTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension().withIdleTimeout(Duration.ofSeconds(60));

    /** A body begun, 1,000 bytes of 100,000 sent: at Jetty's minimum rate it would be kept for 1,000 s. */
    private static final String BODY_BEGUN = "POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"name\": \"" + "a".repeat(990);
    private static final String HEAD_BEGUN = "GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

    private void limits(Duration head, Duration request, int busyAtOnce) {
        server.api().setSlowPeerLimits(new SlowPeerLimits(head, request, busyAtOnce));
        server.restart();
    }

    @Test
    void a_head_or_a_body_that_takes_longer_than_its_deadline_is_closed_and_others_are_answered() throws Exception {
        limits(Duration.ofSeconds(1), Duration.ofSeconds(2), 100);
        try (RawConnection head = server.connect(); RawConnection body = server.connect()) {
            head.send(HEAD_BEGUN);
            body.send(BODY_BEGUN);
            assertEquals(200, server.exchange("GET", "/").status(), "a normal client meanwhile");
            assertTrue(head.closedByServer(), "the head's deadline closed it, long before the idle timeout");
            assertTrue(body.closedByServer(), "the request's deadline closed it, long before the minimum rate would");
        }
        assertEquals(0, server.store().size());
        assertEquals(200, server.exchange("GET", "/").status());
    }

    @Test
    void past_the_bodies_at_once_the_oldest_of_the_busiest_client_makes_room_and_a_newcomer_is_answered()
            throws Exception {
        limits(Duration.ofSeconds(30), Duration.ofSeconds(50), 2);
        List<RawConnection> drippers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawConnection dripper = RawConnection.openFrom("127.0.0.2", server.port());
                dripper.send(BODY_BEGUN);
                drippers.add(dripper);
            }
            try (RawConnection newcomer = RawConnection.openFrom("127.0.0.3", server.port())) {
                String json = "{\"name\": \"New\", \"email\": \"new@example.com\"}";
                newcomer.send(BODY_BEGUN.substring(0, BODY_BEGUN.indexOf("Content-Length"))
                        + "Content-Length: " + json.length() + "\r\n\r\n" + json);
                assertEquals(201, newcomer.readResponse().status(), "the newcomer is answered");
            }
            // Drippers made room until at most two bodies arrive at once. Which ones is the server's
            // "oldest": the order in which it began reading them, which on a busy machine need not be
            // the order they were opened in (nor need all four have begun before the first sweep).
            java.net.InetAddress dripping = java.net.InetAddress.getByName("127.0.0.2");
            Await.until("at most two drippers left", () -> server.api().openConnectionsFrom(dripping) <= 2);
        } finally {
            for (RawConnection dripper : drippers) {
                dripper.close();
            }
        }
    }

    @Test
    void in_proxy_mode_the_same_deadlines_close_a_slow_head_and_a_newcomer_gets_room() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ok)) {
            server.api().setSlowPeerLimits(new SlowPeerLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 3));
            server.proxyTo(target.url());
            List<RawConnection> drippers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawConnection dripper = RawConnection.openFrom("127.0.0.2", server.port());
                    dripper.send(HEAD_BEGUN);
                    drippers.add(dripper);
                }
                Await.until("three relayed connections", () -> server.api().openConnections() == 3);
                try (RawConnection newcomer = RawConnection.openFrom("127.0.0.3", server.port())) {
                    assertEquals(ok, newcomer.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").readResponse()
                            .wireText(), "every relayed connection was taken, and the newcomer is answered");
                }
                for (RawConnection dripper : drippers) {
                    assertTrue(dripper.closedByServer(), "made room for the newcomer, or past the head's deadline");
                }
                assertFalse(target.heads().stream().anyMatch(h -> h.contains("X-Slow")), "no slow head was passed on");
            } finally {
                for (RawConnection dripper : drippers) {
                    dripper.close();
                }
            }
        }
    }
}
