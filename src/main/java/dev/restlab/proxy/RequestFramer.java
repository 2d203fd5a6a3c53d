package dev.restlab.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Cuts what a client sends into requests where RestLab's own server would, with Jetty's
 * {@link HttpParser} and the server's limits (8 KiB of head, RFC 7230 rules), and hands on the
 * bytes as they were sent: each head whole (so it can be checked before anything is forwarded),
 * then the body's bytes as they arrive, chunk sizes and all. Nothing is re-encoded.
 */
final class RequestFramer implements HttpParser.RequestHandler {

    /** The server's limit on a request's head, which Jetty answers with 431 past. */
    static final int MAX_HEAD_BYTES = 8 * 1024;

    /** What a request's head says that the relay needs before forwarding it. */
    record Head(String method, String uri, HttpVersion version, List<String> hosts) {
        boolean isHead() {
            return "HEAD".equals(method);
        }
    }

    /** What the framer tells the relay, in the order of the bytes. */
    interface Events {
        /**
         * A request's whole head, as sent (line ends before it included). Return false to stop:
         * the relay answers it itself and reads no further request.
         */
        boolean head(byte[] bytes, Head head) throws IOException;

        /** Bytes of the current request's body as sent (chunk framing included). */
        void body(ByteBuffer bytes) throws IOException;

        /** The current request ended. */
        void end() throws IOException;

        /** The bytes are no request Jetty would accept: {@code status} and why. */
        void bad(int status, String reason) throws IOException;
    }

    private final HttpParser parser = new HttpParser(this, MAX_HEAD_BYTES, HttpCompliance.RFC7230);
    private final Events events;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    private boolean inBody;
    private boolean stopped;

    // Set by the parser's events during one parseNext call.
    private String method;
    private String uri;
    private HttpVersion version;
    private final List<String> hosts = new ArrayList<>(1);
    private boolean headDone;
    private boolean messageDone;
    private BadMessageException failure;

    RequestFramer(Events events) {
        this.events = events;
    }

    /** True between a request's first byte and its end: the client is in the middle of one. */
    boolean inRequest() {
        return inBody || head.size() > 0;
    }

    /** Reads these bytes; the buffer is left where the framer stopped (all read unless it stopped). */
    void feed(ByteBuffer bytes) throws IOException {
        boolean more = bytes.hasRemaining();
        while (more && !stopped) {
            ByteBuffer view = bytes.duplicate(); // the parser clears a buffer it gives up on
            int from = view.position();
            headDone = false;
            messageDone = false;
            failure = null;
            parser.parseNext(view);
            if (failure != null) {
                stopped = true;
                bytes.position(bytes.limit());
                events.bad(failure.getCode(), failure.getReason());
                return;
            }
            int consumed = view.position() - from;
            ByteBuffer slice = bytes.duplicate();
            slice.limit(from + consumed);
            bytes.position(from + consumed);
            if (!inBody) {
                head.write(slice.array(), slice.arrayOffset() + slice.position(), slice.remaining());
                if (headDone) {
                    inBody = true;
                    byte[] sent = head.toByteArray();
                    head.reset();
                    if (!events.head(sent, new Head(method, uri, version, List.copyOf(hosts)))) {
                        stopped = true;
                        return;
                    }
                }
            } else if (slice.hasRemaining()) {
                events.body(slice);
            }
            if (messageDone) {
                parser.reset();
                inBody = false;
                hosts.clear();
                events.end();
            }
            // After a head, parse again even with no bytes left: a request without a body ends there.
            more = bytes.hasRemaining() || headDone;
        }
    }

    @Override
    public boolean startRequest(String method, String uri, HttpVersion version) {
        this.method = method;
        this.uri = uri;
        this.version = version;
        return false;
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (field.getHeader() == HttpHeader.HOST) {
            hosts.add(field.getValue() == null ? "" : field.getValue());
        }
    }

    @Override
    public boolean headerComplete() {
        headDone = true;
        return true; // stop here, so the head can be checked before its body is forwarded
    }

    @Override
    public boolean content(ByteBuffer item) {
        return false; // the body is forwarded as sent, from the bytes the parser consumed
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
        failure = new BadMessageException(HttpStatus.BAD_REQUEST_400, "the request ended early");
    }

    @Override
    public void badMessage(BadMessageException failure) {
        this.failure = failure;
    }

    @Override
    public int getHeaderCacheSize() {
        return 0;
    }
}
