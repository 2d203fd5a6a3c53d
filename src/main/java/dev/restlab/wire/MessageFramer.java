package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Cuts one direction of one connection into messages, as bytes arrive in any slicing, with
 * {@link HttpFraming}'s parser and rules: requests as RestLab's server cuts them, answers as
 * Jetty's client would. It hands on the bytes as they were sent, in order: each head (so a
 * relay can check it whole before forwarding anything), then the body's bytes, chunk sizes and
 * all, beside the de-chunked content; nothing is re-encoded. Interim answers ({@code 1xx}) are
 * heads of their own within one answer, and past {@link HttpFraming.Rules#interimAnswers()} the
 * answer is refused.
 *
 * <p>Where the parser refuses a message, the framer stops framing: the refused message gets the
 * rest of the bytes (as more head while its head was not whole, else as more body), and no
 * message follows, as the server reads no request after one it refused. The capture
 * ({@link RequestReader}, {@link ResponseReader}), the proxy's relay and {@code check} all frame
 * through here.
 */
public final class MessageFramer implements HttpParser.RequestHandler, HttpParser.ResponseHandler {

    /** What a head says that its readers need before its body ({@code userAgent} null when it has none). */
    public record Head(String method, String uri, HttpVersion version, int status, List<String> hosts,
            long contentLength, boolean closes, String userAgent) {

        public boolean isHeadRequest() {
            return "HEAD".equals(method);
        }

        /** An interim answer such as {@code 100 Continue} or {@code 103 Early Hints}: a final one follows. */
        public boolean interim() {
            return status >= 100 && status < 200 && status != HttpStatus.SWITCHING_PROTOCOLS_101;
        }
    }

    /** What the framer tells its reader, in the order of the bytes. */
    public interface Events {
        /** A message's first byte arrived (line ends before a request do not start one). */
        default void started() {
        }

        /** For answers: whether the one starting now answers a HEAD request (it then has no body). */
        default boolean answersHead() {
            return false;
        }

        /** Bytes of the current head as sent. */
        void headBytes(ByteBuffer bytes);

        /** The head is whole. Return false to stop: nothing after it is framed. */
        default boolean headComplete(Head head) {
            return true;
        }

        /** Bytes of the current body as sent, chunk framing included. */
        default void bodyBytes(ByteBuffer bytes) {
        }

        /**
         * Bytes of a refused message, from where it was refused on, and every later byte: told
         * before {@link #refused}, and never part of a message anyone may act on.
         */
        default void refusedBytes(ByteBuffer bytes) {
        }

        /** The body's content, de-chunked. */
        default void content(ByteBuffer data) {
        }

        /** The current message ended; {@code interim} for a 1xx answer, after which the final one follows. */
        void ended(boolean interim);

        /** The message was refused with this status (502 for an answer) and why; nothing more is framed. */
        void refused(int status, String reason);

        /** Bytes after the framing ended (see {@link #endAfterCurrent()}): not part of any message. */
        default void ignored(ByteBuffer bytes) {
        }
    }

    private enum State { BETWEEN, IN_MESSAGE, REFUSED, STOPPED, ENDED }

    private final Events events;
    private final FramingParser parser;
    private final boolean requests;
    private State state = State.BETWEEN;
    private boolean headDone;
    private boolean lastMessage;
    private int interimSeen;
    /** When the current message began (0 between messages) and whether its head is whole: read by other threads. */
    private volatile long startedNanos;
    private volatile boolean headWhole;

    // Set by the parser's events during one parseNext call.
    private String method;
    private String uri;
    private HttpVersion version;
    private int status;
    private final List<String> hosts = new ArrayList<>(1);
    /** The current head's first User-Agent, or null. */
    private String userAgent;
    private final StringBuilder connectionTokens = new StringBuilder();
    private boolean headSeen;
    private boolean messageDone;
    private BadMessageException failure;

    private MessageFramer(Events events, boolean requests) {
        this.events = events;
        this.requests = requests;
        this.parser = requests ? FramingParser.forRequests(this, HttpFraming.RULES)
                : FramingParser.forResponses(this, HttpFraming.RULES);
    }

    /** Frames what a client sends. */
    public static MessageFramer requests(Events events) {
        return new MessageFramer(events, true);
    }

    /** Frames what a server answers. */
    public static MessageFramer responses(Events events) {
        return new MessageFramer(events, false);
    }

    /** True between a message's first byte and its end: the peer is in the middle of one. */
    public boolean inMessage() {
        return state == State.IN_MESSAGE;
    }

    /**
     * When the message under way began (its first byte other than a line end), or 0 between
     * messages: for deadlines kept by another thread.
     */
    public long messageStartedNanos() {
        return startedNanos;
    }

    /** Whether the message under way has its head whole; its body, if any, is arriving. */
    public boolean headWhole() {
        return headWhole;
    }

    /** The current message is the last: once it ends, later bytes are {@link Events#ignored ignored}. */
    public void endAfterCurrent() {
        if (state == State.IN_MESSAGE) {
            lastMessage = true;
        } else if (state == State.BETWEEN) {
            state = State.ENDED;
        }
    }

    /** Nothing more is framed, not even the rest of a message begun. */
    public void endNow() {
        if (state != State.REFUSED) {
            state = State.ENDED;
        }
    }

    /** Reads these bytes, all of them unless an event stopped the framer. */
    public void feed(ByteBuffer bytes) {
        while (true) {
            switch (state) {
                case STOPPED -> {
                    return;
                }
                case ENDED -> {
                    if (bytes.hasRemaining()) {
                        events.ignored(bytes);
                        bytes.position(bytes.limit());
                    }
                    return;
                }
                case REFUSED -> {
                    toCurrent(bytes);
                    return;
                }
                case BETWEEN -> {
                    if (!bytes.hasRemaining()) {
                        return;
                    }
                    if (skipLineEnds(bytes)) {
                        continue;
                    }
                    begin();
                }
                case IN_MESSAGE -> {
                    // parsed below
                }
            }
            if (!parseOnce(bytes)) {
                return;
            }
        }
    }

    /** The peer closed its side: a message framed by the close ends here, any other is refused. */
    public void closed() {
        if (state != State.IN_MESSAGE) {
            return;
        }
        parser.atEOF();
        parseOnce(ByteBuffer.allocate(0));
    }

    private void begin() {
        state = State.IN_MESSAGE;
        headDone = false;
        startedNanos = System.nanoTime() | 1;
        events.started();
        if (!requests) {
            parser.setHeadResponse(events.answersHead());
        }
    }

    /**
     * Line ends before a request: servers skip them (RFC 9112 §2.2) and Jetty counts them against
     * its head limit, so the parser reads them, but they start no message.
     */
    private boolean skipLineEnds(ByteBuffer bytes) {
        int count = 0;
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            byte b = bytes.get(i);
            if (b != '\r' && b != '\n') {
                break;
            }
            count++;
        }
        if (count == 0) {
            return false;
        }
        ByteBuffer view = bytes.duplicate();
        view.limit(view.position() + count);
        failure = null;
        parser.parseNext(view);
        if (failure != null) {
            refuse(bytes, failure.getCode(), failure.getReason()); // too many for the head limit
        } else {
            bytes.position(view.position());
        }
        return true;
    }

    /** One parse; true when it should go on (bytes left, or a head just ended that may end its message). */
    private boolean parseOnce(ByteBuffer bytes) {
        ByteBuffer view = bytes.duplicate(); // the parser clears a buffer it gives up on
        int from = view.position();
        headSeen = false;
        messageDone = false;
        failure = null;
        parser.parseNext(view);
        if (failure != null) {
            refuse(bytes, failure.getCode(), failure.getReason());
            return false;
        }
        int consumed = view.position() - from;
        ByteBuffer slice = bytes.duplicate();
        slice.limit(from + consumed);
        bytes.position(from + consumed);
        if (!headDone) {
            events.headBytes(slice);
        } else if (slice.hasRemaining()) {
            events.bodyBytes(slice);
        }
        if (headSeen) {
            Head head = new Head(method, uri, version, status, List.copyOf(hosts), parser.getContentLength(),
                    closes(), userAgent);
            userAgent = null;
            hosts.clear();
            connectionTokens.setLength(0);
            if (head.interim() && ++interimSeen > HttpFraming.RULES.interimAnswers()) {
                refuse(bytes, HttpStatus.BAD_GATEWAY_502, "it sent more than " + HttpFraming.RULES.interimAnswers()
                        + " interim (1xx) answers without a final one");
                return false;
            }
            headDone = true;
            headWhole = true;
            if (!events.headComplete(head)) {
                state = State.STOPPED;
                return false;
            }
        }
        if (messageDone) {
            boolean interim = !requests && status >= 100 && status < 200
                    && status != HttpStatus.SWITCHING_PROTOCOLS_101;
            parser.reset();
            headDone = false;
            headWhole = false;
            if (interim) {
                state = State.IN_MESSAGE;
                parser.setHeadResponse(events.answersHead());
            } else {
                interimSeen = 0;
                startedNanos = 0;
                // After 101 Switching Protocols the connection speaks another protocol, not HTTP.
                boolean switched = !requests && status == HttpStatus.SWITCHING_PROTOCOLS_101;
                state = lastMessage || switched ? State.ENDED : State.BETWEEN;
            }
            events.ended(interim);
        }
        // After a head, parse again even with no bytes left: a message without a body ends there.
        return bytes.hasRemaining() || (headSeen && !messageDone);
    }

    /** The rest of these bytes, and all later ones, belong to the refused message. */
    private void refuse(ByteBuffer bytes, int code, String reason) {
        if (state == State.BETWEEN) {
            state = State.IN_MESSAGE;
            events.started();
        }
        state = State.REFUSED;
        toCurrent(bytes);
        events.refused(requests ? code : HttpStatus.BAD_GATEWAY_502, reason);
    }

    private void toCurrent(ByteBuffer bytes) {
        ByteBuffer rest = bytes.duplicate();
        bytes.position(bytes.limit());
        if (rest.hasRemaining()) {
            events.refusedBytes(rest);
        }
    }

    private boolean closes() {
        String tokens = connectionTokens.toString();
        if (hasToken(tokens, "close")) {
            return true;
        }
        return version == HttpVersion.HTTP_1_0 && !hasToken(tokens, "keep-alive");
    }

    private static boolean hasToken(String list, String token) {
        for (String item : list.split(",")) {
            if (item.strip().equals(token)) {
                return true;
            }
        }
        return false;
    }

    // The parser's events. headerComplete and messageComplete return true, so that parseNext
    // stops at each: the head can be checked before its body is handed on, and each message is
    // ended before the next begins.

    @Override
    public boolean startRequest(String method, String uri, HttpVersion version) {
        this.method = method;
        this.uri = uri;
        this.version = version;
        return false;
    }

    @Override
    public boolean startResponse(HttpVersion version, int status, String reason) {
        this.version = version;
        this.status = status;
        return false;
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (field.getHeader() == HttpHeader.HOST) {
            hosts.add(field.getValue() == null ? "" : field.getValue());
        } else if (field.getHeader() == HttpHeader.USER_AGENT && userAgent == null) {
            userAgent = field.getValue();
        } else if (field.getHeader() == HttpHeader.CONNECTION && field.getValue() != null) {
            connectionTokens.append(',').append(field.getValue().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public boolean headerComplete() {
        headSeen = true;
        return true;
    }

    @Override
    public boolean content(ByteBuffer item) {
        events.content(item);
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
        BadMessageException refused = parser.refusal();
        if (refused != null) {
            badMessage(refused); // a body the parser refused: Jetty tells it as an early end
            return;
        }
        String reason;
        if (requests) {
            reason = "the request ended early";
        } else {
            reason = headDone || headSeen ? "it closed the connection before the end of its answer"
                    : "it closed the connection in the middle of its answer's head";
        }
        failure = new BadMessageException(HttpStatus.BAD_REQUEST_400, reason);
    }

    @Override
    public void badMessage(BadMessageException failure) {
        if (requests) {
            this.failure = failure;
        } else {
            String reason = failure.getReason();
            this.failure = new BadMessageException(failure.getCode(), failure.getCode() == 431
                    ? "its head is longer than " + HttpFraming.RULES.responseHeadBytes() / 1024 + " KiB"
                    : "its answer is not HTTP" + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    @Override
    public int getHeaderCacheSize() {
        return 0;
    }
}
