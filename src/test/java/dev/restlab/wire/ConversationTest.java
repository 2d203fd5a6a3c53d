package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The capture's framing, fed with wire bytes directly: any slicing, keep-alive, chunks, 1xx. */
class ConversationTest {

    private final TrafficLog log = new TrafficLog();
    private final Connection connection = new Connection(3, "127.0.0.1", 40000, Instant.now(), 1_000_000);
    private final Conversation conversation = new Conversation(log, connection);
    private long now = 1_000_000;

    private void in(String text) {
        conversation.incoming(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), now += 1000);
    }

    private void out(String text) {
        conversation.outgoing(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), now += 1000);
    }

    /** Feeds one byte per call, the worst slicing a socket can produce. */
    private void inByteByByte(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            conversation.incoming(ByteBuffer.wrap(new byte[] {b}), now += 10);
        }
    }

    private static String body(Exchange e, boolean request) {
        return new String(request ? e.request().body().stored() : e.response().body().stored(), StandardCharsets.UTF_8);
    }

    @Test
    void a_request_read_byte_by_byte_is_one_exchange_with_headers_as_sent() {
        inByteByByte("POST /people/v1/users?x=1 HTTP/1.1\r\nhost: a\r\nContent-TYPE: application/json\r\n"
                + "Content-Length: 4\r\n\r\n{}\r\n");
        conversation.dispatched();
        out("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
        List<Exchange> exchanges = log.snapshot();
        assertEquals(1, exchanges.size());
        Exchange e = exchanges.get(0);
        assertEquals("POST", e.method());
        assertEquals("/people/v1/users?x=1", e.target());
        assertEquals("HTTP/1.1", e.request().version());
        assertEquals(List.of(new Header("host", "a"), new Header("Content-TYPE", "application/json"),
                new Header("Content-Length", "4")), e.request().headers());
        assertEquals("{}\r\n", body(e, true));
        assertEquals(201, e.status());
        assertEquals("Created", e.response().reason());
        assertEquals("ok", body(e, false));
        assertEquals(e.request().body().size(), 4);
        assertFalse(e.rejected());
        assertEquals("127.0.0.1", e.connection().clientAddress());
        assertEquals(40000, e.connection().clientPort());
        assertTrue(e.durationMicros() > 0);
    }

    @Test
    void pipelined_requests_in_one_buffer_pair_with_their_responses_in_order() {
        in("GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n");
        conversation.dispatched();
        conversation.dispatched();
        conversation.dispatched();
        out("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
                + "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n" // HEAD: a length but no body
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nc");
        List<Exchange> exchanges = log.snapshot();
        assertEquals(List.of("/a", "/b", "/c"), exchanges.stream().map(Exchange::target).toList());
        assertEquals(List.of("a", "", "c"), exchanges.stream().map(e -> body(e, false)).toList());
        assertEquals(List.of(200, 200, 404), exchanges.stream().map(Exchange::status).toList());
    }

    @Test
    void chunked_bodies_are_de_chunked_and_bytes_count_the_framing() {
        String request = "POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nTrailer: t\r\n\r\n";
        in(request);
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        for (byte b : response.getBytes(StandardCharsets.UTF_8)) {
            conversation.outgoing(ByteBuffer.wrap(new byte[] {b}), now += 10);
        }
        Exchange e = log.snapshot().get(0);
        assertEquals("abcde", body(e, true));
        assertEquals(5, e.request().body().size());
        assertEquals("hello world", body(e, false));
        assertEquals(request.length(), e.request().wireBytes());
        assertEquals(response.length(), e.response().wireBytes());
    }

    @Test
    void an_interim_100_continue_is_kept_before_the_final_response() {
        in("POST /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        out("HTTP/1.1 100 Continue\r\n\r\n");
        assertTrue(log.snapshot().isEmpty());
        in("{}");
        out("HTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\nno\n");
        Exchange e = log.snapshot().get(0);
        assertEquals(List.of(new Response.Interim("HTTP/1.1", 100, "Continue", List.of())), e.response().interim());
        assertEquals(400, e.status());
        assertEquals("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\nno\n",
                CurlText.curlI(e));
    }

    @Test
    void a_response_before_the_whole_request_body_waits_for_the_body_or_the_close() {
        in("POST /u HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
        conversation.dispatched();
        out("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n\r\n");
        assertTrue(log.snapshot().isEmpty());
        conversation.closed(now += 1000);
        Exchange e = log.snapshot().get(0);
        assertEquals(413, e.status());
        assertEquals("12345", body(e, true));
    }

    @Test
    void a_garbage_request_line_that_jetty_answers_is_recorded_as_rejected() {
        in("\u0016\u0003\u0001garbage with no line end");
        out("HTTP/1.1 400 Illegal character\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        conversation.closed(now += 1000);
        Exchange e = log.snapshot().get(0);
        assertTrue(e.rejected());
        assertEquals(400, e.status());
        assertEquals("\u0016\u0003\u0001garbage", e.method());
    }

    @Test
    void a_body_that_ends_with_the_connection_is_recorded_on_close() {
        in("GET / HTTP/1.0\r\n\r\n");
        conversation.dispatched();
        out("HTTP/1.0 200 OK\r\n\r\npart one, ");
        out("part two");
        assertTrue(log.snapshot().isEmpty());
        conversation.closed(now += 1000);
        assertEquals("part one, part two", body(log.snapshot().get(0), false));
    }

    @Test
    void a_body_over_256_KiB_is_stored_cut_with_its_real_size() {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'x');
        in("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\n");
        conversation.incoming(ByteBuffer.wrap(big), now += 10);
        out("HTTP/1.1 204 No Content\r\n\r\n");
        Exchange e = log.snapshot().get(0);
        assertEquals(Exchange.MAX_STORED_BODY, e.request().body().stored().length);
        assertEquals(300_000, e.request().body().size());
        assertTrue(e.truncated());
        assertArrayEquals(java.util.Arrays.copyOf(big, Exchange.MAX_STORED_BODY), e.request().body().stored());
    }

    @Test
    void a_request_the_server_never_began_is_not_recorded() {
        in("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        conversation.closed(now += 1000);
        assertTrue(log.snapshot().isEmpty());
    }

    @Test
    void a_request_the_server_began_and_closed_without_answer_is_recorded_with_no_answer() {
        in("DELETE /people/v1/users/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        conversation.dispatched();
        conversation.closed(now += 1000);
        Exchange e = log.snapshot().get(0);
        assertFalse(e.answered());
        assertEquals(Ending.CLOSED_BY_SERVER, e.ending());
        assertEquals("HTTP/1.1 0 (no answer: the server closed the connection before any answer)",
                e.response().statusLine());
        assertEquals("DELETE /people/v1/users/1 HTTP/1.1", e.request().line());
        assertEquals(now, e.timings().responseLastNanos(), "the missing answer ends at the close");
        assertFalse(e.rejected());
        assertEquals(Optional.empty(), e.faultRule());
    }

    @Test
    void a_reset_noted_by_a_fault_rule_names_the_rule() {
        in("POST /people/v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        conversation.noteFault("reset on POST", true);
        conversation.closed(now += 1000);
        Exchange e = log.snapshot().get(0);
        assertEquals(Ending.RESET_BY_SERVER, e.ending());
        assertEquals(Optional.of("reset on POST"), e.faultRule());
        assertEquals("{}", new String(e.request().body().stored(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void a_client_that_closes_first_gave_up_before_or_during_the_answer() {
        in("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        conversation.dispatched();
        conversation.clientEnded();
        conversation.closed(now += 1000);
        assertEquals(Ending.CLIENT_GAVE_UP, log.snapshot().get(0).ending());

        Conversation slow = new Conversation(log, new Connection(2, "127.0.0.1", 50001, Instant.now(), 0));
        slow.incoming(ByteBuffer.wrap("GET /b HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 1);
        slow.dispatched();
        slow.outgoing(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII)), 2);
        slow.clientEnded();
        slow.closed(3);
        Exchange cut = log.snapshot().get(1);
        assertEquals(Ending.CLIENT_GAVE_UP_MID_BODY, cut.ending());
        assertEquals(200, cut.status());
        assertFalse(cut.answered());
    }

    @Test
    void an_answer_framed_by_the_close_is_whole_when_the_connection_closes() {
        in("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        conversation.dispatched();
        out("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
        conversation.closed(now += 1000);
        Exchange e = log.snapshot().get(0);
        assertEquals(Ending.ANSWERED, e.ending());
        assertTrue(e.answered());
        assertEquals("all of it", new String(e.response().body().stored(), StandardCharsets.US_ASCII));
    }

    @Test
    void header_lookup_ignores_case_and_a_folded_line_joins_the_header_above() {
        in("GET / HTTP/1.1\r\nX-Long: one\r\n two\r\ncontent-LENGTH: 0\r\n\r\n");
        out("HTTP/1.1 400 Bad Request\r\nCONTENT-length:  3 \r\n\r\nno\n");
        Exchange e = log.snapshot().get(0);
        assertEquals(List.of(new Header("X-Long", "one two"), new Header("content-LENGTH", "0")), e.request().headers());
        assertEquals(java.util.Optional.of("3"), e.response().header("Content-Length"));
        assertEquals("no\n", body(e, false));
    }
    @Test
    void a_transfer_coding_besides_chunked_is_refused_as_the_server_refuses_it_and_nothing_after_is_read() {
        in("POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "18\r\nGET /hidden HTTP/1.1\r\n\r\n\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(1, conversation.waiting(), "the server reads nothing after a request it refuses");
        out("HTTP/1.1 501 Transfer-Encoding gzip not implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        List<Exchange> exchanges = log.snapshot();
        assertEquals(List.of("/u"), exchanges.stream().map(Exchange::target).toList());
        assertEquals(501, exchanges.get(0).status());
        assertTrue(exchanges.get(0).rejected(), "answered before any route ran");
    }

    @Test
    void a_head_with_bare_line_feeds_is_refused_as_the_server_refuses_it() {
        in("GET /lf HTTP/1.1\nHost: x\n\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(1, conversation.waiting());
        out("HTTP/1.1 400 Bare LF: lines end with CR LF\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(List.of("/lf 400"), log.snapshot().stream().map(e -> e.target() + " " + e.status()).toList());
    }

    @Test
    void a_request_jetty_refuses_ends_the_requests_of_its_connection() {
        in("POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                + "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(1, conversation.waiting(), "Jetty reads nothing after a request it refuses");
        out("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        conversation.closed(now += 1000);
        List<Exchange> exchanges = log.snapshot();
        assertEquals(1, exchanges.size());
        assertEquals("/u", exchanges.get(0).target());
        assertTrue(exchanges.get(0).rejected());
    }

    @Test
    void requests_read_after_an_answer_that_closes_the_connection_are_dropped_and_counted() {
        in("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(2, conversation.waiting());
        out("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na");
        assertEquals(0, conversation.waiting());
        in("GET /c HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(0, conversation.waiting(), "Jetty parses nothing more on this connection");
        conversation.closed(now += 1000);
        assertEquals(List.of("/a"), log.snapshot().stream().map(Exchange::target).toList());
        assertEquals(1, log.unrecorded());
        assertEquals(0, log.heldBytes());
    }

    @Test
    void an_http_1_0_answer_without_keep_alive_also_ends_the_requests() {
        in("GET /a HTTP/1.0\r\n\r\nGET /b HTTP/1.0\r\n\r\n");
        out("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\na");
        assertEquals(0, conversation.waiting());
        assertEquals(1, log.unrecorded());
    }

    @Test
    void at_most_1000_requests_wait_for_answers_and_the_rest_and_their_answers_are_counted_not_kept() {
        StringBuilder pipelined = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            pipelined.append("GET /").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        in(pipelined.toString());
        assertEquals(Conversation.MAX_WAITING_REQUESTS, conversation.waiting());
        assertEquals(500, log.unrecorded());
        assertTrue(log.heldBytes() > 0, "the waiting requests count against the budget");
        for (int i = 0; i < 1_500; i++) {
            conversation.dispatched();
            out("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        }
        List<Exchange> exchanges = log.snapshot();
        assertEquals(1_000, exchanges.size());
        assertEquals("/999", exchanges.get(999).target());
        assertEquals(0, log.heldBytes());
        conversation.closed(now += 1000);
        assertEquals(1_000, log.snapshot().size());
    }

    @Test
    void waiting_requests_may_hold_half_the_log_budget_at_most() {
        TrafficLog small = new TrafficLog(10_000, 64 * 1024);
        Conversation pipelining = new Conversation(small, new Connection(4, "127.0.0.1", 40001, Instant.now(), now));
        for (int i = 0; i < 500; i++) {
            pipelining.incoming(ByteBuffer.wrap(("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)), now += 10);
        }
        assertTrue(small.heldBytes() <= 32 * 1024, "held " + small.heldBytes());
        assertTrue(small.unrecorded() > 0);
        assertEquals(500, pipelining.waiting() + small.unrecorded());
        pipelining.closed(now += 1000);
        assertEquals(0, small.heldBytes(), "closing gives back what the unanswered requests held");
    }

    @Test
    void exchanges_on_one_connection_share_it_and_are_numbered_in_order() {
        in("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        out("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
        out("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
        List<Exchange> exchanges = log.snapshot();
        assertEquals(List.of("/a", "/b"), exchanges.stream().map(Exchange::target).toList());
        assertEquals(List.of(1, 2), exchanges.stream().map(Exchange::index).toList());
        assertTrue(exchanges.get(0).connection() == connection && exchanges.get(1).connection() == connection);
        assertEquals(3, exchanges.get(1).connection().id());
        assertTrue(connection.closed().isEmpty(), "still open");
        conversation.closed(now += 5_000);
        assertEquals(connection.accepted().plusNanos(now - 1_000_000), connection.closed().orElseThrow());
    }

    @Test
    void each_phase_is_timed_on_the_capture_clock() {
        conversation.incoming(bytes("POST /u HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab"), 2_000_000);
        conversation.incoming(bytes("cd"), 5_000_000);
        conversation.outgoing(bytes("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n"), 9_000_000);
        conversation.outgoing(bytes("ok"), 10_000_000);
        Exchange e = log.snapshot().get(0);
        assertEquals(new Timings(2_000_000, 5_000_000, 9_000_000, 10_000_000), e.timings());
        assertEquals(3_000, e.timings().sendMicros());
        assertEquals(4_000, e.timings().waitMicros());
        assertEquals(1_000, e.timings().receiveMicros());
        assertEquals(8_000, e.durationMicros());
        assertEquals(connection.accepted().plusNanos(1_000_000), e.started());
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
