package dev.restlab.diagram;

/**
 * What a picture is drawn with, in pixels: the window draws into JavaFX shapes, the export into
 * SVG text, from the same calls, so both show the same picture. Colours are {@code #rrggbb}.
 */
public interface Drawing {

    /** Where a text's x lies: at its start, its middle or its end. */
    enum Anchor { START, MIDDLE, END }

    /** Called first: the picture's size and its background. */
    void begin(double width, double height, String background);

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

    /** A rectangle filled with {@code fill} (or null for none) and outlined with {@code stroke} (or null). */
    void rect(double x, double y, double width, double height, String fill, String stroke);

    /** A filled polygon through the points x1, y1, x2, y2, … */
    void polygon(String fill, double... points);

    /** One line of text with its baseline at {@code y}, in the drawing's monospaced font. */
    void text(double x, double y, String text, String color, double size, boolean bold, Anchor anchor);

    /**
     * Starts the shapes of one exchange's part of the picture (an arrow, a row): the window makes
     * them clickable with {@code tooltip} on hover, the SVG groups them with the tooltip as title.
     * {@code key} names the part uniquely, e.g. {@code exchange-12-request}.
     */
    void beginItem(long exchangeId, String key, String tooltip);

    /** Where, inside the current item, a click or hover counts besides the shapes themselves. */
    void hitArea(double x, double y, double width, double height);

    void endItem();
}
