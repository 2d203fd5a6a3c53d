package dev.restlab.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One answer of a route, as a value: status, headers, type and body. Whoever puts it on the wire
 * sends the headers in the order they were added, then the type and the body's length: declaring
 * the length keeps Jetty from chunking, so curl shows a {@code Content-Length} as it does against
 * the handout's Flask server. Anything that may echo user input goes out as plain text, never as
 * HTML.
 */
final class Reply {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";

    /** A header a route adds, besides type and length. */
    record Header(String name, String value) {
    }

    private final int status;
    private final String type;
    private final List<Header> headers;
    private final byte[] body;

    private Reply(int status, String type, List<Header> headers, byte[] body) {
        this.status = status;
        this.type = type;
        this.headers = headers;
        this.body = body;
    }

    static Reply text(int status, String body) {
        return of(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(String body) {
        return of(200, HTML, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(String body) {
        return of(200, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with bytes of the given type, e.g. a file of the Swagger UI page. */
    static Reply bytes(String type, byte[] body) {
        return of(200, type, body);
    }

    /** 204: no body, and so no length or type either. */
    static Reply noContent() {
        return new Reply(204, null, List.of(), new byte[0]);
    }

    private static Reply of(int status, String type, byte[] body) {
        return new Reply(status, type, List.of(), body);
    }

    /** This reply with one more header, sent after those added before it. */
    Reply withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new Reply(status, type, Collections.unmodifiableList(more), body);
    }

    int status() {
        return status;
    }

    /** The {@code Content-Type}; empty for a reply with no body (204). */
    Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The headers added with {@link #withHeader}, in order. */
    List<Header> headers() {
        return headers;
    }

    /** The first value of a header added with {@link #withHeader}. */
    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The body itself, not a copy: do not change it. */
    byte[] body() {
        return body;
    }

    /** The body as text (all of RestLab's own bodies are UTF-8). */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + (type == null ? "" : type) + " " + headers + " " + text();
    }
}
