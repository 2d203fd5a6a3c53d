package dev.restlab.wire;

/**
 * One typed piece of an HTTP message as RestLab shows it: a start line, a header's name or value,
 * the blank line, the body, or a note of RestLab's own. {@link MessagePieces} cuts an exchange into
 * pieces once; plain text, the window's styled text, HTML and Markdown are all views of them.
 */
public record Piece(Kind kind, String text) {

    /** What a piece is; each view decides how it looks. */
    public enum Kind {
        /** The status line of an interim {@code 1xx} answer, such as {@code HTTP/1.1 100 Continue}. */
        INTERIM_LINE,
        /** The request line or the final status line. */
        START_LINE,
        HEADER_NAME,
        HEADER_VALUE,
        /** The empty line that ends a head. */
        BLANK_LINE,
        /** The body as text (UTF-8), or reformatted when a note says so. */
        BODY,
        /** RestLab's own words about the message (a cut body, a reformatted body); never sent. */
        NOTE
    }

    /**
     * The piece with the punctuation around it, as it stands in a whole message whose lines end in
     * {@code lineEnd} (CR LF as on the wire, or LF for the screen): a header name takes its colon,
     * a value the space before it and the line end after it.
     */
    public String asText(String lineEnd) {
        return switch (kind) {
            case INTERIM_LINE, START_LINE -> text + lineEnd;
            case HEADER_NAME -> text + ":";
            case HEADER_VALUE -> " " + text + lineEnd;
            case BLANK_LINE -> lineEnd;
            case BODY -> text;
            case NOTE -> "\n" + text + "\n";
        };
    }
}
