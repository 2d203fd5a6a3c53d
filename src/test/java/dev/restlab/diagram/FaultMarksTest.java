package dev.restlab.diagram;

import static dev.restlab.diagram.Traffic.connection;
import static dev.restlab.diagram.Traffic.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.diagram.SequenceDiagram.Activation;
import dev.restlab.diagram.SequenceDiagram.Arrow;
import dev.restlab.diagram.SequenceDiagram.Direction;
import dev.restlab.diagram.SequenceDiagram.FaultNote;
import dev.restlab.diagram.Waterfall.Phase;
import dev.restlab.diagram.Waterfall.Row;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every exchange a fault rule touched is marked in the sequence diagram and the waterfall: a
 * delay as the server's time, in the fault's colour, named after ⚡; a request that got no answer
 * as a broken arrow that says why, and a row with no response bar. The marks reach the SVG export.
 */
class FaultMarksTest {

    /** The fault lab's conversation: a slow list, a reset DELETE, a truncated list, a client that gave up. */
    private static List<Exchange> faulted() {
        Connection a = connection(1, 53422, 0);
        Connection b = connection(2, 53424, millis(400));
        Connection c = connection(3, 53426, millis(500));
        Connection d = connection(4, 53428, millis(600));
        long slow = 1_000;
        long reset = millis(400) + 1_000;
        long cut = millis(500) + 1_000;
        long gaveUp = millis(600) + 1_000;
        return List.of(
                base(1, a, "GET", "/people/v1/users").status(200, "OK").faultRule("delay 300ms on GET /people/v1/users")
                        .timings(new Timings(slow, slow + 10_000, slow + millis(300), slow + millis(300) + 40_000)).build(),
                base(2, b, "DELETE", "/people/v1/users/864d82a5").ending(Ending.RESET_BY_SERVER).faultRule("reset on DELETE")
                        .timings(new Timings(reset, reset + 10_000, reset + 90_000, reset + 90_000)).build(),
                base(3, c, "GET", "/people/v1/users").status(200, "OK").ending(Ending.CLOSED_MID_BODY).faultRule("truncate")
                        .timings(new Timings(cut, cut + 10_000, cut + 200_000, cut + 250_000)).build(),
                base(4, d, "GET", "/people/v1/users").ending(Ending.CLIENT_GAVE_UP)
                        .timings(new Timings(gaveUp, gaveUp + 10_000, gaveUp + millis(50), gaveUp + millis(50))).build());
    }

    private static dev.restlab.wire.ExchangeBuilder base(long id, Connection on, String method, String target) {
        return Exchange.builder().id(id).connection(on, 1).request(method, target)
                .requestHeader("Host", "127.0.0.1:5001").requestHeader("User-Agent", Traffic.CURL);
    }

    private static Arrow response(SequenceDiagram diagram, long id) {
        return diagram.arrows().stream().filter(a -> a.exchangeId() == id && a.direction() == Direction.RESPONSE)
                .findFirst().orElseThrow();
    }

    @Test
    void a_delay_is_the_server_s_time_marked_with_its_rule_and_what_a_good_client_does() {
        SequenceDiagram diagram = SequenceLayout.of(faulted(), ZoneOffset.UTC);

        Activation busy = diagram.activations().stream().filter(x -> x.exchangeId() == 1).findFirst().orElseThrow();
        assertTrue(busy.fault(), "the server's busy time is the fault's");
        Activation untouched = diagram.activations().stream().filter(x -> x.exchangeId() == 4).findFirst().orElseThrow();
        assertFalse(untouched.fault());
        FaultNote note = diagram.faults().stream().filter(n -> n.exchangeId() == 1).findFirst().orElseThrow();
        assertEquals("⚡ delay 300ms · server 300 ms", note.text());
        assertTrue(note.x() > diagram.lanes().get(diagram.lanes().size() - 1).x(), "beside the server's lane");
        assertTrue(note.y() > busy.from() && note.y() < busy.to() + 1, "beside the busy bar");
        assertTrue(note.tooltip().contains("delay 300ms on GET /people/v1/users"), note.tooltip());
        assertTrue(note.tooltip().contains("A good client sets a time limit"), note.tooltip());
        assertFalse(response(diagram, 1).broken(), "the answer came, late");
        assertTrue(response(diagram, 1).tooltip().contains("Fault rule 'delay 300ms on GET /people/v1/users'"));
    }

