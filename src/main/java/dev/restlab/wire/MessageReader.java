package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * Follows what the server writes on one connection, as bytes arrive in any slicing, and cuts it
 * into responses: the head up to the blank line (interim 1xx heads kept with the final one), then
 * a body framed by {@code Content-Length}, by chunks (de-chunked here) or by the end of the
 * connection. Several responses may share one buffer. Bytes it cannot make sense of stay with the
 * current response. Requests are cut by {@link RequestReader}, with the server's own parser.
 */
final class MessageReader {

    /** What the reader tells its connection. */
    interface Events {
        void started(Message response);

        void completed(Message message);

        /** The method of the request a response answers: a response to HEAD has no body. */
        String requestMethodOf(Message response);
    }

    private enum State { IDLE, HEAD, LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, LOST }

    private static final int MAX_LINE = 4096;

    private final Events events;
    private State state = State.IDLE;
    private Message current;
    private long remaining;
    private int lineLength;
    private int linesSeen;
    private final StringBuilder line = new StringBuilder();
    private boolean lineDone;

    MessageReader(Events events) {
        this.events = events;
    }

    void feed(ByteBuffer bytes, long nanos) {
        if (current != null) {
            current.lastNanos = nanos;
        }
        while (bytes.hasRemaining()) {
            switch (state) {
                case IDLE -> begin(nanos);
                case HEAD -> readHead(bytes, nanos);
                case LENGTH -> {
                    int n = (int) Math.min(remaining, bytes.remaining());
                    current.body.take(bytes, n);
                    current.wireBytes += n;
                    remaining -= n;
                    if (remaining == 0) {
                        complete(nanos);
                    }
                }
                case CHUNK_SIZE -> {
                    if (readLine(bytes)) {
                        startChunk(nanos);
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, bytes.remaining());
                    current.body.take(bytes, n);
                    current.wireBytes += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (readLine(bytes)) {
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    if (readLine(bytes) && line.length() == 0) {
                        complete(nanos);
                    }
                }
                case UNTIL_CLOSE, LOST -> {
                    int n = bytes.remaining();
                    if (state == State.UNTIL_CLOSE) {
                        current.body.take(bytes, n);
                    } else {
                        bytes.position(bytes.limit());
                    }
                    current.wireBytes += n;
                }
            }
        }
    }

    private void begin(long nanos) {
        current = new Message(nanos);
        state = State.HEAD;
        lineLength = 0;
        linesSeen = 0;
        events.started(current);
    }

    private void readHead(ByteBuffer bytes, long nanos) {
        int start = bytes.position();
        int end = bytes.limit();
        int i = start;
        boolean blankLine = false;
        while (i < end) {
            byte b = bytes.get(i++);
            if (b == '\n') {
                if (lineLength == 0 && linesSeen > 0) {
                    blankLine = true;
                    break;
                }
                linesSeen++;
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        current.head.take(bytes, i - start);
        current.wireBytes += i - start;
        if (blankLine) {
            headComplete(nanos);
        }
    }

    private void headComplete(long nanos) {
        current.parseHead(false);
        int status = current.status();
        if (status >= 100 && status < 200 && status != 101) {
            // An interim answer such as "100 Continue": keep it, then read the real one.
            if (current.interim == null) {
                current.interim = new ArrayList<>(1);
            }
            current.interim.add(new Response.Interim(current.first, status, current.third, current.headers));
            current.head = new CappedBytes(Message.MAX_STORED_HEAD, 512);
            lineLength = 0;
            linesSeen = 0;
            return;
        }
        current.headComplete = true;
        String transferEncoding = current.header("Transfer-Encoding");
        String contentLength = current.header("Content-Length");
        if ((status == 204 || status == 304 || status == 101
                || "HEAD".equals(events.requestMethodOf(current)))) {
            complete(nanos);
        } else if (transferEncoding != null && isChunked(transferEncoding)) {
            state = State.CHUNK_SIZE;
            line.setLength(0);
            lineDone = false;
        } else if (contentLength != null && parseLength(contentLength) >= 0) {
            remaining = parseLength(contentLength);
            current.body.expect(remaining);
            state = State.LENGTH;
            if (remaining == 0) {
                complete(nanos);
            }
        } else {
            state = State.UNTIL_CLOSE;
        }
    }

    private void startChunk(long nanos) {
        String text = line.toString();
        int extension = text.indexOf(';');
        String size = (extension < 0 ? text : text.substring(0, extension)).strip();
        long length;
        try {
            length = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0) {
            state = State.LOST; // not HTTP we understand: keep counting until the connection ends
        } else if (length == 0) {
            state = State.TRAILERS;
        } else {
            remaining = length;
            state = State.CHUNK_DATA;
        }
    }

    /**
     * Reads up to a line end into {@link #line}, without the CR LF; true when the line is
     * complete. The next call starts a new line.
     */
    private boolean readLine(ByteBuffer bytes) {
        if (lineDone) {
            line.setLength(0);
            lineDone = false;
        }
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            current.wireBytes++;
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                lineDone = true;
                return true;
            }
            if (line.length() < MAX_LINE) {
                line.append((char) (b & 0xff));
            }
        }
        return false;
    }

    private void complete(long nanos) {
        current.complete = true;
        current.lastNanos = nanos;
        Message done = current;
        current = null;
        state = State.IDLE;
        events.completed(done);
    }

    private static boolean isChunked(String transferEncoding) {
        String[] codings = transferEncoding.split(",");
        return codings[codings.length - 1].strip().equalsIgnoreCase("chunked");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
