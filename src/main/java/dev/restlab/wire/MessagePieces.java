package dev.restlab.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an exchange's request or response into {@link Piece}s, and joins pieces back into the
 * views RestLab shows: the plain text curl prints (lines ending in CR LF), HTML and Markdown.
 * The window styles the same pieces; nothing parses a finished text again.
 */
public final class MessagePieces {

    /** The one pretty-printing Gson: JSON bodies re-indented for reading, nothing escaped. */
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();
    private static final TypeAdapter<JsonElement> ELEMENTS = PRETTY.getAdapter(JsonElement.class);

    private static final String CRLF = "\r\n";

    private MessagePieces() {
    }

    /** The request as sent: request line, headers as sent, blank line, body. */
    public static List<Piece> request(Exchange e) {
        Request request = e.request();
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece(Piece.Kind.START_LINE, request.line()));
        head(pieces, request.headers());
        body(pieces, request.body(), false);
        return pieces;
    }

    /** The response as {@code curl -i} prints it: interim answers, status line, headers, body. */
    public static List<Piece> response(Exchange e) {
        return response(e, false);
    }

    /**
     * Like {@link #response(Exchange)}; with {@code prettyJson} a whole JSON body is re-indented
     * from its bytes, and a note says so (its {@code Content-Length} is still the wire's).
     */
    public static List<Piece> response(Exchange e, boolean prettyJson) {
        Response response = e.response();
        List<Piece> pieces = new ArrayList<>();
        for (Response.Interim interim : response.interim()) {
            pieces.add(new Piece(Piece.Kind.INTERIM_LINE, interim.statusLine()));
            head(pieces, interim.headers());
        }
        pieces.add(new Piece(Piece.Kind.START_LINE, response.statusLine()));
        head(pieces, response.headers());
        body(pieces, response.body(), prettyJson);
        return pieces;
    }

    /** The pieces as one text whose lines end in CR LF, as on the wire and as curl prints them. */
    public static String plainText(List<Piece> pieces) {
        StringBuilder text = new StringBuilder(256);
        for (Piece piece : pieces) {
            text.append(piece.asText(CRLF));
        }
        return text.toString();
    }

    /**
     * The pieces as an HTML {@code <pre>} block, each piece in a {@code <span>} whose class names
     * its kind ({@code wire-start-line}, ...). Everything that came off the wire is escaped.
     */
    public static String html(List<Piece> pieces) {
        StringBuilder html = new StringBuilder("<pre class=\"wire\">");
        for (Piece piece : pieces) {
            html.append("<span class=\"").append(styleClass(piece.kind())).append("\">")
                    .append(escapeHtml(piece.asText("\n"))).append("</span>");
        }
        return html.append("</pre>").toString();
    }

    /** The pieces as a fenced Markdown code block, its fence longer than any backquote run inside. */
    public static String markdown(List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces) {
            text.append(piece.asText("\n"));
        }
        return fenced(text.toString());
    }

    /**
     * A text as a fenced Markdown code block marked {@code http}: line ends made LF, the fence
     * longer than any backquote run inside, so that nothing in the text can close it.
     */
    public static String fenced(String text) {
        StringBuilder code = new StringBuilder(text.replace("\r\n", "\n"));
        String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
        if (code.length() > 0 && code.charAt(code.length() - 1) != '\n') {
            code.append('\n');
        }
        return fence + "http\n" + code + fence + "\n";
    }

    /** The CSS class a kind of piece is shown with, in the window and in HTML. */
    public static String styleClass(Piece.Kind kind) {
        return switch (kind) {
            case INTERIM_LINE -> "wire-interim";
            case START_LINE -> "wire-start-line";
            case HEADER_NAME -> "wire-header-name";
            case HEADER_VALUE -> "wire-header-value";
            case BLANK_LINE, BODY -> "wire-body";
            case NOTE -> "wire-note";
        };
    }

    private static void head(List<Piece> pieces, List<Header> headers) {
        for (Header header : headers) {
            pieces.add(new Piece(Piece.Kind.HEADER_NAME, header.name()));
            pieces.add(new Piece(Piece.Kind.HEADER_VALUE, header.value()));
        }
        pieces.add(new Piece(Piece.Kind.BLANK_LINE, ""));
    }

    private static void body(List<Piece> pieces, Body body, boolean prettyJson) {
        String pretty = prettyJson && !body.truncated() ? prettyJson(body) : null;
        if (pretty != null) {
            pieces.add(new Piece(Piece.Kind.BODY, pretty + "\n"));
            pieces.add(new Piece(Piece.Kind.NOTE, "[Pretty JSON: RestLab re-indented this body for"
                    + " reading; what was sent is the " + body.size() + " bytes its Content-Length counts]"));
            return;
        }
        if (body.stored().length > 0) {
            pieces.add(new Piece(Piece.Kind.BODY, body.text()));
        }
        if (body.truncated()) {
            pieces.add(new Piece(Piece.Kind.NOTE, "[" + body.cutNote() + "]"));
        }
    }

    /** The body re-indented when it is a JSON object or array, else null. */
    private static String prettyJson(Body body) {
        String text = body.text().strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT); // malformed JSON is shown as sent, not tidied
            JsonElement json = ELEMENTS.read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? PRETTY.toJson(json) : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static int longestRun(CharSequence text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