    @Test
    void a_reset_is_a_broken_arrow_that_says_why_and_names_the_rule() {
        SequenceDiagram diagram = SequenceLayout.of(faulted(), ZoneOffset.UTC);

        Arrow reset = response(diagram, 2);
        assertTrue(reset.broken());
        assertEquals("– no answer: connection reset", reset.label());
        assertTrue(reset.tooltip().contains("no answer: connection reset by the server before any answer"), reset.tooltip());
        assertTrue(diagram.faults().stream().anyMatch(n -> n.exchangeId() == 2 && n.text().startsWith("⚡ reset · waited ")));

        Arrow cut = response(diagram, 3);
        assertTrue(cut.broken());
        assertEquals("✓ 200 OK, cut short", cut.label());

        Arrow gaveUp = response(diagram, 4);
        assertTrue(gaveUp.broken());
        assertEquals("– no answer: client gave up", gaveUp.label());
        assertTrue(diagram.faults().stream().noneMatch(n -> n.exchangeId() == 4), "no rule touched it: no ⚡");

        RecordingDrawing drawn = new RecordingDrawing();
        SequenceDrawing.draw(diagram, Palette.DARK, 14, -1, drawn);
        // An arrow with a head is a polygon; the broken ones have none: 4 requests + 1 whole answer.
        assertEquals(5, drawn.polygons.size());
        RecordingDrawing.Text label = drawn.text("– no answer: connection reset");
        assertEquals(Palette.DARK.serverError(), label.color());
        double serverX = diagram.lanes().get(diagram.lanes().size() - 1).x() * 14;
        double laneX = diagram.lanes().stream().filter(l -> l.connectionId() == 2).findFirst().orElseThrow().x() * 14;
        List<RecordingDrawing.Line> dashes = drawn.lines.stream()
                .filter(l -> l.dashed() && l.y1() == l.y2() && l.y1() == reset.y() * 14).toList();
        assertEquals(1, dashes.size(), "one dashed line from the server");
        double end = Math.min(dashes.get(0).x1(), dashes.get(0).x2());
        assertEquals(serverX, Math.max(dashes.get(0).x1(), dashes.get(0).x2()), 1e-9);
        assertTrue(end > laneX + 1, "broken off before the client's lane");
        assertEquals(List.of(), drawn.crossings());
    }

    @Test
    void the_waterfall_shows_the_delay_as_server_time_and_marks_the_rows_with_no_answer() {
        Waterfall waterfall = WaterfallLayout.of(faulted());
        Row slow = waterfall.rows().get(0);
        assertTrue(slow.fault());
        assertFalse(slow.broken());
        Waterfall.Bar server = slow.bars().stream().filter(b -> b.phase() == Phase.SERVER).findFirst().orElseThrow();
        assertEquals(millis(300) / 1_000 - 10, server.micros(), "the request's last byte to the answer's first");
        assertTrue(slow.numbers().contains("server time 300 ms") && slow.numbers().contains("⚡ delay 300ms"), slow.numbers());

        Row reset = waterfall.rows().get(1);
        assertTrue(reset.broken() && reset.fault());
        assertTrue(reset.label().endsWith("→ – no answer: connection reset"), reset.label());
        assertTrue(reset.bars().stream().noneMatch(b -> b.phase() == Phase.RESPONSE), "no answer: no response bar");
        assertTrue(reset.numbers().contains("waited 80 µs · no answer: connection reset · ⚡ reset"), reset.numbers());

        Row cut = waterfall.rows().get(2);
        assertTrue(cut.broken());
        assertTrue(cut.numbers().contains("cut short: server closed · ⚡ truncate"), cut.numbers());
        Row gaveUp = waterfall.rows().get(3);
        assertTrue(gaveUp.broken() && !gaveUp.fault());

        RecordingDrawing drawn = new RecordingDrawing();
        WaterfallDrawing.draw(waterfall, Palette.LIGHT, 14, 900, -1, drawn);
        assertTrue(drawn.rects.stream().anyMatch(r -> r.exchangeId() == 1 && Palette.LIGHT.fault().equals(r.fill())),
                "the delayed row's server bar in the fault's colour");
        assertTrue(drawn.rects.stream().noneMatch(r -> r.exchangeId() == 4 && Palette.LIGHT.fault().equals(r.fill())));
        assertEquals(List.of(), drawn.crossings());
    }

    @Test
    void the_svg_export_shows_the_fault_marks_and_names_the_rules() {
        SvgDrawing sequence = new SvgDrawing();
        SequenceDrawing.draw(SequenceLayout.of(faulted(), ZoneOffset.UTC), Palette.LIGHT, 14, -1, sequence);
        String svg = sequence.document();
        assertTrue(svg.contains(">⚡ delay 300ms · server 300 ms</text>"), svg);
        assertTrue(svg.contains(">– no answer: connection reset</text>"));
        assertTrue(svg.contains("Fault rule &apos;reset on DELETE&apos;"), "the tooltip, as the group's title");

        SvgDrawing waterfall = new SvgDrawing();
        WaterfallDrawing.draw(WaterfallLayout.of(faulted()), Palette.DARK, 14, 0, -1, waterfall);
        assertTrue(waterfall.document().contains("⚡ delay 300ms"));
        assertTrue(waterfall.document().contains("no answer: connection reset"));
    }
}
