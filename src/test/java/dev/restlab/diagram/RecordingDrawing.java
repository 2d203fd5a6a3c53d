package dev.restlab.diagram;

import java.util.ArrayList;
import java.util.List;

/** A {@link Drawing} that keeps what was drawn, for tests that look at the geometry of a picture. */
final class RecordingDrawing implements Drawing {

    record Line(double x1, double y1, double x2, double y2, String color, boolean dashed) {
    }

    record Text(double x, double y, String text, String color, double size, Anchor anchor, long exchangeId) {
        LabelBoxes.Box box() {
            return LabelBoxes.box(x, y, text, size, anchor);
        }

        double right() {
            return box().x() + box().width();
        }
    }

    record Rect(double x, double y, double width, double height, String fill, long exchangeId) {
    }

    final List<Line> lines = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();
    final List<Rect> rects = new ArrayList<>();
    final List<double[]> polygons = new ArrayList<>();
    double width;
    double height;
    private long item = -1;

    @Override
    public void begin(double width, double height, String background) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        lines.add(new Line(x1, y1, x2, y2, color, dashed));
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, String stroke) {
        rects.add(new Rect(x, y, width, height, fill, item));
    }

    @Override
    public void polygon(String fill, double... points) {
        polygons.add(points.clone());
    }

    @Override
    public void text(double x, double y, String text, String color, double size, boolean bold, Anchor anchor) {
        texts.add(new Text(x, y, text, color, size, anchor, item));
    }

    @Override
    public void beginItem(long exchangeId, String key, String tooltip) {
        item = exchangeId;
    }

    @Override
    public void hitArea(double x, double y, double width, double height) {
    }

    @Override
    public void endItem() {
        item = -1;
    }

    Text text(String wanted) {
        return texts.stream().filter(t -> t.text().equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no text '" + wanted + "' in " + texts.stream().map(Text::text).toList()));
    }

    /** The lines that run through a text's box (straight lines only: vertical or horizontal). */
    List<String> crossings() {
        List<String> found = new ArrayList<>();
        for (Line line : lines) {
            for (Text text : texts) {
                LabelBoxes.Box box = text.box();
                boolean crosses = line.x1() == line.x2()
                        ? box.crossesVertical(line.x1(), Math.min(line.y1(), line.y2()), Math.max(line.y1(), line.y2()), 0)
                        : line.y1() == line.y2()
                                && box.crossesHorizontal(line.y1(), Math.min(line.x1(), line.x2()), Math.max(line.x1(), line.x2()), 0);
                if (crosses) {
                    found.add(line + " crosses '" + text.text() + "' " + box);
                }
            }
        }
        return found;
    }
}
