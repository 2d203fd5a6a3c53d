package dev.restlab.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One request or one response as read so far from a socket: its head (start line and headers),
 * its de-chunked body and its byte count on the wire. Confined to its {@link Conversation}'s lock.
 */
final class Message {

    /** Heads beyond this are counted but not kept: Jetty refuses request heads over 8 KiB anyway. */
    static final int MAX_STORED_HEAD = 64 * 1024;

    final Instant started;
    final long firstNanos;
    long lastNanos;
    long wireBytes;
    CappedBytes head = new CappedBytes(MAX_STORED_HEAD);
    final CappedBytes body = new CappedBytes(Exchange.MAX_STORED_BODY);
    final StringBuilder interim = new StringBuilder();
    boolean headComplete;
    boolean complete;

    /** For a request: the response paired with it; for a response: its request. */
    Message partner;

    // The head, parsed once complete (or, for a message cut short, when the exchange is built).
    String first = "";
    String second = "";
    String third = "";
    List<Header> headers = List.of();

    Message(long nanos) {
        this.started = Instant.now();
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

    /**
     * Splits the head into start line and headers. Request line: method, target, version.
     * Status line: version, status code, reason. Headers keep their spelling and order.
     */
    void parseHead(boolean request) {
        String text = new String(head.toArray(), StandardCharsets.UTF_8);
        List<String> lines = lines(text);
        String start = lines.isEmpty() ? "" : lines.get(0);
        if (request) {
            parseRequestLine(start);
        } else {
            parseStatusLine(start);
        }
        List<Header> parsed = new ArrayList<>(Math.max(0, lines.size() - 1));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if ((line.startsWith(" ") || line.startsWith("\t")) && !parsed.isEmpty()) {
                // An obsolete folded continuation line belongs to the header above it.
                Header previous = parsed.remove(parsed.size() - 1);
                parsed.add(new Header(previous.name(), previous.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            parsed.add(colon < 0 ? new Header(line, "")
                    : new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        headers = parsed;
    }

    private void parseRequestLine(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            first = line;
            return;
        }
        first = line.substring(0, space);
        String rest = line.substring(space + 1);
        int last = rest.lastIndexOf(' ');
        if (last >= 0 && rest.startsWith("HTTP/", last + 1)) {
            second = rest.substring(0, last);
            third = rest.substring(last + 1);
        } else {
            second = rest;
        }
    }

    private void parseStatusLine(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            first = line;
            return;
        }
        first = line.substring(0, space);
        String rest = line.substring(space + 1);
        int next = rest.indexOf(' ');
        second = next < 0 ? rest : rest.substring(0, next);
        third = next < 0 ? "" : rest.substring(next + 1);
    }

    /** The lines of a head without their line ends; a last line cut short is kept as it is. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > from && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            String line = text.substring(from, stop);
            if (line.isEmpty() && end >= 0) {
                break; // the blank line that ends the head
            }
            lines.add(line);
            from = next;
        }
        return lines;
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
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
