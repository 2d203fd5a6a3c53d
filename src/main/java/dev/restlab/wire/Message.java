package dev.restlab.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request or one response as read so far from a socket: its head (start line and headers),
 * its de-chunked body and its byte count on the wire. Confined to its {@link Conversation}'s lock.
 */
final class Message {

    /** Heads beyond this are counted but not kept: Jetty refuses request heads over 8 KiB anyway. */
    static final int MAX_STORED_HEAD = 64 * 1024;

    final long firstNanos;
    long lastNanos;
    long wireBytes;
    CappedBytes head = new CappedBytes(MAX_STORED_HEAD, 512);
    final CappedBytes body = new CappedBytes(Exchange.MAX_STORED_BODY, 0);
    /** Interim 1xx responses before this one, or null: rare, so made when needed. */
    List<Response.Interim> interim;
    /** Interim responses past the few kept: counted only. */
    int interimNotKept;
    boolean headComplete;
    boolean complete;

    /** For a request: the response paired with it; for a response: its request. */
    Message partner;
    /** What this request holds of the log's memory budget while it waits for its answer. */
    long heldBytes;
    /** A request's place on its connection: 1, 2, ... in the order they started. */
    long number;
    /** The server began handling this request (Jetty dispatched it, the relay passed it on or faulted it). */
    boolean handled;
    /** The fault rule the server or the relay applied to this request on purpose, or null. */
    String faultRule;
    /** The server reset the connection on purpose instead of answering this request. */
    boolean resetOnPurpose;

    // The head, parsed once complete (or, for a message cut short, when the exchange is built).
    String first = "";
    String second = "";
    String third = "";
    List<Header> headers = List.of();

    Message(long nanos) {
        this.firstNanos = nanos;
        this.lastNanos = nanos;
    }

    /** A request that never arrived, for an answer Jetty sent on its own. */
    static Message none(long nanos) {
        Message none = new Message(nanos);
        none.headComplete = true;
        none.complete = true;
        return none;
    }

    /** About what this message keeps in memory: its buffers, parsed headers and objects. */
    long retainedBytes() {
        long headers = this.headers instanceof HeaderBlock block ? block.storedBytes() : 0;
        return 256 + head.array().length + body.array().length + headers;
    }

    /**
     * Splits the head into start line and headers, straight from the stored bytes (this runs on
     * the server's threads, so no intermediate text). Request line: method, target, version.
     * Status line: version, status code, reason. Headers keep their spelling and order; an
     * obsolete folded line is joined to the header above it.
     */
    void parseHead(boolean request) {
        byte[] bytes = head.array();
        int length = head.stored();
        int lineEnd = indexOf(bytes, (byte) '\n', 0, length);
        int stop = lineEnd < 0 ? length : lineEnd;
        if (stop > 0 && bytes[stop - 1] == '\r') {
            stop--;
        }
        String start = new String(bytes, 0, stop, StandardCharsets.UTF_8);
        if (request) {
            parseRequestLine(start);
        } else {
            parseStatusLine(start);
        }
        if (lineEnd < 0) {
            headers = HeaderBlock.EMPTY;
            return;
        }
        int from = lineEnd + 1;
        int to = headerEnd(bytes, from, length);
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        HeaderBlock block = HeaderBlock.of(bytes, from, to, lines + 1);
        headers = block != null ? block : foldedHeaders(bytes, from, to);
    }

    /** Where the header lines end: at the blank line, or at the end of what arrived. */
    private static int headerEnd(byte[] bytes, int from, int length) {
        int line = from;
        while (line < length) {
            int end = indexOf(bytes, (byte) '\n', line, length);
            if (end < 0) {
                return length;
            }
            if (end == line || (end == line + 1 && bytes[line] == '\r')) {
                return line;
            }
            line = end + 1;
        }
        return length;
    }

    /** The slow way, for heads with obsolete folded lines: each joined to the header above it. */
    private static List<Header> foldedHeaders(byte[] bytes, int from, int to) {
        List<Header> parsed = new ArrayList<>();
        for (String line : new String(bytes, from, to - from, StandardCharsets.UTF_8).split("\r?\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !parsed.isEmpty()) {
                Header previous = parsed.remove(parsed.size() - 1);
                parsed.add(new Header(previous.name(), previous.value() + " " + line.strip()));
            } else if (!line.isEmpty()) {
                int colon = line.indexOf(':');
                parsed.add(colon < 0 ? new Header(line, "")
                        : new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
        }
        return List.copyOf(parsed);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Common words of start lines, kept once rather than once per exchange in the log. */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("GET", "GET"), Map.entry("POST", "POST"),
            Map.entry("PUT", "PUT"), Map.entry("DELETE", "DELETE"),
            Map.entry("HEAD", "HEAD"), Map.entry("OPTIONS", "OPTIONS"),
            Map.entry("PATCH", "PATCH"), Map.entry("HTTP/1.1", "HTTP/1.1"),
            Map.entry("HTTP/1.0", "HTTP/1.0"), Map.entry("OK", "OK"),
            Map.entry("Created", "Created"), Map.entry("No Content", "No Content"),
            Map.entry("Not Found", "Not Found"), Map.entry("Bad Request", "Bad Request"),
            Map.entry("200", "200"), Map.entry("201", "201"),
            Map.entry("204", "204"), Map.entry("404", "404"));

    private static String common(String word) {
        return COMMON.getOrDefault(word, word);
    }

    private void parseRequestLine(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            first = line;
            return;
        }
        first = common(line.substring(0, space));
        int last = line.lastIndexOf(' ');
        // Jetty skips extra spaces around the target: so does the capture.
        if (last > space && line.startsWith("HTTP/", last + 1)) {
            second = spacesStripped(line.substring(space + 1, last));
            third = common(line.substring(last + 1));
        } else {
            second = spacesStripped(line.substring(space + 1));
        }
    }

    private static String spacesStripped(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return text.substring(from, to);
    }

    private void parseStatusLine(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            first = line;
            return;
        }
        first = common(line.substring(0, space));
        int next = line.indexOf(' ', space + 1);
        second = common(next < 0 ? line.substring(space + 1) : line.substring(space + 1, next));
        third = next < 0 ? "" : common(line.substring(next + 1));
    }

    /** The status code of a parsed response, 0 when the status line was not a number. */
    int status() {
        if (second.length() != 3) {
            return 0;
        }
        try {
            return Integer.parseInt(second);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String header(String name) {
        return Header.first(headers, name);
    }

    /** The body as the exchange keeps it: the stored bytes and the real size. */
    Body keptBody() {
        return new Body(body.toArray(), body.size());
    }
}
