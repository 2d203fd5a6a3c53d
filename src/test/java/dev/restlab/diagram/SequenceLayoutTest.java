package dev.restlab.diagram;

import static dev.restlab.diagram.Traffic.connection;
import static dev.restlab.diagram.Traffic.exchange;
import static dev.restlab.diagram.Traffic.millis;
import static dev.restlab.diagram.Traffic.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.diagram.SequenceDiagram.Arrow;
import dev.restlab.diagram.SequenceDiagram.Direction;
import dev.restlab.diagram.SequenceDiagram.Lane;
import dev.restlab.diagram.SequenceDiagram.Mark;
import dev.restlab.diagram.SequenceDiagram.MarkKind;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceLayoutTest {

    private static SequenceDiagram layout(Exchange... exchanges) {
        return SequenceLayout.of(List.of(exchanges), ZoneOffset.UTC);
    }

    private static Arrow arrow(SequenceDiagram diagram, long exchangeId, Direction direction) {
        return diagram.arrows().stream().filter(a -> a.exchangeId() == exchangeId && a.direction() == direction)
                .findFirst().orElseThrow(() -> new AssertionError("no " + direction + " arrow for " + exchangeId));
    }

    private static Lane lane(SequenceDiagram diagram, long connectionId) {
        return diagram.lanes().stream().filter(l -> l.connectionId() == connectionId).findFirst().orElseThrow();
    }

    @Test
    void each_connection_gets_a_lane_titled_with_its_client_and_the_server_gets_the_last() {
        Connection a = connection(1, 53422, 0);
        Connection b = connection(2, 53424, millis(500));
        SequenceDiagram diagram = layout(
                exchange(1, a, 1, "POST", "/people/v1/users", 201, "Created", 1_000),
                exchange(2, b, 1, "GET", "/people/v1/users", 200, "OK", millis(500) + 1_000, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));

        assertEquals(3, diagram.lanes().size());
        assertEquals("curl/7.88.1", diagram.lanes().get(0).title());
        assertEquals("127.0.0.1:53422", diagram.lanes().get(0).subtitle());
        assertEquals("Firefox 128", diagram.lanes().get(1).title());
        assertEquals("127.0.0.1:53424", diagram.lanes().get(1).subtitle());
        Lane server = diagram.lanes().get(2);
        assertTrue(server.isServer());
        assertEquals("127.0.0.1:5001", server.subtitle(), "the server is named by the Host the clients asked for");
        assertTrue(diagram.lanes().get(0).x() < diagram.lanes().get(1).x() && diagram.lanes().get(1).x() < server.x());
        Arrow request = arrow(diagram, 2, Direction.REQUEST);
        assertEquals(lane(diagram, 2).x(), request.fromX());
        assertEquals(server.x(), request.toX());
        Arrow response = arrow(diagram, 2, Direction.RESPONSE);
        assertEquals(server.x(), response.fromX());
        assertEquals(lane(diagram, 2).x(), response.toX());
        assertEquals("POST /people/v1/users", arrow(diagram, 1, Direction.REQUEST).label());
        assertEquals("✓ 201 Created", arrow(diagram, 1, Direction.RESPONSE).label());
    }

    @Test
    void a_second_request_on_a_kept_alive_connection_is_drawn_on_the_same_lane_after_one_accept() {
        Connection kept = connection(7, 40000, 0);
        SequenceDiagram diagram = layout(
                exchange(1, kept, 1, "GET", "/", 200, "OK", 5_000),
                exchange(2, kept, 2, "GET", "/people/v1/users", 200, "OK", millis(20)));

        assertEquals(2, diagram.lanes().size(), "one client lane and the server");
        assertEquals(arrow(diagram, 1, Direction.REQUEST).fromX(), arrow(diagram, 2, Direction.REQUEST).fromX());
        List<Mark> accepts = diagram.marks().stream().filter(m -> m.kind() == MarkKind.ACCEPT).toList();
        assertEquals(1, accepts.size());
        assertTrue(accepts.get(0).y() < arrow(diagram, 1, Direction.REQUEST).y());
        assertEquals(accepts.get(0).y(), lane(diagram, 7).from(), "the lifeline starts at the accept");
    }

    @Test
    void a_later_exchange_of_a_connection_alone_has_no_accept_and_its_lifeline_comes_from_the_top() {
        Connection kept = connection(7, 40000, 0);
        SequenceDiagram diagram = layout(exchange(2, kept, 2, "GET", "/", 200, "OK", millis(20)));

        assertTrue(diagram.marks().isEmpty());
        assertEquals(SequenceLayout.HEADER, lane(diagram, 7).from());
    }

    @Test
    void arrows_go_down_in_time_order_whatever_order_the_exchanges_come_in() {
        Connection a = connection(1, 50001, 0);
        Connection b = connection(2, 50002, millis(3));
        Connection c = connection(3, 50003, millis(6));
        Exchange first = exchange(11, a, 1, "POST", "/people/v1/users", 201, "Created", 1_000);
        Exchange second = exchange(12, b, 1, "GET", "/people/v1/users", 200, "OK", millis(3) + 1_000);
        Exchange third = exchange(13, c, 1, "DELETE", "/people/v1/users/1", 204, "No Content", millis(6) + 1_000);
        SequenceDiagram diagram = layout(third, first, second);

        double previous = Double.NEGATIVE_INFINITY;
        for (long id = 11; id <= 13; id++) {
            double request = arrow(diagram, id, Direction.REQUEST).y();
            double response = arrow(diagram, id, Direction.RESPONSE).y();
            assertTrue(previous < request, "exchange " + id + " starts below the one before");
            assertTrue(request < response, "its response comes below its request");
            previous = response;
        }
        assertEquals(List.of(1L, 2L, 3L), diagram.lanes().stream().filter(l -> !l.isServer()).map(Lane::connectionId).toList(),
                "lanes from left to right in the order the connections were first used");
        assertEquals("10:00:00", diagram.times().get(0).text());
    }

    @Test
    void microseconds_apart_still_get_a_row_each_and_a_longer_pause_gets_more_room() {
        Connection a = connection(1, 50001, 0);
        Connection b = connection(2, 50002, millis(100));
        SequenceDiagram diagram = layout(
                exchange(1, a, 1, "GET", "/", 200, "OK", 1_000),
                exchange(2, b, 1, "GET", "/", 200, "OK", millis(100) + 1_000));

        double quick = arrow(diagram, 1, Direction.RESPONSE).y() - arrow(diagram, 1, Direction.REQUEST).y();
        assertTrue(quick >= SequenceLayout.ARROW_ROW - 1e-9, "a 200 µs answer still has room for its label");
        double afterPause = lane(diagram, 2).from() - arrow(diagram, 1, Direction.RESPONSE).y();
        assertTrue(afterPause > SequenceLayout.MARK_ROW + 1.5, "100 ms of pause adds room: " + afterPause);
        assertTrue(diagram.breaks().isEmpty(), "a tenth of a second is no break");
    }

    @Test
    void a_long_pause_is_cut_to_a_break_that_says_how_long_it_was() {
        Connection a = connection(1, 50001, 0);
        Connection b = connection(2, 50002, seconds(5));
        a.markClosed(millis(1));
        SequenceDiagram diagram = layout(
                exchange(1, a, 1, "GET", "/", 200, "OK", 1_000),
                exchange(2, b, 1, "GET", "/", 200, "OK", seconds(5) + 1_000));

        assertEquals(1, diagram.breaks().size());
        SequenceDiagram.Break pause = diagram.breaks().get(0);
        assertEquals("5.0 s later", pause.label());
        double closed = lane(diagram, 1).to();
        double accepted = lane(diagram, 2).from();
        assertTrue(closed < pause.y() && pause.y() < accepted, closed + " < " + pause.y() + " < " + accepted);
        assertTrue(accepted - closed < 2 * SequenceLayout.ARROW_ROW + SequenceLayout.BREAK_ROW,
                "five seconds take no more room than a cut");

        Connection early = connection(1, 50001, 0);
        early.markClosed(millis(1));
        SequenceDiagram hour = layout(
                exchange(1, early, 1, "GET", "/", 200, "OK", 1_000),
                exchange(2, connection(2, 50002, seconds(3600)), 1, "GET", "/", 200, "OK", seconds(3600) + 1_000));
        assertEquals("1 h 0 min later", hour.breaks().get(0).label());
        assertEquals(diagram.height(), hour.height(), 1e-9, "an hour's pause takes the room of five seconds'");
    }

    @Test
    void a_closed_connection_ends_its_lifeline_with_a_close_mark_after_its_answer() {
        Connection a = connection(1, 50001, 0);
        a.markClosed(300_000);
        SequenceDiagram diagram = layout(exchange(1, a, 1, "GET", "/", 200, "OK", 1_000));

        Mark close = diagram.marks().stream().filter(m -> m.kind() == MarkKind.CLOSE).findFirst().orElseThrow();
        assertTrue(close.y() > arrow(diagram, 1, Direction.RESPONSE).y());
        assertEquals(close.y(), lane(diagram, 1).to());
        assertTrue(lane(diagram, -1).to() > close.y(), "the server's lifeline runs on");
    }

    @Test
    void an_open_connection_runs_to_the_bottom() {
        SequenceDiagram diagram = layout(exchange(1, connection(1, 50001, 0), 1, "GET", "/", 200, "OK", 1_000));

        assertTrue(diagram.marks().stream().noneMatch(m -> m.kind() == MarkKind.CLOSE));
        assertEquals(lane(diagram, -1).to(), lane(diagram, 1).to());
    }

    @Test
    void a_request_jetty_rejected_is_drawn_with_both_arrows_marked_rejected() {
        Connection a = connection(1, 50001, 0);
        Exchange garbage = Exchange.builder().id(5).connection(a, 1).request("", "").requestVersion("")
                .status(400, "No URI").wireBytes(9, 120).rejected(true)
                .timings(new dev.restlab.wire.Timings(1_000, 2_000, 50_000, 60_000)).build();
        SequenceDiagram diagram = layout(garbage);

        Arrow request = arrow(diagram, 5, Direction.REQUEST);
        Arrow response = arrow(diagram, 5, Direction.RESPONSE);
        assertEquals("(no request line)", request.label());
        assertEquals("⚠ 400 No URI (Jetty)", response.label());
        assertTrue(request.rejected() && response.rejected());
        assertTrue(response.tooltip().contains("rejected by Jetty"), response.tooltip());
        assertEquals("client", lane(diagram, 1).title(), "no User-Agent: just a client");
    }

    @Test
    void the_server_is_busy_from_the_request_s_last_byte_to_the_response() {
        SequenceDiagram diagram = layout(exchange(1, connection(1, 50001, 0), 1, "GET", "/", 200, "OK", 1_000));

        SequenceDiagram.Activation busy = diagram.activations().get(0);
        assertEquals(arrow(diagram, 1, Direction.REQUEST).y(), busy.from());
        assertEquals(arrow(diagram, 1, Direction.RESPONSE).y(), busy.to());
        assertTrue(arrow(diagram, 1, Direction.REQUEST).tooltip().contains(
                "request sent 10 µs · server 200 µs · response sent 30 µs · total 240 µs"), arrow(diagram, 1, Direction.REQUEST).tooltip());
    }

    @Test
    void long_paths_are_cut_in_the_middle_and_kept_whole_in_the_tooltip() {
        String path = "/people/v1/users/3f2a9c1e-0b7d-4e55-9a21-8c6d5e4f3a2b";
        SequenceDiagram diagram = layout(exchange(1, connection(1, 50001, 0), 1, "DELETE", path, 204, "No Content", 1_000));

        Arrow request = arrow(diagram, 1, Direction.REQUEST);
        assertEquals(SequenceLayout.MAX_LABEL, request.label().codePointCount(0, request.label().length()));
        assertTrue(request.label().startsWith("DELETE /people/v1/users") && request.label().endsWith("5e4f3a2b"), request.label());
        assertTrue(request.tooltip().contains(path));
    }

    @Test
    void clients_are_named_from_their_user_agent() {
        Connection c = connection(1, 50001, 0);
        assertEquals("RestLab window", ClientName.of(Exchange.builder().connection(c, 1)
                .requestHeader("User-Agent", UserApiClient.COMPOSER_USER_AGENT)
                .requestHeader(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER)).build()));
        assertEquals("RestLab window", ClientName.of(Exchange.builder().connection(c, 1)
                .requestHeader(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.BACKGROUND)).build()));
        assertEquals(UserApiClient.USER_AGENT, ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0, UserApiClient.USER_AGENT)),
                "a command copied from the window is not the window, whatever its User-Agent");
        assertEquals("Chrome 126", ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0,
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")));
        assertEquals("Edge 126", ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68")));
        assertEquals("Safari 17", ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")));
        assertEquals("python-requests/2.31.0", ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0, "python-requests/2.31.0")));
        assertEquals("Java-http-client/17.0.12", ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0, "Java-http-client/17.0.12")));
        String hostile = ClientName.of(exchange(1, c, 1, "GET", "/", 200, "OK", 0, "evil\u0007" + "x".repeat(100)));
        assertEquals(ClientName.MAX_LENGTH, hostile.length());
        assertFalse(hostile.contains("\u0007"));
        assertEquals("[::1]:50001", ClientName.address(Exchange.builder().client("::1", 50001).build()));
    }

    @Test
    void durations_read_in_microseconds_under_a_millisecond_and_in_milliseconds_above() {
        assertEquals("0 µs", Durations.phase(0));
        assertEquals("850 µs", Durations.phase(850));
        assertEquals("1.2 ms", Durations.phase(1_240));
        assertEquals("12 ms", Durations.phase(12_400));
        assertEquals("2510 ms", Durations.phase(2_510_000));
        assertEquals("4.2 s", Durations.idle(4_200_000_000L));
        assertEquals("3 min 5 s", Durations.idle(185_000_000_000L));
    }
}
