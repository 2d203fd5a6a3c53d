package dev.restlab.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Cuts what the target sends into responses with Jetty's {@link HttpParser} in response mode
 * (the parser Jetty's own HTTP client uses), and hands on the bytes as they came: each head whole,
 * so that an answer that is not HTTP is found before any of it reaches the client, then the body's
 * bytes as they arrive, chunk sizes and all. Interim answers (100 Continue) are heads of their own.
 */
final class ResponseFramer implements HttpParser.ResponseHandler {

    /** A target's head may be this long (Jetty's client allows 8 KiB; a student's server may send more). */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    /** What the framer tells the relay, in the order of the bytes. */
    interface Events {
        /** Whether the response now starting answers a HEAD request (it then has no body). */
        boolean answersHead();

        /** A response's whole head, as sent. */
        void head(byte[] bytes, int status) throws IOException;

        /** Bytes of the current response's body as sent (chunk framing included). */
        void body(ByteBuffer bytes) throws IOException;

        /** The current response ended; {@code interim} for a 1xx before the real answer. */
        void end(boolean interim) throws IOException;

        /** The bytes are no HTTP response, or stop before one ends: why. */
        void bad(String reason) throws IOException;
    }

    private final HttpParser parser = new HttpParser(this, MAX_HEAD_BYTES, HttpCompliance.RFC7230);
    private final Events events;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    private boolean inBody;
    private boolean stopped;
    private int status;

    // Set by the parser's events during one parseNext call.
    private boolean headDone;
    private boolean messageDone;
    private String failure;

    ResponseFramer(Events events) {
        this.events = events;
    }

    /** True between a response's first byte and its end. */
    boolean inResponse() {
        return inBody || head.size() > 0;
    }

    /** Reads these bytes, all of them unless the answer turned out not to be HTTP. */
    void feed(ByteBuffer bytes) throws IOException {
        boolean more = bytes.hasRemaining();
        while (more && !stopped) {
            if (parser.isStart() && !inResponse()) {
                parser.setHeadResponse(events.answersHead());
            }
            more = parseOnce(bytes);
        }
    }

    /** The target closed its side: a response framed by the close ends here, any other is cut short. */
    void closed() throws IOException {
        if (stopped || !inResponse()) {
            return; // between answers: the relay tells an answer owed from none
        }
        parser.atEOF();
        parseOnce(ByteBuffer.allocate(0));
    }

    private boolean parseOnce(ByteBuffer bytes) throws IOException {
        ByteBuffer view = bytes.duplicate(); // the parser clears a buffer it gives up on
        int from = view.position();
        headDone = false;
        messageDone = false;
        failure = null;
        parser.parseNext(view);
        int consumed = failure != null && !inBody ? bytes.remaining() : view.position() - from;
        if (failure != null && inBody) {
            consumed = bytes.remaining(); // what came after the fault still reaches the client as it came
        }
        ByteBuffer slice = bytes.duplicate();
        slice.limit(from + consumed);
        bytes.position(from + consumed);
        if (!inBody && failure == null) {
            head.write(slice.array(), slice.arrayOffset() + slice.position(), slice.remaining());
            if (head.size() > MAX_HEAD_BYTES) {
                failure = "its head is longer than " + MAX_HEAD_BYTES / 1024 + " KiB";
            }
        } else if (inBody && slice.hasRemaining()) {
            events.body(slice);
        }
        if (failure != null) {
            stopped = true;
            events.bad(failure);
            return false;
        }
        if (headDone) {
            inBody = true;
            byte[] sent = head.toByteArray();
            head.reset();
            events.head(sent, status);
        }
        if (messageDone) {
            boolean interim = status >= 100 && status < 200 && status != 101;
            parser.reset();
            inBody = false;
            events.end(interim);
        }
        return bytes.hasRemaining() || headDone;
    }

    @Override
    public boolean startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
        return false;
    }

    @Override
    public void parsedHeader(HttpField field) {
        // The head is relayed as sent, from the bytes; the parser only tells where it ends.
    }

    @Override
    public boolean headerComplete() {
        headDone = true;
        return true;
    }

    @Override
    public boolean content(ByteBuffer item) {
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        messageDone = true;
        return true;
    }

    @Override
    public void earlyEOF() {
        failure = inBody ? "it closed the connection before the end of its answer"
                : "it closed the connection in the middle of its answer's head";
    }

    @Override
    public void badMessage(BadMessageException failure) {
        String reason = failure.getReason();
        this.failure = "its answer is not HTTP" + (reason == null ? "" : " (" + reason + ")");
    }

    @Override
    public int getHeaderCacheSize() {
        return 0;
    }
}
