package dev.restlab.diagram;

import static dev.restlab.diagram.Traffic.connection;
import static dev.restlab.diagram.Traffic.exchange;
import static dev.restlab.diagram.Traffic.millis;
import static dev.restlab.diagram.Traffic.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.diagram.SequenceDiagram.Lane;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fit width keeps every lane and every row inside the width it is given, at the largest text size;
 * no straight line of either picture runs through a label; answers carry their class's symbol
 * and colour.
 */
class FitWidthAndLabelsTest {

    /** The window's largest text size, as a projector wants it. */
    private static final double LARGEST_EM = 28;
    /** What the Diagram tab's view has of a 1024-pixel-wide window. */
    private static final double VIEW = 990;

    /**
     * A lesson's worth: three clients (curl, a browser, the window) on four connections, the
     * handout's answers, a long path, a connection closed, pauses of milliseconds and of seconds.
     */
    private static List<Exchange> classroom() {
        Connection a = connection(1, 53422, 0);
        Connection b = connection(2, 53424, millis(40));
        Connection c = connection(3, 53426, seconds(6));
        Connection d = connection(4, 53428, seconds(6) + millis(300));
        d.markClosed(seconds(6) + millis(350));
        return List.of(
                exchange(1, a, 1, "POST", "/people/v1/users", 201, "Created", 1_000),
                exchange(2, a, 2, "GET", "/people/v1/users?name=John", 200, "OK", millis(20)),
                exchange(3, b, 1, "GET", "/people/v1/users/864d82a5-e4e2-4b17-8358-d0d66d34e470", 404, "Not Found",
                        millis(40) + 1_000, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
                exchange(4, c, 1, "GET", "/old", 302, "Found", seconds(6) + 1_000),
                exchange(5, c, 2, "POST", "/people/v1/users", 503, "Service Unavailable", seconds(6) + millis(100)),
                exchange(6, d, 1, "DELETE", "/people/v1/users/864d82a5-e4e2-4b17-8358-d0d66d34e470", 204, "No Content",
                        seconds(6) + millis(301)));
    }

    @Test
    void fit_width_keeps_every_lane_and_label_of_the_diagram_inside_the_width() {
        SequenceDiagram diagram = SequenceLayout.of(classroom(), ZoneOffset.UTC);
        assertTrue(diagram.width() * LARGEST_EM > VIEW, "at full size the server's lane is off the view: "
                + diagram.width() * LARGEST_EM);

        double em = SequenceDrawing.fitEm(diagram, VIEW, LARGEST_EM);
        RecordingDrawing drawn = new RecordingDrawing();
        SequenceDrawing.draw(diagram, Palette.DARK, em, -1, drawn);

        assertTrue(drawn.width <= VIEW, "the drawing is " + drawn.width + " px wide");
        for (Lane lane : diagram.lanes()) {
            assertTrue(lane.x() * em > 0 && lane.x() * em < VIEW, lane.title() + " at " + lane.x() * em);
        }
        for (RecordingDrawing.Text text : drawn.texts) {
            assertTrue(text.right() <= VIEW && text.box().x() >= 0, "'" + text.text() + "' ends at " + text.right());
        }
        assertEquals(LARGEST_EM, SequenceDrawing.fitEm(diagram, 10_000, LARGEST_EM), "room enough: full size");
    }

    @Test
    void fit_width_keeps_every_waterfall_row_inside_the_width() {
        Waterfall waterfall = WaterfallLayout.of(classroom());
        assertTrue(WaterfallDrawing.minWidth(waterfall, LARGEST_EM) > VIEW, "at full size a row is cut at the right");

        double em = WaterfallDrawing.fitEm(waterfall, VIEW, LARGEST_EM);
        RecordingDrawing drawn = new RecordingDrawing();
        WaterfallDrawing.draw(waterfall, Palette.DARK, em, VIEW, -1, drawn);

        assertEquals(VIEW, drawn.width, 1e-9, "the bars fill the view, no wider");
        for (RecordingDrawing.Text text : drawn.texts) {
            assertTrue(text.right() <= VIEW, "'" + text.text() + "' ends at " + text.right());
        }
        for (RecordingDrawing.Rect bar : drawn.rects) {
            assertTrue(bar.x() + bar.width() <= VIEW + 1e-9, "a bar ends at " + (bar.x() + bar.width()));
        }
    }

    @Test
    void no_line_of_the_diagram_runs_through_a_label() {
        SequenceDiagram diagram = SequenceLayout.of(classroom(), ZoneOffset.UTC);
        assertTrue(!diagram.breaks().isEmpty(), "the six seconds' pause is a break with a dashed line");
        for (double em : List.of(14.0, 20.0, LARGEST_EM)) {
            for (long highlighted : List.of(-1L, 3L)) {
                RecordingDrawing drawn = new RecordingDrawing();
                SequenceDrawing.draw(diagram, Palette.LIGHT, em, highlighted, drawn);
                assertEquals(List.of(), drawn.crossings(), "at " + em + " px");
                assertTrue(drawn.lines.stream().anyMatch(RecordingDrawing.Line::dashed), "the lifelines and the break are drawn");
            }
        }
    }

    @Test
    void no_dashed_idle_line_of_the_waterfall_runs_through_a_label() {
        Waterfall waterfall = WaterfallLayout.of(classroom());
        assertTrue(!waterfall.breaks().isEmpty());
        for (double width : List.of(600.0, 990.0, 1600.0)) {
            RecordingDrawing drawn = new RecordingDrawing();
            WaterfallDrawing.draw(waterfall, Palette.DARK, 14, width, -1, drawn);
            assertEquals(List.of(), drawn.crossings(), "at " + width + " px");
            assertTrue(drawn.lines.stream().anyMatch(RecordingDrawing.Line::dashed), "the idle time is still marked");
        }
    }

    @Test
    void answers_carry_their_class_s_symbol_and_colour_in_the_diagram_and_the_waterfall() {
        for (Palette palette : List.of(Palette.LIGHT, Palette.DARK)) {
            RecordingDrawing sequence = new RecordingDrawing();
            SequenceDrawing.draw(SequenceLayout.of(classroom(), ZoneOffset.UTC), palette, 14, -1, sequence);
            assertEquals(palette.success(), sequence.text("✓ 201 Created").color());
            assertEquals(palette.redirect(), sequence.text("↪ 302 Found").color());
            assertEquals(palette.clientError(), sequence.text("⚠ 404 Not Found").color());
            assertEquals(palette.serverError(), sequence.text("✖ 503 Service Unavailable").color());

            RecordingDrawing waterfall = new RecordingDrawing();
            WaterfallDrawing.draw(WaterfallLayout.of(classroom()), palette, 14, 900, -1, waterfall);
            assertEquals(palette.clientError(), waterfall.text("⚠ 404 Not Found").color());
            assertEquals(palette.serverError(), waterfall.text("✖ 503 Service Unavailable").color());
            assertEquals(palette.text(), waterfall.text("POST /people/v1/users → ").color(), "the request in the text's colour");
        }
    }
}
