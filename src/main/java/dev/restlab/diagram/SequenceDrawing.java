package dev.restlab.diagram;

import dev.restlab.diagram.Drawing.Anchor;
import dev.restlab.diagram.SequenceDiagram.Activation;
import dev.restlab.diagram.SequenceDiagram.Arrow;
import dev.restlab.diagram.SequenceDiagram.Break;
import dev.restlab.diagram.SequenceDiagram.Direction;
import dev.restlab.diagram.SequenceDiagram.Lane;
import dev.restlab.diagram.SequenceDiagram.Mark;
import dev.restlab.diagram.SequenceDiagram.MarkKind;
import dev.restlab.diagram.SequenceDiagram.TimeLabel;

/** Draws a {@link SequenceDiagram} at a font size, in a palette, with one exchange picked out. */
public final class SequenceDrawing {

    private SequenceDrawing() {
    }

    /**
     * @param em          the font size in pixels: the diagram's ems become pixels by it
     * @param highlighted the exchange drawn bold (the selected one), or -1
     */
    public static void draw(SequenceDiagram diagram, Palette palette, double em, long highlighted, Drawing out) {
        out.begin(diagram.width() * em, diagram.height() * em, palette.background());
        double small = em * SequenceLayout.SMALL;
        for (Lane lane : diagram.lanes()) {
            double x = lane.x() * em;
            out.text(x, 1.5 * em, lane.title(), palette.text(), em, true, Anchor.MIDDLE);
            out.text(x, 2.8 * em, lane.subtitle(), palette.muted(), small, false, Anchor.MIDDLE);
            out.line(x, lane.from() * em, x, lane.to() * em, palette.lifeline(), lane.isServer() ? 2 : 1.2, !lane.isServer());
        }
        for (Activation busy : diagram.activations()) {
            double height = Math.max(busy.to() - busy.from(), 0.3) * em;
            out.rect(busy.x() * em - 0.35 * em, busy.from() * em, 0.7 * em, height, palette.activation(), palette.lifeline());
        }
        for (Mark mark : diagram.marks()) {
            double x = mark.x() * em;
            double y = mark.y() * em;
            double r = 0.3 * em;
            if (mark.kind() == MarkKind.ACCEPT) {
                out.rect(x - r, y - r, 2 * r, 2 * r, palette.muted(), null);
            } else {
                out.line(x - r, y - r, x + r, y + r, palette.muted(), 2, false);
                out.line(x - r, y + r, x + r, y - r, palette.muted(), 2, false);
            }
            out.text(x + 0.6 * em, y + 0.3 * em, mark.label(), palette.muted(), small, false, Anchor.START);
        }
        for (Break pause : diagram.breaks()) {
            double y = pause.y() * em;
            out.line(SequenceLayout.MARGIN * em, y, diagram.width() * em - SequenceLayout.MARGIN * em, y, palette.muted(), 1, true);
            // In the time column, where the reader looks for how much time passed.
            double width = (pause.label().length() * SequenceLayout.CHAR_WIDTH + 1) * small;
            double left = SequenceLayout.MARGIN * em - 0.5 * small;
            out.rect(left, y - 0.7 * small, width, 1.3 * small, palette.background(), null);
            out.text(left + 0.5 * small, y + 0.35 * small, pause.label(), palette.muted(), small, false, Anchor.START);
        }
        for (TimeLabel time : diagram.times()) {
            out.text(SequenceLayout.MARGIN * em, time.y() * em + 0.3 * small, time.text(), palette.muted(), small, false, Anchor.START);
        }
        for (Arrow arrow : diagram.arrows()) {
            arrow(arrow, palette, em, arrow.exchangeId() == highlighted, out);
        }
    }

    private static void arrow(Arrow arrow, Palette palette, double em, boolean bold, Drawing out) {
        String color = arrow.rejected() ? palette.rejected()
                : arrow.direction() == Direction.REQUEST ? palette.request() : palette.response();
        double from = arrow.fromX() * em;
        double to = arrow.toX() * em;
        double y = arrow.y() * em;
        double head = 0.55 * em;
        double sign = Math.signum(to - from);
        double left = Math.min(from, to);
        double right = Math.max(from, to);
        out.beginItem(arrow.exchangeId(), "exchange-" + arrow.exchangeId() + "-" + arrow.direction().name().toLowerCase(java.util.Locale.ROOT),
                arrow.tooltip());
        out.hitArea(left, y - 1.6 * em, right - left, 2.1 * em);
        if (bold) {
            out.rect(left, y - 1.55 * em, right - left, 1.95 * em, palette.highlight(), null);
        }
        out.line(from, y, to - sign * head * 0.8, y, color, bold ? 3 : 1.6, arrow.rejected());
        out.polygon(color, to, y, to - sign * head, y - head / 2, to - sign * head, y + head / 2);
        // The label starts beside the client's lane, where the reader's eye is; the room before
        // the server is as wide as the longest label, so it never runs into the server's lane.
        double client = arrow.direction() == Direction.REQUEST ? from : to;
        double textLeft = client + 1.0 * em;
        double textWidth = arrow.label().length() * SequenceLayout.CHAR_WIDTH * em;
        if (!bold) {
            out.rect(textLeft - 0.2 * em, y - 1.35 * em, textWidth + 0.4 * em, 1.2 * em, palette.labelBackground(), null);
        }
        out.text(textLeft, y - 0.45 * em, arrow.label(), color, em, bold, Anchor.START);
        out.endItem();
    }
}
