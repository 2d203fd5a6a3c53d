package dev.restlab.wire;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Follows what a client sends on one connection, as bytes arrive in any slicing, and cuts it into
 * requests exactly where the server does: it runs Jetty's own {@link HttpParser}, with the
 * server's header limit and compliance mode, over the same bytes. Two parsers of the same stream
 * that disagree on where a body ends (which {@code Transfer-Encoding} wins, a {@code
 * Content-Length} beside it, a chunk size with odd whitespace) would let a client hide requests in
 * a body, or make the capture see requests that never reached the server; one parser cannot
 * disagree with itself.
 *
 * <p>The head is kept as the bytes that were sent, the body de-chunked (from the parser's content
 * events). Where the server's parser gives up (a bad request: Jetty answers 400 and reads no
 * further request on that connection), this reader does too: the bytes after it only count.
 */
final class RequestReader implements HttpParser.RequestHandler {

    /** The server's parsing rules: {@code HttpConfiguration.getRequestHeaderSize()} and compliance. */
    record Rules(int maxHeaderBytes, HttpCompliance compliance) {
        /** Jetty 9.4's defaults, which RestLab's server uses. */
        static final Rules JETTY_DEFAULTS = new Rules(8 * 1024, HttpCompliance.RFC7230);
    }

    /** What the reader tells its connection. */
    interface Listener {
        /** A request began: its first byte arrived. */
        void requestStarted(Message request);

        /** A request ended where the server's parser ends it, or was refused by it. */
        void requestCompleted(Message request);
    }

    private final Listener events;
    private final HttpParser parser;

    /** The request being read, or null between requests. */
    private Message current;
    /** A request whose head was refused while incomplete: later bytes still belong to its head. */
    private Message refused;
    /** No request follows: the server's parser gave up, or the server said it closes. */
    private boolean ended;
    /** The current request is the last one the server reads on this connection. */
    private boolean lastRequest;

    // Set by the parser's events during one parseNext call.
    private ByteBuffer parsing;
    private int headEnd;
    private boolean messageDone;
    private boolean failed;

    RequestReader(Listener events, Rules rules) {
        this.events = events;
        this.parser = new HttpParser(this, rules.maxHeaderBytes(), rules.compliance());
    }

    void feed(ByteBuffer bytes, long nanos) {
        if (current != null) {
            current.lastNanos = nanos;
        }
        while (bytes.hasRemaining()) {
            if (ended) {
                skip(bytes);
                return;
            }
            if (current == null) {
                int lineEnds = leadingLineEnds(bytes);
                if (lineEnds > 0) {
                    // Servers ignore empty lines before a request line (RFC 9112, 2.2); Jetty's
                    // parser still counts them towards its header limit, so it sees them too.
                    parse(bytes, lineEnds, nanos);
                    continue;
                }
                current = new Message(nanos);
                events.requestStarted(current);
            }
            parse(bytes, bytes.remaining(), nanos);
        }
    }

    /**
     * Lets the request this connection is reading now (or, when none, the last one read) be the
     * last: the server answered it saying it closes the connection, so nothing after is parsed.
     * A request begun after it is abandoned.
     */
    void endAfter(Message request) {
        if (current == request) {
            lastRequest = true;
        } else {
            current = null;
            ended = true;
        }
    }

    /** Runs the parser over the next {@code length} bytes; the parser's events do the rest. */
    private void parse(ByteBuffer bytes, int length, long nanos) {
        ByteBuffer view = bytes.duplicate(); // the parser clears a buffer it gives up on
        int from = view.position();
        view.limit(from + length);
        parsing = view;
        headEnd = -1;
        messageDone = false;
        failed = false;
        parser.parseNext(view);
        parsing = null;
        int consumed = failed ? length : view.position() - from;

        if (current == null) { // only line ends before a request, or a refusal of them
            if (failed) {
                current = new Message(nanos);
                events.requestStarted(current);
            } else {
                bytes.position(from + consumed);
                return;
            }
        }
        Message message = current;
        if (!message.headComplete) {
            int headBytes = headEnd >= 0 ? headEnd - from : consumed;
            message.head.take(bytes, headBytes);
            message.wireBytes += headBytes;
            consumed -= headBytes;
            if (headEnd >= 0) {
                message.headComplete = true;
                message.parseHead(true);
            }
        }
        // The body went to the message through content(); framing bytes only count.
        bytes.position(bytes.position() + consumed);
        message.wireBytes += consumed;
        if (failed) {
            ended = true;
            refused = message.headComplete ? null : message;
            complete(nanos);
        } else if (messageDone) {
            parser.reset();
            complete(nanos);
            if (lastRequest) {
                ended = true;
            }
        }
    }

    /** Bytes after the server stopped reading requests: kept with a refused head, else counted. */
    private void skip(ByteBuffer bytes) {
        int n = bytes.remaining();
        Message message = refused;
        if (message == null) {
            bytes.position(bytes.limit());
        } else if (message.headComplete) {
            message.wireBytes += n;
            bytes.position(bytes.limit());
        } else {
            message.head.take(bytes, n);
            message.wireBytes += n;
        }
    }

    private void complete(long nanos) {
        Message done = current;
        current = null;
        done.complete = true;
        done.lastNanos = nanos;
        events.requestCompleted(done);
    }

    private static int leadingLineEnds(ByteBuffer bytes) {
        int count = 0;
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            byte b = bytes.get(i);
            if (b != '\r' && b != '\n') {
                break;
            }
            count++;
        }
        return count;
    }

    // The parser's events. Returning true from messageComplete makes parseNext stop after one
    // request, so that each request is completed before the next one starts.

    @Override
    public boolean startRequest(String method, String uri, HttpVersion version) {
        return false;
    }

    @Override
    public void parsedHeader(HttpField field) {
        // The head is kept as sent, from the bytes; the parser only tells where it ends.
    }

    @Override
    public boolean headerComplete() {
        headEnd = parsing.position();
        long length = parser.getContentLength();
        if (length > 0) {
            current.body.expect(length); // copied once, not grown
        }
        return false;
    }

    @Override
    public boolean content(ByteBuffer item) {
        current.body.take(item, item.remaining());
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
        failed = true;
    }

    @Override
    public void badMessage(BadMessageException failure) {
        failed = true;
    }

    @Override
    public int getHeaderCacheSize() {
        return 0;
    }
}
