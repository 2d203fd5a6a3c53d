package dev.restlab.diagram;

import java.util.Locale;

/**
 * A {@link Drawing} written as an SVG document. Every text comes from the wire (paths, header
 * values, reasons), so all of it is escaped, and characters XML cannot hold become {@code ?}.
 */
public final class SvgDrawing implements Drawing {

    static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace";

    private final StringBuilder svg = new StringBuilder();
    private boolean begun;

    /** The document so far, closed: call after drawing. */
    public String document() {
        if (!begun) {
            throw new IllegalStateException("nothing was drawn");
        }
        return svg + "</svg>\n";
    }

    @Override
    public void begin(double width, double height, String background) {
        begun = true;
        svg.setLength(0);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" font-family=\"").append(FONT).append("\">\n");
        rect(0, 0, width, height, background, null);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color(color))
                .append("\" stroke-width=\"").append(n(width)).append('"')
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, String stroke) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill == null ? "none" : color(fill))
                .append('"').append(stroke == null ? "" : " stroke=\"" + color(stroke) + "\"").append("/>\n");
    }

    @Override
    public void polygon(String fill, double... points) {
        svg.append("<polygon fill=\"").append(color(fill)).append("\" points=\"");
        for (int i = 0; i + 1 < points.length; i += 2) {
            svg.append(i == 0 ? "" : " ").append(n(points[i])).append(',').append(n(points[i + 1]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, String color, double size, boolean bold, Anchor anchor) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" fill=\"").append(color(color)).append('"')
                .append(bold ? " font-weight=\"bold\"" : "")
                .append(switch (anchor) {
                    case START -> "";
                    case MIDDLE -> " text-anchor=\"middle\"";
                    case END -> " text-anchor=\"end\"";
                })
                .append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void beginItem(long exchangeId, String key, String tooltip) {
        svg.append("<g id=\"").append(escape(key)).append("\"><title>").append(escape(tooltip)).append("</title>\n");
    }

    @Override
    public void hitArea(double x, double y, double width, double height) {
        // A picture has no clicks; its tooltip is the group's title.
    }

    @Override
    public void endItem() {
        svg.append("</g>\n");
    }

    /** Text as XML character data or attribute value: markup escaped, characters XML 1.0 cannot hold replaced. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    out.appendCodePoint(allowed ? c : '?');
                }
            }
        });
        return out.toString();
    }

    /** Colours come from a {@link Palette}; anything else is refused rather than written into the document. */
    private static String color(String color) {
        if (!color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + color);
        }
        return color;
    }

    private static String n(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }
}
