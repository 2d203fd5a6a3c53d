package dev.restlab.diagram;

import dev.restlab.diagram.Drawing.Anchor;
import dev.restlab.diagram.SequenceDiagram.Activation;
import dev.restlab.diagram.SequenceDiagram.Arrow;
import dev.restlab.diagram.SequenceDiagram.Break;
import dev.restlab.diagram.SequenceDiagram.Direction;
import dev.restlab.diagram.SequenceDiagram.FaultNote;
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
        LabelBoxes labels = labels(diagram, em);
        for (Lane lane : diagram.lanes()) {
            double x = lane.x() * em;
            out.text(x, 1.5 * em, lane.title(), palette.text(), em, true, Anchor.MIDDLE);
            out.text(x, 2.8 * em, lane.subtitle(), palette.muted(), small, false, Anchor.MIDDLE);
            labels.line(out, x, lane.from() * em, x, lane.to() * em, palette.lifeline(), lane.isServer() ? 2 : 1.2,
                    !lane.isServer());
        }
        for (Activation busy : diagram.activations()) {
            double height = Math.max(busy.to() - busy.from(), 0.3) * em;
            // A fault's time is the server's time too, in the fault's colour; its note beside it says so in words.
            out.rect(busy.x() * em - 0.35 * em, busy.from() * em, 0.7 * em, height,
                    busy.fault() ? palette.fault() : palette.activation(), palette.lifeline());
        }
        for (FaultNote note : diagram.faults()) {
            out.beginItem(note.exchangeId(), "exchange-" + note.exchangeId() + "-fault", note.tooltip());
            double width = note.text().length() * SequenceLayout.CHAR_WIDTH * small;
            out.hitArea(note.x() * em, note.y() * em - small, width, 1.3 * small);
            out.text(note.x() * em, note.y() * em, note.text(), palette.fault(), small, true, Anchor.START);
            out.endItem();
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
            // The line leaves a gap for its label, in the time column where the reader looks for how much time passed.
            labels.line(out, SequenceLayout.MARGIN * em, y, diagram.width() * em - SequenceLayout.MARGIN * em, y,
                    palette.muted(), 1, true);
            out.text(SequenceLayout.MARGIN * em, y + 0.35 * small, pause.label(), palette.muted(), small, false, Anchor.START);
        }
        for (TimeLabel time : diagram.times()) {
            out.text(SequenceLayout.MARGIN * em, time.y() * em + 0.3 * small, time.text(), palette.muted(), small, false, Anchor.START);
        }
        for (Arrow arrow : diagram.arrows()) {
            arrow(arrow, palette, em, arrow.exchangeId() == highlighted, out);
        }
    }

    /** Where every text of the diagram goes, worked out before any line is drawn. */
    static LabelBoxes labels(SequenceDiagram diagram, double em) {
        double small = em * SequenceLayout.SMALL;
        LabelBoxes labels = new LabelBoxes();
        for (Lane lane : diagram.lanes()) {
            labels.add(lane.x() * em, 1.5 * em, lane.title(), em, Anchor.MIDDLE);
            labels.add(lane.x() * em, 2.8 * em, lane.subtitle(), small, Anchor.MIDDLE);
        }
        for (Mark mark : diagram.marks()) {
            labels.add(mark.x() * em + 0.6 * em, mark.y() * em + 0.3 * em, mark.label(), small, Anchor.START);
        }
        for (Break pause : diagram.breaks()) {
            labels.add(SequenceLayout.MARGIN * em, pause.y() * em + 0.35 * small, pause.label(), small, Anchor.START);
        }
        for (TimeLabel time : diagram.times()) {
            labels.add(SequenceLayout.MARGIN * em, time.y() * em + 0.3 * small, time.text(), small, Anchor.START);
        }
        for (Arrow arrow : diagram.arrows()) {
            labels.add(labelLeft(arrow, em), arrow.y() * em - 0.45 * em, arrow.label(), em, Anchor.START);
        }
        for (FaultNote note : diagram.faults()) {
            labels.add(note.x() * em, note.y() * em, note.text(), small, Anchor.START);
        }
        return labels;
    }

    /**
     * The label starts beside the client's lane, where the reader's eye is; the room before the
     * server is as wide as the longest label, so it never runs into the server's lane.
     */
    private static double labelLeft(Arrow arrow, double em) {
        double client = arrow.direction() == Direction.REQUEST ? arrow.fromX() : arrow.toX();
        return (client + 1.0) * em;
    }

    /**
     * An answer that never reached the client whole: dashed from the server, broken off with a
     * zigzag past the end of its label (which says why), and no head.
     */
    private static void brokenArrow(double from, double to, double y, double labelEnd, double em, String color, boolean bold,
            Drawing out) {
        double sign = Math.signum(to - from);
        double beside = sign < 0 ? Math.max(labelEnd + 0.8 * em, to) : Math.min(labelEnd - 0.8 * em, to);
        double end = sign < 0 ? Math.min(beside, from - 1.5 * em) : Math.max(beside, from + 1.5 * em);
        double width = bold ? 3 : 2;
        out.line(from, y, end, y, color, width, true);
        double step = Math.max(0.4 * em, 4); // seen at the small sizes Fit width draws many lanes at
        // ↯: down-back, across, down-forward: a break, not a head.
        out.line(end, y, end + sign * step, y - 1.2 * step, color, width, false);
        out.line(end + sign * step, y - 1.2 * step, end, y + 1.2 * step, color, width, false);
        out.line(end, y + 1.2 * step, end + sign * step, y, color, width, false);
    }

    /** The font size at which the diagram fits {@code width} pixels: see {@link FitWidth}. */
    public static double fitEm(SequenceDiagram diagram, double width, double em) {
        return FitWidth.em(diagram.width(), width, em);
    }

    private static void arrow(Arrow arrow, Palette palette, double em, boolean bold, Drawing out) {
        String color = arrow.broken() && arrow.status() <= 0 ? palette.serverError()
                : arrow.direction() == Direction.RESPONSE ? palette.status(arrow.status())
                : arrow.rejected() ? palette.rejected() : palette.request();
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
        if (arrow.broken()) {
            double labelEnd = labelLeft(arrow, em) + arrow.label().length() * SequenceLayout.CHAR_WIDTH * em;
            brokenArrow(from, to, y, labelEnd, em, color, bold, out);
        } else {
            out.line(from, y, to - sign * head * 0.8, y, color, bold ? 3 : 1.6, arrow.rejected());
            out.polygon(color, to, y, to - sign * head, y - head / 2, to - sign * head, y + head / 2);
        }
        out.text(labelLeft(arrow, em), y - 0.45 * em, arrow.label(), color, em, bold, Anchor.START);
        out.endItem();
    }
}
