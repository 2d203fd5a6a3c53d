package dev.restlab.diagram;

import dev.restlab.diagram.Drawing.Anchor;
import dev.restlab.diagram.Waterfall.Bar;
import dev.restlab.diagram.Waterfall.Break;
import dev.restlab.diagram.Waterfall.Phase;
import dev.restlab.diagram.Waterfall.Row;

/** Draws a {@link Waterfall}: a legend, then a row per exchange with its bars and their numbers. */
public final class WaterfallDrawing {

    static final double MARGIN = 1.0;
    static final double HEADER = 4.4;
    static final double ROW = 3.2;
    /** The bars get at least this many ems, however narrow the view. */
    static final double MIN_BARS = 24;

    private WaterfallDrawing() {
    }

    /** The width in pixels the drawing needs at least, for the labels, the numbers and some bars. */
    public static double minWidth(Waterfall waterfall, double em) {
        double numbers = 0;
        for (Row row : waterfall.rows()) {
            numbers = Math.max(numbers, row.numbers().length() * SequenceLayout.CHAR_WIDTH * 0.85);
        }
        return Math.max(labelColumn() + MIN_BARS, numbers) * em + 2 * MARGIN * em;
    }

    private static double labelColumn() {
        return WaterfallLayout.MAX_LABEL * SequenceLayout.CHAR_WIDTH + 1.5;
    }

    /** The font size at which the waterfall fits {@code width} pixels: see {@link FitWidth}. */
    public static double fitEm(Waterfall waterfall, double width, double em) {
        return FitWidth.em(minWidth(waterfall, 1), width, em);
    }

    /**
     * @param width       the width to fill in pixels (at least {@link #minWidth})
     * @param highlighted the exchange whose row is picked out, or -1
     */
    public static void draw(Waterfall waterfall, Palette palette, double em, double width, long highlighted, Drawing out) {
        width = Math.max(width, minWidth(waterfall, em));
        double height = (HEADER + ROW * waterfall.rows().size() + 0.5) * em;
        out.begin(width, height, palette.background());
        double small = 0.85 * em;
        double x = MARGIN * em;
        for (Phase phase : Phase.values()) {
            out.rect(x, 0.75 * em, 0.9 * em, 0.9 * em, palette.bar(phase), null);
            out.text(x + 1.3 * em, 1.55 * em, phase.words(), palette.text(), small, false, Anchor.START);
            x += (phase.words().length() * SequenceLayout.CHAR_WIDTH * 0.85 + 3) * em;
        }
        double barsLeft = (MARGIN + labelColumn()) * em;
        double barsWidth = width - barsLeft - MARGIN * em;
        out.text(barsLeft, 2.9 * em, axisWords(waterfall), palette.muted(), small, false, Anchor.START);
        WaterfallLabels labels = labels(waterfall, em, width);
        for (Break pause : waterfall.breaks()) {
            double at = barsLeft + pause.at() * barsWidth;
            labels.line(out, at, HEADER * em - 0.2 * em, at, height - 0.3 * em, palette.muted(), 1, true);
            if (labels.shows(pause)) {
                out.text(at, HEADER * em - 0.3 * em, pause.label(), palette.muted(), small, false, Anchor.MIDDLE);
            }
        }
        double top = HEADER * em;
        for (Row row : waterfall.rows()) {
            boolean bold = row.exchangeId() == highlighted;
            out.beginItem(row.exchangeId(), "exchange-" + row.exchangeId() + "-row", row.tooltip());
            out.hitArea(0, top, width, ROW * em);
            if (bold) {
                out.rect(0, top, width, ROW * em, palette.highlight(), null);
            }
            label(row, palette, em, top, bold, out);
            for (Bar bar : row.bars()) {
                double from = barsLeft + bar.from() * barsWidth;
                double barWidth = Math.max(bar.to() * barsWidth + barsLeft - from, 2);
                double barHeight = bar.phase() == Phase.CONNECT ? 0.5 * em : 1.1 * em;
                // A fault rule's time is the server's, drawn in the fault's colour; the numbers say ⚡ and the rule.
                String fill = row.fault() && bar.phase() == Phase.SERVER ? palette.fault() : palette.bar(bar.phase());
                out.rect(from, top + 0.35 * em + (1.1 * em - barHeight) / 2, barWidth, barHeight, fill, null);
            }
            out.text(MARGIN * em, top + 2.6 * em, row.numbers(), row.fault() || row.broken() ? palette.fault() : palette.muted(),
                    small, false, Anchor.START);
            out.endItem();
            top += ROW * em;
        }
    }

    private static String axisWords(Waterfall waterfall) {
        return "one time axis" + (waterfall.breaks().isEmpty() ? "" : ", idle time cut out")
                + (waterfall.span().isEmpty() ? "" : " · " + waterfall.span());
    }

    /** The request in the text's colour, the answer after it in its class's colour (its symbol says the class too). */
    private static void label(Row row, Palette palette, double em, double top, boolean bold, Drawing out) {
        String label = row.label();
        String request = label.endsWith(row.answer()) ? label.substring(0, label.length() - row.answer().length()) : label;
        double x = MARGIN * em;
        out.text(x, top + 1.3 * em, request, row.rejected() ? palette.rejected() : palette.text(), em, bold, Anchor.START);
        if (request.length() < label.length()) {
            x += request.codePointCount(0, request.length()) * SequenceLayout.CHAR_WIDTH * em;
            String color = row.broken() && row.status() <= 0 ? palette.serverError() : palette.status(row.status());
            out.text(x, top + 1.3 * em, row.answer(), color, em, bold, Anchor.START);
        }
    }

    /** Where the waterfall's texts go; a break's label only where the one before left room. */
    static WaterfallLabels labels(Waterfall waterfall, double em, double width) {
        width = Math.max(width, minWidth(waterfall, em));
        double small = 0.85 * em;
        double barsLeft = (MARGIN + labelColumn()) * em;
        double barsWidth = width - barsLeft - MARGIN * em;
        WaterfallLabels labels = new WaterfallLabels();
        labels.add(barsLeft, 2.9 * em, axisWords(waterfall), small, Anchor.START);
        double labelsEnd = Double.NEGATIVE_INFINITY;
        for (Break pause : waterfall.breaks()) {
            double at = barsLeft + pause.at() * barsWidth;
            // Breaks close together keep their lines; a label goes only where the one before left room.
            double half = pause.label().length() * SequenceLayout.CHAR_WIDTH * small / 2;
            if (at - half > labelsEnd + 0.5 * em) {
                labels.add(at, HEADER * em - 0.3 * em, pause.label(), small, Anchor.MIDDLE);
                labels.shown.add(pause);
                labelsEnd = at + half;
            }
        }
        double top = HEADER * em;
        for (Row row : waterfall.rows()) {
            labels.add(MARGIN * em, top + 1.3 * em, row.label(), em, Anchor.START);
            labels.add(MARGIN * em, top + 2.6 * em, row.numbers(), small, Anchor.START);
            top += ROW * em;
        }
        return labels;
    }

    /** The waterfall's label boxes, and which breaks have room for their label. */
    static final class WaterfallLabels extends LabelBoxes {
        private final java.util.Set<Break> shown = new java.util.HashSet<>();

        boolean shows(Break pause) {
            return shown.contains(pause);
        }
    }
}
