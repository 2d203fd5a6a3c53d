package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpFraming;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code check} reads answers with the same framing as the rest of RestLab: a server that never
 * gives a final answer, or whose answer is not HTTP, ends the probe with a reason, and what is
 * kept of it stays small however much the server sends.
 */
class HttpProbeAgainstHostileServersTest {

    private static final byte[] GET = ("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpProbe probe = new HttpProbe(Duration.ofSeconds(10));

    @Test
    void a_server_sending_only_interim_answers_is_cut_off_past_the_limit_keeping_a_few() throws Exception {
        String early = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
        AtomicInteger sent = new AtomicInteger();
        int endless = 1_000_000;
        try (ScriptedTarget server = ScriptedTarget.start(peer -> {
            peer.readRequest();
            for (int i = 0; i < endless; i++) { // ends when the check closes the connection
                peer.send(early);
                sent.incrementAndGet();
            }
        })) {
            Answer answer = probe.send(server.url(), GET);

            int limit = HttpFraming.RULES.interimAnswers();
            assertFalse(answer.complete());
            assertTrue(answer.problem().contains("more than " + limit + " interim (1xx) answers"), answer.problem());
            Exchange partial = answer.exchange().orElseThrow();
            int kept = HttpFraming.RULES.interimKept();
            assertEquals(kept, partial.response().interim().size(), "a few kept");
            assertEquals(limit - kept, partial.response().interimNotKept(), "the rest up to the limit counted");
            Await.until("the server's connection to close", () -> server.ended() == 1);
            assertTrue(sent.get() < endless, "the check stopped reading after " + sent.get());
        }
    }

    @Test
    void an_answer_that_is_not_http_ends_the_probe_with_the_reason() throws Exception {
        try (ScriptedTarget server = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.send("SSH-2.0-OpenSSH_9.6\r\n" + "x".repeat(100_000));
            peer.awaitClose();
        })) {
            Answer answer = probe.send(server.url(), GET);
            assertFalse(answer.complete());
            assertTrue(answer.problem().startsWith("the server answered, but its answer is not HTTP"), answer.problem());
        }
    }
}
