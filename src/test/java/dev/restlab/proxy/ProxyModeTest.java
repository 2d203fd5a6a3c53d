package dev.restlab.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.server.ServerStartException;
import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpFraming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RestLab in proxy mode, against targets on 127.0.0.1 that answer exactly as scripted: what the
 * client receives is what the target sent, byte for byte, and the traffic log holds it as it
 * crossed the client's wire; a target that fails gets the client a one-line 502, and RestLab
 * stays up.
 */
class ProxyModeTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    /** A status phrase, header spelling and order, repeated headers: all the target's own. */
    private static final String ODD_BODY = "{\"id\": \"abc-1\"}\n";
    private static final String ODD = "HTTP/1.1 201 CREATED\r\nx-Odd-CASE: yes\r\nContent-Type: application/json\r\n"
            + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: " + ODD_BODY.length() + "\r\n\r\n" + ODD_BODY;
    /** Chunks with an extension and a padded size, as a hand-written server may send them. */
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
            + "\r\n5\r\nHello\r\n00007;note=1\r\n, world\r\n0\r\n\r\n";

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    @Test
    void curl_prints_the_same_bytes_through_restlab_as_straight_from_the_target() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> head.contains("/chunked") ? CHUNKED : ODD)) {
            server.proxyTo(target.url());
            for (String path : List.of("/people/v1/users", "/chunked")) {
                byte[] direct = curl("-s", "-i", "http://127.0.0.1:" + target.port() + path);
                byte[] relayed = curl("-s", "-i", "http://127.0.0.1:" + server.port() + path);
                assertEquals(new String(direct, StandardCharsets.UTF_8), new String(relayed, StandardCharsets.UTF_8));
                assertArrayEquals(direct, relayed, "byte for byte");
                Exchange recorded = server.awaitExchange(e -> e.target().equals(path));
                assertEquals(new String(relayed, StandardCharsets.UTF_8), CurlText.curlI(recorded),
                        "the traffic view renders what curl printed");
                assertFalse(recorded.rejected());
                assertEquals(target.url().toString(), recorded.connection().relayedTo().orElseThrow());
            }
        }
    }

    @Test
    void the_client_receives_the_targets_bytes_chunk_sizes_included() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> CHUNKED);
                RawConnection client = connectThrough(target)) {
            RawResponse answer = client.send(get("/chunked")).readResponse();
            assertEquals(CHUNKED, answer.wireText());
            Exchange recorded = server.awaitExchange(e -> e.target().equals("/chunked"));
            assertEquals("Hello, world", recorded.response().body().text(), "shown de-chunked");
            assertEquals(CHUNKED.length(), recorded.response().wireBytes());
        }
    }

    @Test
    void requests_reach_the_target_as_sent_with_the_via_header_http_asks_a_gateway_to_add() throws Exception {
        String request = "POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nx-Client-CASE: 1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD); RawConnection client = connectThrough(target)) {
            assertEquals(201, client.send(request).readResponse().status());
            String head = target.heads().get(0);
            assertEquals(request.substring(0, request.indexOf("\r\n\r\n") + 2) + "Via: 1.1 restlab\r\n\r\n", head);
            Exchange recorded = server.awaitExchange(e -> e.method().equals("POST"));
            assertTrue(recorded.request().header("Via").isEmpty(), "the log shows what the client sent");
        }
    }

    @Test
    void keep_alive_204_and_head_share_one_connection_to_the_target() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            String head;
            while ((head = peer.readRequest()) != null) {
                if (head.startsWith("HEAD")) {
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
                } else if (head.contains("/nothing")) {
                    peer.send("HTTP/1.1 204 No Content\r\nX-Why: nothing\r\n\r\n");
                } else {
                    peer.send(ok);
                }
            }
        }); RawConnection client = connectThrough(target)) {
            RawResponse head = client.send("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").readHeadResponse();
            assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", head.wireText());
            assertEquals("HTTP/1.1 204 No Content\r\nX-Why: nothing\r\n\r\n",
                    client.send(get("/nothing")).readResponse().wireText());
            assertEquals(ok, client.send(get("/after")).readResponse().wireText());
            assertEquals(1, target.connections());
            List<Exchange> exchanges = server.awaitExchanges(3);
            assertEquals(List.of(1, 2, 3), exchanges.stream().map(Exchange::index).toList());
            assertEquals(List.of(200, 204, 200), exchanges.stream().map(Exchange::status).toList());
            assertEquals(1, exchanges.stream().map(e -> e.connection().id()).distinct().count());
        }
    }

    @Test
    void an_interim_100_continue_is_relayed_before_the_answer_as_the_target_sent_it() throws Exception {
        String interim = "HTTP/1.1 100 Continue\r\n\r\n";
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readHeadOnly();
            peer.send(interim);
            peer.readBytes(2);
            peer.send(ODD);
        }); RawConnection client = connectThrough(target)) {
            client.send("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n");
            assertEquals(interim, client.readResponse().wireText());
            assertEquals(ODD, client.send("{}").readResponse().wireText());
            Exchange recorded = server.awaitExchange(e -> e.method().equals("POST"));
            assertEquals(100, recorded.response().interim().get(0).status());
            assertEquals(201, recorded.status());
            assertFalse(recorded.rejected());
        }
    }

    @Test
    void a_target_sending_interim_answers_without_end_gets_the_client_a_502_and_costs_a_few_objects() throws Exception {
        String early = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
        AtomicInteger sent = new AtomicInteger();
        int endless = 1_000_000;
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            for (int i = 0; i < endless; i++) { // ends when RestLab closes the connection
                peer.send(early);
                sent.incrementAndGet();
            }
        }); RawConnection client = connectThrough(target)) {
            String relayed = new String(client.send(get("/hints")).readToEnd(), StandardCharsets.UTF_8);
            int limit = HttpFraming.RULES.interimAnswers();
            assertEquals(limit, relayed.split("103 Early Hints", -1).length - 1, "the interim answers up to the limit");
            String last = relayed.substring(relayed.lastIndexOf("HTTP/1.1 "));
            assertTrue(last.startsWith("HTTP/1.1 502 ") && last.contains("more than " + limit + " interim"), last);
            Await.until("RestLab to close the target's connection", () -> target.ended() == 1);
            assertTrue(sent.get() < endless, "the target was cut off after " + sent.get());

            Exchange recorded = server.awaitExchange(e -> e.target().equals("/hints"));
            assertEquals(502, recorded.status());
            int kept = HttpFraming.RULES.interimKept();
            assertEquals(kept, recorded.response().interim().size(), "a few kept");
            assertEquals(limit - kept, recorded.response().interimNotKept(), "the rest counted");
            assertEquals(1, server.traffic().snapshot().size());
        }
        assertStillServing();
    }

    @Test
    void pipelined_requests_get_their_answers_in_order() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> head.contains("/chunked") ? CHUNKED : ODD);
                RawConnection client = connectThrough(target)) {
            client.send(get("/first") + get("/chunked") + get("/third"));
            assertEquals(ODD, client.readResponse().wireText());
            assertEquals(CHUNKED, client.readResponse().wireText());
            assertEquals(ODD, client.readResponse().wireText());
            assertEquals(List.of("/first", "/chunked", "/third"),
                    server.awaitExchanges(3).stream().map(Exchange::target).toList());
        }
    }

    @Test
    void bodies_over_a_mebibyte_pass_both_ways_whole() throws Exception {
        byte[] big = new byte[1024 * 1024 + 3];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        byte[] answer = concat(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + big.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), big);
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            String head;
            while ((head = peer.readRequest()) != null) {
                if (head.startsWith("POST")) {
                    String got = "got " + peer.lastBodyLength();
                    peer.send("HTTP/1.1 200 OK\r\nContent-Length: " + got.length() + "\r\n\r\n" + got);
                } else {
                    peer.send(answer);
                }
            }
        }); RawConnection client = connectThrough(target)) {
            assertArrayEquals(answer, client.send(get("/big")).readResponse().wire());
            client.send(concat(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + big.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), big));
            assertEquals("got " + big.length, client.readResponse().text());
            Exchange download = server.awaitExchange(e -> e.target().equals("/big"));
            assertEquals(big.length, download.response().body().size(), "the real size, though the log keeps less");
            assertTrue(download.truncated());
            Exchange upload = server.awaitExchange(e -> e.target().equals("/upload"));
            assertEquals(big.length, upload.request().body().size());
        }
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_after_the_idle_timeout() throws Exception {
        server.api().setIdleTimeout(Duration.ofSeconds(1));
        byte[] huge = new byte[32 * 1024 * 1024];
        byte[] answer = concat(("HTTP/1.1 200 OK\r\nContent-Length: " + huge.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), huge);
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.send(answer);
        })) {
            server.proxyTo(target.url());
            try (RawConnection client = server.connect(4096)) {
                client.send(get("/huge"));
                Await.until("the relay to close the target's connection", () -> target.ended() == 1);
                assertTrue(client.readToEnd().length < answer.length, "cut short");
            }
        }
        assertStillServing();
    }

    @Test
    void a_target_closing_mid_answer_cuts_it_short_as_it_would_without_restlab() throws Exception {
        String half = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789";
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.send(half);
        }); RawConnection client = connectThrough(target)) {
            client.send(get("/half"));
            assertEquals(half, new String(client.readToEnd(), StandardCharsets.UTF_8));
            Exchange recorded = server.awaitExchange(e -> e.target().equals("/half"));
            assertEquals(200, recorded.status());
            assertFalse(recorded.rejected(), "the target's own answer, cut short");
        }
        assertStillServing();
    }

    @Test
    void an_answer_that_ends_with_the_connection_is_relayed_whole() throws Exception {
        String untilClose = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the target closes";
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.send(untilClose);
        }); RawConnection client = connectThrough(target)) {
            client.send(get("/old"));
            assertEquals(untilClose, new String(client.readToEnd(), StandardCharsets.UTF_8));
            Exchange recorded = server.awaitExchange(e -> e.target().equals("/old"));
            assertEquals("until the target closes", recorded.response().body().text());
            assertFalse(recorded.rejected());
        }
    }

    @Test
    void a_target_that_never_answers_gets_the_client_a_502_after_the_answer_timeout() throws Exception {
        server.api().setAnswerTimeout(Duration.ofMillis(300));
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.awaitClose();
        }); RawConnection client = connectThrough(target)) {
            RawResponse answer = client.send(get("/slow")).readResponse();
            assertBadGateway(answer, "did not answer within 0.3 s");
            assertTrue(client.closedByServer());
            Exchange recorded = server.awaitExchange(e -> e.target().equals("/slow"));
            assertEquals(502, recorded.status());
            assertTrue(recorded.rejected(), "RestLab's answer, not the target's");
        }
        assertStillServing();
    }

    @Test
    void a_target_that_is_down_gets_the_client_a_502_saying_so() throws Exception {
        server.proxyTo(new TargetUrl("127.0.0.1", ScriptedTarget.downPort()));
        RawResponse answer = server.exchange("GET", "/");
        assertBadGateway(answer, "connection refused");
        assertEquals(502, server.awaitExchange(e -> e.target().equals("/")).status());
        assertStillServing();
    }

    @Test
    void a_head_request_to_a_target_that_is_down_gets_a_502_without_a_body() throws Exception {
        server.proxyTo(new TargetUrl("127.0.0.1", ScriptedTarget.downPort()));
        try (RawConnection client = server.connect()) {
            RawResponse answer = client.send("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").readHeadResponse();
            assertEquals(502, answer.status());
            assertTrue(answer.wireText().endsWith("\r\n\r\n"));
            assertTrue(client.closedByServer(), "nothing after the head");
        }
    }

    @Test
    void a_target_answering_something_that_is_not_http_gets_the_client_a_502() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readRequest();
            peer.send("SSH-2.0-OpenSSH_9.6\r\n\r\n");
            peer.awaitClose();
        }); RawConnection client = connectThrough(target)) {
            assertBadGateway(client.send(get("/ssh")).readResponse(), "not HTTP");
        }
        assertStillServing();
    }

    @Test
    void a_target_resetting_or_closing_without_answering_gets_the_client_a_502() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            String head = peer.readRequest();
            if (head.contains("/reset")) {
                peer.reset();
            }
        })) {
            server.proxyTo(target.url());
            RawResponse reset = server.exchange("GET", "/reset");
            assertEquals(502, reset.status(), reset.toString());
            assertTrue(reset.text().contains(target.url().toString()), reset.text());
            assertBadGateway(server.exchange("GET", "/close"), "closed the connection without answering");
        }
        assertStillServing();
    }

    @Test
    void a_request_for_another_host_is_answered_421_and_never_reaches_the_target() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD)) {
            server.proxyTo(target.url());
            RawResponse answer = server.exchange(("GET / HTTP/1.1\r\nHost: evil.example:5001\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(421, answer.status());
            assertTrue(answer.text().contains("--allow-host evil.example"), answer.text());
            assertEquals(List.of(), target.heads());
            assertTrue(server.awaitExchange(e -> e.status() == 421).rejected());
        }
    }

    @Test
    void a_request_jettys_parser_refuses_is_answered_400_and_never_reaches_the_target() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD)) {
            server.proxyTo(target.url());
            RawResponse twoHosts = server.exchange(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, twoHosts.status());
            assertEquals(400, server.exchange("GET / HTTP/1.1 junk\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).status());
            assertEquals(List.of(), target.heads());
        }
    }

    @Test
    void requests_restlabs_server_refuses_are_refused_alike_and_never_reach_the_target() throws Exception {
        String chunkedPost = "POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: ";
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD)) {
            server.proxyTo(target.url());
            RawResponse bareLf = server.exchange("GET / HTTP/1.1\nHost: 127.0.0.1\n\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, bareLf.status(), bareLf.toString());
            assertTrue(bareLf.text().contains("CR LF"), bareLf.text());
            RawResponse gzip = server.exchange((chunkedPost + "gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(501, gzip.status(), gzip.toString());
            assertTrue(gzip.text().contains("gzip"), gzip.text());
            assertEquals(List.of(), target.heads());
            List<Exchange> refused = server.awaitExchanges(2);
            assertEquals(List.of(400, 501), refused.stream().map(Exchange::status).sorted().toList());
            assertTrue(refused.stream().allMatch(Exchange::rejected), "RestLab's own answers");
        }
        try (ScriptedTarget target = ScriptedTarget.start(peer -> {
            peer.readHeadOnly(); // waits for the body, as a route reading it does
            peer.awaitClose();
        })) {
            server.proxyTo(target.url());
            RawResponse extensions = server.exchange((chunkedPost + "chunked\r\n\r\n2;" + "e".repeat(9000)
                    + "\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, extensions.status(), "as RestLab's routes answer a broken body: " + extensions);
            assertTrue(extensions.text().contains("Chunk extensions over 8192 bytes"), extensions.text());
            Await.until("the target's connection closed", () -> target.ended() == 1);
        }
        assertStillServing();
    }

    @Test
    void nothing_after_a_request_that_closes_its_connection_reaches_the_target() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD); RawConnection client = connectThrough(target)) {
            client.send("GET /last HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" + get("/after-close")
                    + "HTTP/1.0 and other bytes that are no request");
            assertEquals(ODD, client.readResponse().wireText());
            assertTrue(client.closedByServer(), "RestLab ends the connection after the answer, as its server does");
            assertEquals(1, target.heads().size(), target.heads().toString());
            assertTrue(target.heads().get(0).startsWith("GET /last "), target.heads().get(0));
        }
    }

    @Test
    void bytes_the_target_sends_after_its_answer_never_reach_the_client() throws Exception {
        String unasked = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nunasked";
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD + unasked);
                RawConnection client = connectThrough(target)) {
            assertEquals(ODD, client.send(get("/once")).readResponse().wireText());
            assertEquals("", new String(client.readToEnd(), StandardCharsets.US_ASCII), "nothing after the answer");
            assertEquals(1, server.awaitExchanges(1).size());
        }
        assertStillServing();
    }

    @Test
    void a_header_block_over_the_limit_is_answered_431_and_never_reaches_the_target() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD)) {
            server.proxyTo(target.url());
            String huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n";
            assertEquals(431, server.exchange(huge.getBytes(StandardCharsets.US_ASCII)).status());
            assertEquals(List.of(), target.heads());
        }
        assertStillServing();
    }

    @Test
    void a_client_that_never_finishes_its_request_head_is_closed_after_the_idle_timeout() throws Exception {
        server.api().setIdleTimeout(Duration.ofSeconds(1));
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD)) {
            server.proxyTo(target.url());
            try (RawConnection client = server.connect(4096)) {
                client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                byte[] answer = client.readToEnd();
                String text = new String(answer, StandardCharsets.US_ASCII);
                assertTrue(answer.length == 0 || !text.startsWith("HTTP/1.1 5"), "no 5xx for a slow client: " + text);
            }
            assertEquals(List.of(), target.heads());
        }
        assertStillServing();
    }

    @Test
    void the_target_may_not_be_restlab_itself() {
        int port = server.port();
        server.api().stop();
        server.api().setProxyTarget(new TargetUrl("localhost", port));
        ServerStartException refused = assertThrows(ServerStartException.class,
                () -> server.api().start(Api.LOOPBACK, port));
        assertTrue(refused.getMessage().contains("RestLab itself"), refused.getMessage());
        assertFalse(server.api().isRunning());
    }

    @Test
    void stopping_closes_every_relayed_connection() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> ODD); RawConnection client = connectThrough(target)) {
            assertEquals(201, client.send(get("/")).readResponse().status());
            server.api().stop();
            assertTrue(client.closedByServer());
        }
    }

    private RawConnection connectThrough(ScriptedTarget target) throws IOException {
        server.proxyTo(target.url());
        return server.connect();
    }

    /** RestLab still relays: a new connection to a target that is down gets its 502 at once. */
    private void assertStillServing() throws IOException {
        assertTrue(server.api().isRunning());
        server.proxyTo(new TargetUrl("127.0.0.1", ScriptedTarget.downPort()));
        assertEquals(502, server.exchange("GET", "/still-there").status());
        Await.until("no relayed connection left open", () -> server.api().isRunning());
    }

    private static void assertBadGateway(RawResponse answer, String reason) {
        assertEquals(502, answer.status(), answer.toString());
        assertEquals("text/plain; charset=utf-8", answer.header("Content-Type").orElseThrow());
        String text = answer.text();
        assertTrue(text.startsWith("Bad Gateway: ") && text.contains(reason), text);
        assertEquals(text.length() - 1, text.indexOf('\n'), "one line: " + text);
    }

    private static byte[] curl(String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new java.util.ArrayList<>(List.of("curl"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl hangs");
        assertEquals(0, process.exitValue(), "curl failed: " + command);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
