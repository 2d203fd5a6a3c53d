package dev.restlab.server;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * HTML. A body that can be large (a listing) is kept as {@link Pieces} instead of bytes and is
 * written onto the wire as it is made.
 */
final class Reply {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";

    /** A header a route adds, besides type and length. */
    record Header(String name, String value) {
    }

    /**
     * A body written in pieces rather than held as bytes. It is written more than once (to count
     * its length, then onto the wire) and must write the same text each time.
     */
    @FunctionalInterface
    interface Pieces {
        void writeTo(Writer out) throws IOException;
    }

    private final int status;
    private final String type;
    private final List<Header> headers;
    /** The body, or null when it is {@link #pieces}. */
    private final byte[] body;
    private final Pieces pieces;
    private final long length;

    private Reply(int status, String type, List<Header> headers, byte[] body, Pieces pieces, long length) {
        this.status = status;
        this.type = type;
        this.headers = headers;
        this.body = body;
        this.pieces = pieces;
        this.length = length;
    }

    private Reply(int status, String type, List<Header> headers, byte[] body) {
        this(status, type, headers, body, null, body.length);
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

    /**
     * 200 with JSON of any size that is never held whole in memory: the pieces are written once
     * now to count their UTF-8 bytes, and again when the reply is sent. So a listing of 200,000
     * users goes out with a {@code Content-Length} (no chunking), as a listing of three does.
     */
    static Reply jsonStreamed(Pieces pieces) throws IOException {
        ByteCounter counter = new ByteCounter();
        writeUtf8(pieces, counter);
        return new Reply(200, JSON, List.of(), null, pieces, counter.count);
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
        return new Reply(status, type, Collections.unmodifiableList(more), body, pieces, length);
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

    /** The body's length in bytes: its {@code Content-Length}. */
    long length() {
        return length;
    }

    /** Whether the body is written in pieces (see {@link #writeBody}) rather than held as bytes. */
    boolean streamed() {
        return pieces != null;
    }

    /** Writes the body to {@code out} (and does not close it): the bytes, or the pieces again. */
    void writeBody(OutputStream out) throws IOException {
        if (pieces == null) {
            out.write(body);
        } else {
            writeUtf8(pieces, out);
        }
    }

    /**
     * The body itself, not a copy: do not change it. A streamed body is written out whole for
     * the caller (a test); the server sends it with {@link #writeBody} instead.
     */
    byte[] body() {
        if (pieces == null) {
            return body;
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try {
            writeBody(whole);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory does not fail to take bytes
        }
        return whole.toByteArray();
    }

    /** The body as text (all of RestLab's own bodies are UTF-8). */
    String text() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    private static void writeUtf8(Pieces pieces, OutputStream out) throws IOException {
        // The BufferedWriter hands the encoder 8 KiB at a time: without it each small piece gson
        // writes would first be copied into an array of its own.
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        pieces.writeTo(text);
        text.flush(); // not close(): the stream is the server's to close
    }

    /** Counts what is written to it and keeps nothing. */
    private static final class ByteCounter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    @Override
    public String toString() {
        return status + " " + (type == null ? "" : type) + " " + headers + " "
                + (streamed() ? "(" + length + " bytes, streamed)" : text());
    }
}
