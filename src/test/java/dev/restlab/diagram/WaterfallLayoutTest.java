package dev.restlab.diagram;

import static dev.restlab.diagram.Traffic.connection;
import static dev.restlab.diagram.Traffic.exchange;
import static dev.restlab.diagram.Traffic.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.diagram.Waterfall.Bar;
import dev.restlab.diagram.Waterfall.Phase;
import dev.restlab.diagram.Waterfall.Row;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaterfallLayoutTest {

    private static Bar bar(Row row, Phase phase) {
        return row.bars().stream().filter(b -> b.phase() == phase).findFirst()
                .orElseThrow(() -> new AssertionError("no " + phase + " bar in " + row));
    }

    @Test
    void one_exchange_on_a_new_connection_shows_its_phases_in_order_with_their_numbers() {
        // Accepted at 0, request bytes from 40 µs to 50 µs, answer from 250 µs to 1.45 ms.
        Connection c = connection(1, 53422, 0);
        Exchange e = Exchange.builder().id(3).connection(c, 1).request("POST", "/people/v1/users")
                .status(201, "Created").timings(new dev.restlab.wire.Timings(40_000, 50_000, 250_000, 1_450_000)).build();
        Waterfall waterfall = WaterfallLayout.of(List.of(e));

        Row row = waterfall.rows().get(0);
        assertEquals("POST /people/v1/users → ✓ 201 Created", row.label());
        assertTrue(row.newConnection());
        assertEquals(List.of(Phase.CONNECT, Phase.REQUEST, Phase.SERVER, Phase.RESPONSE), row.bars().stream().map(Bar::phase).toList());
        assertEquals(40, bar(row, Phase.CONNECT).micros());
        assertEquals(10, bar(row, Phase.REQUEST).micros());
        assertEquals(200, bar(row, Phase.SERVER).micros());
        assertEquals(1200, bar(row, Phase.RESPONSE).micros());
        assertEquals("request sent 10 µs · server time 200 µs · response sent 1.2 ms · new connection (accepted 40 µs before)",
                row.numbers());
        assertEquals(0, bar(row, Phase.CONNECT).from(), 1e-9);
        assertEquals(1, bar(row, Phase.RESPONSE).to(), 1e-9, "one exchange fills the axis");
        double previous = 0;
        for (Bar bar : row.bars()) {
            assertEquals(previous, bar.from(), 1e-9, bar.phase() + " starts where the phase before ended");
            previous = bar.to();
        }
        assertEquals(200.0 / 1450, bar(row, Phase.SERVER).to() - bar(row, Phase.SERVER).from(), 1e-9, "linear in time");
    }

    @Test
    void a_kept_alive_exchange_has_no_connect_bar() {
        Connection c = connection(1, 53422, 0);
        Waterfall waterfall = WaterfallLayout.of(List.of(exchange(2, c, 2, "GET", "/", 200, "OK", 1_000_000)));

        Row row = waterfall.rows().get(0);
        assertFalse(row.newConnection());
        assertTrue(row.bars().stream().noneMatch(b -> b.phase() == Phase.CONNECT));
        assertFalse(row.numbers().contains("new connection"));
    }

    @Test
    void exchanges_seconds_apart_share_one_axis_with_the_idle_time_cut_out() {
        Connection a = connection(1, 50001, 0);
        Connection b = connection(2, 50002, seconds(4));
        Waterfall waterfall = WaterfallLayout.of(List.of(
                exchange(2, b, 1, "GET", "/people/v1/users", 200, "OK", seconds(4) + 1_000),
                exchange(1, a, 1, "POST", "/people/v1/users", 201, "Created", 1_000)));

        assertEquals(List.of(1L, 2L), waterfall.rows().stream().map(Row::exchangeId).toList(), "in time order");
        assertEquals(1, waterfall.breaks().size());
        Waterfall.Break pause = waterfall.breaks().get(0);
        assertTrue(pause.label().startsWith("4.0 s idle"), pause.label());
        Row first = waterfall.rows().get(0);
        Row second = waterfall.rows().get(1);
        double firstEnd = bar(first, Phase.RESPONSE).to();
        double secondStart = bar(second, Phase.CONNECT).from();
        assertTrue(firstEnd < pause.at() && pause.at() < secondStart, firstEnd + " < " + pause.at() + " < " + secondStart);
        assertEquals(bar(first, Phase.SERVER).to() - bar(first, Phase.SERVER).from(),
                bar(second, Phase.SERVER).to() - bar(second, Phase.SERVER).from(), 1e-9, "the same time takes the same width");
        assertTrue(bar(second, Phase.SERVER).to() - bar(second, Phase.SERVER).from() > 0.2,
                "200 µs of server time stay visible beside four idle seconds");
        assertEquals(1, bar(second, Phase.RESPONSE).to(), 1e-9);
        assertEquals("4.0 s in all", waterfall.span());
    }

    @Test
    void a_short_pause_stays_linear() {
        Connection a = connection(1, 50001, 0);
        Waterfall waterfall = WaterfallLayout.of(List.of(
                exchange(1, a, 1, "GET", "/", 200, "OK", 1_000),
                exchange(2, a, 2, "GET", "/", 200, "OK", 300_000)));

        assertTrue(waterfall.breaks().isEmpty());
        Row second = waterfall.rows().get(1);
        assertEquals(300_000.0 / 540_000, bar(second, Phase.REQUEST).from(), 1e-9);
    }

    @Test
    void no_exchanges_make_an_empty_waterfall() {
        Waterfall waterfall = WaterfallLayout.of(List.of());
        assertTrue(waterfall.isEmpty());
        assertEquals("", waterfall.span());
    }
}
