package dev.restlab.diagram;

import dev.restlab.diagram.Drawing.Anchor;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a drawing's labels are, so that the lines drawn across the picture (lifelines, the dashed
 * lines of idle time) stop short of each label and go on after it: no line runs through a text,
 * whichever is drawn first and whether or not the label has a background. Widths are estimated
 * for the monospaced font ({@link SequenceLayout#CHAR_WIDTH} em a character).
 */
class LabelBoxes {

    /** A text's box: its left, top, width and height in pixels. */
    record Box(double x, double y, double width, double height) {
        boolean crossesVertical(double lineX, double from, double to, double pad) {
            return lineX > x - pad && lineX < x + width + pad && to > y - pad && from < y + height + pad;
        }

        boolean crossesHorizontal(double lineY, double from, double to, double pad) {
            return lineY > y - pad && lineY < y + height + pad && to > x - pad && from < x + width + pad;
        }
    }

    /** Room kept between a line and a label, in pixels. */
    private static final double PAD = 2;
    /** Shorter pieces of a line are left out: they would read as specks. */
    private static final double SHORTEST_PIECE = 3;

    private final List<Box> boxes = new ArrayList<>();

    /** The box a line of text takes: from above its capitals to below its descenders. */
    static Box box(double x, double baseline, String text, double size, Anchor anchor) {
        double width = text.codePointCount(0, text.length()) * SequenceLayout.CHAR_WIDTH * size;
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        return new Box(left, baseline - 0.85 * size, width, 1.1 * size);
    }

    /** Notes a text that lines must leave alone. */
    void add(double x, double baseline, String text, double size, Anchor anchor) {
        if (!text.isEmpty()) {
            boxes.add(box(x, baseline, text, size, anchor));
        }
    }

    List<Box> boxes() {
        return List.copyOf(boxes);
    }

    /** Draws a vertical or horizontal line in pieces, leaving out where it would cross a label. */
    void line(Drawing out, double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        boolean vertical = x1 == x2;
        if (!vertical && y1 != y2) {
            throw new IllegalArgumentException("only vertical and horizontal lines are split around labels");
        }
        double from = vertical ? Math.min(y1, y2) : Math.min(x1, x2);
        double to = vertical ? Math.max(y1, y2) : Math.max(x1, x2);
        double pad = PAD + width / 2;
        List<double[]> gaps = new ArrayList<>();
        for (Box box : boxes) {
            if (vertical && box.crossesVertical(x1, from, to, pad)) {
                gaps.add(new double[] {box.y() - pad, box.y() + box.height() + pad});
            } else if (!vertical && box.crossesHorizontal(y1, from, to, pad)) {
                gaps.add(new double[] {box.x() - pad, box.x() + box.width() + pad});
            }
        }
        gaps.sort((a, b) -> Double.compare(a[0], b[0]));
        double at = from;
        for (double[] gap : gaps) {
            piece(out, vertical, x1, y1, at, Math.min(gap[0], to), color, width, dashed);
            at = Math.max(at, gap[1]);
        }
        piece(out, vertical, x1, y1, at, to, color, width, dashed);
    }

    private static void piece(Drawing out, boolean vertical, double x, double y, double from, double to, String color,
            double width, boolean dashed) {
        if (to - from < SHORTEST_PIECE) {
            return;
        }
        if (vertical) {
            out.line(x, from, x, to, color, width, dashed);
        } else {
            out.line(from, y, to, y, color, width, dashed);
        }
    }
}
