package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpComplianceSection;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Jetty's parser with {@link HttpFraming}'s rules added where Jetty 9.4 has no setting for them.
 * Jetty's own state is private, so the bytes it consumed are read again beside it: the head and
 * the trailers for their line ends, the chunk framing for its extensions and line ends. A refusal
 * is thrown from inside Jetty's parse, so it ends exactly as Jetty's own refusals do (the server
 * answers it, the handler's {@code badMessage} is told).
 *
 * <ul>
 *   <li>Chunk extensions: over {@link HttpFraming.Rules#chunkExtensionBytes()} in one message is
 *       {@code 400}. Tomcat ({@code maxExtensionSize}) and Node.js (since CVE-2024-22019) cap them
 *       the same way; Jetty skips any length, so one request could make it read megabytes.</li>
 *   <li>Requests only: a line that ends with a bare LF (head, chunk lines, trailers) is {@code
 *       400}. RFC 9112 §2.2 lets a recipient accept one, and a student's server behind the proxy
 *       may read it differently than Jetty: refusing it leaves nothing to disagree on.</li>
 *   <li>Requests only: a transfer coding other than {@code chunked} is {@code 501} (RFC 9112
 *       §6.1: a server answers 501 to a coding it does not implement; Jetty ignored it and read a
 *       gzip body as if it were plain), and {@code chunked} twice is {@code 400}.</li>
 * </ul>
 */
final class FramingParser extends HttpParser {

    private enum Chunk { NONE, BETWEEN, SIZE, EXTENSION, DATA, TRAILERS }

    private final Guard guard;
    private final boolean requests;
    private final int maxExtensionBytes;

    /** The buffer Jetty is parsing now, and how far in it line ends were checked. */
    private ByteBuffer parsing;
    private int checked;
    /** A head's first byte other than a line end was seen (empty lines before a request are allowed). */
    private boolean begun;
    private boolean afterCr;
    private boolean bareLf;
    /** The transfer codings a request names, in order, over all its Transfer-Encoding lines. */
    private final List<String> codings = new ArrayList<>(2);

    /** When the current request's first byte came (0 when none is under way), and whether its head is whole. */
    private volatile long startedNanos;
    private volatile boolean headWhole;

    /** What the parser refused the current message with, or null: Jetty reports a body's as an early end. */
    private BadMessageException refusal;

    private Chunk chunk = Chunk.NONE;
    private long dataLeft;
    private long size;
    private long extensionBytes;

    private FramingParser(Guard guard, HttpFraming.Rules rules, RequestHandler asRequest) {
        super(asRequest, rules.requestHeadBytes(), rules.compliance());
        this.guard = guard;
        this.requests = true;
        this.maxExtensionBytes = rules.chunkExtensionBytes();
    }

    private FramingParser(Guard guard, HttpFraming.Rules rules, ResponseHandler asResponse) {
        super(asResponse, rules.responseHeadBytes(), rules.compliance());
        this.guard = guard;
        this.requests = false;
        this.maxExtensionBytes = rules.chunkExtensionBytes();
    }

    static FramingParser forRequests(RequestHandler handler, HttpFraming.Rules rules) {
        Guard guard = new Guard(handler);
        FramingParser parser = new FramingParser(guard, rules, (RequestHandler) guard);
        guard.parser = parser;
        return parser;
    }

    static FramingParser forResponses(ResponseHandler handler, HttpFraming.Rules rules) {
        Guard guard = new Guard(handler);
        FramingParser parser = new FramingParser(guard, rules, (ResponseHandler) guard);
        guard.parser = parser;
        return parser;
    }

    @Override
    public HttpHandler getHandler() {
        return guard.delegate;
    }

    /** Why the current message was refused, or null; kept because Jetty tells a refused body as {@code earlyEOF}. */
    BadMessageException refusal() {
        return refusal;
    }

    @Override
    protected void badMessage(BadMessageException failure) {
        refusal = failure;
        super.badMessage(failure);
    }

    /** When the request under way began (its first byte other than a line end), or 0 when none is. */
    long startedNanos() {
        return startedNanos;
    }

    /** Whether the request under way has its head whole (its body, if any, is arriving). */
    boolean headWhole() {
        return headWhole;
    }

    @Override
    public void reset() {
        super.reset();
        startedNanos = 0;
        headWhole = false;
        refusal = null;
        begun = false;
        afterCr = false;
        bareLf = false;
        codings.clear();
        chunk = Chunk.NONE;
        extensionBytes = 0;
    }

    @Override
    public boolean parseNext(ByteBuffer buffer) {
        parsing = buffer;
        checked = buffer.position();
        try {
            return super.parseNext(buffer);
        } finally {
            if (requests && (inHeaderState() || chunk == Chunk.TRAILERS) && buffer.position() > checked) {
                followLineEnds(buffer.position()); // refused, if need be, once the head or trailers end
            }
            parsing = null;
        }
    }

    @Override
    protected boolean parseContent(ByteBuffer buffer) {
        if (chunk == Chunk.NONE && isChunking()) {
            chunk = Chunk.BETWEEN;
        }
        int from = buffer.position();
        boolean handle = super.parseContent(buffer);
        if (chunk != Chunk.NONE && chunk != Chunk.TRAILERS) {
            followChunks(buffer, from, buffer.position());
            if (extensionBytes > maxExtensionBytes) {
                throw new BadMessageException(HttpStatus.BAD_REQUEST_400,
                        "Chunk extensions over " + maxExtensionBytes + " bytes");
            }
        }
        return handle;
    }

    /** Reads the line ends of head or trailer bytes from {@link #checked} to {@code to}. */
    private void followLineEnds(int to) {
        ByteBuffer buffer = parsing;
        for (int at = Math.max(checked, 0); at < to && at < buffer.limit(); at++) {
            byte b = buffer.get(at);
            if (!begun) {
                if (b == '\r' || b == '\n') {
                    continue;
                }
                begun = true;
                startedNanos = System.nanoTime() | 1;
            }
            if (b == '\n' && !afterCr) {
                bareLf = true;
            }
            afterCr = b == '\r';
        }
        checked = to;
    }

    /** The head or the trailers are whole: refused now if a line ended with a bare LF. */
    private void checkLineEnds() {
        if (!requests || parsing == null) {
            return;
        }
        followLineEnds(parsing.position());
        if (bareLf) {
            throw new BadMessageException(HttpStatus.BAD_REQUEST_400, "Bare LF: lines end with CR LF");
        }
    }

    private void noteTransferCodings(HttpField field) {
        if (!requests || field.getHeader() != HttpHeader.TRANSFER_ENCODING || field.getValue() == null) {
            return;
        }
        for (String coding : field.getValue().split(",")) {
            String name = coding.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                codings.add(name); // an empty list element is ignored (RFC 9110 §5.6.1)
            }
        }
    }

    /** Jetty has refused a coding list that does not end in chunked; what it lets through is checked here. */
    private void checkTransferCodings() {
        int chunked = 0;
        String other = null;
        for (String coding : codings) {
            if (coding.equals("chunked")) {
                chunked++;
            } else if (other == null) {
                other = coding;
            }
        }
        if (chunked > 1) {
            throw new BadMessageException(HttpStatus.BAD_REQUEST_400, "Transfer-Encoding chunked twice");
        }
        if (other != null) {
            throw new BadMessageException(HttpStatus.NOT_IMPLEMENTED_501,
                    "Transfer-Encoding " + printable(other) + " not implemented");
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 40; i++) {
            char c = text.charAt(i);
            out.append(c > ' ' && c < 127 ? c : '?');
        }
        return out.toString();
    }

    /** Follows the chunk framing Jetty consumed, as Jetty reads it, to count extensions and see line ends. */
    private void followChunks(ByteBuffer buffer, int from, int to) {
        int at = from;
        while (at < to && chunk != Chunk.TRAILERS) {
            if (chunk == Chunk.DATA) {
                int n = (int) Math.min(dataLeft, to - at);
                at += n;
                dataLeft -= n;
                if (dataLeft == 0) {
                    chunk = Chunk.BETWEEN;
                }
                continue;
            }
            byte b = buffer.get(at++);
            if (b == '\r') {
                afterCr = true; // Jetty takes a CR here only before a LF
                continue;
            }
            boolean lineEnd = b == '\n';
            if (lineEnd && !afterCr && requests) {
                throw new BadMessageException(HttpStatus.BAD_REQUEST_400, "Bare LF: lines end with CR LF");
            }
            afterCr = false;
            int digit = Character.digit(b, 16);
            switch (chunk) {
                case BETWEEN -> {
                    if (digit >= 0) {
                        size = digit;
                        chunk = Chunk.SIZE;
                    }
                }
                case SIZE -> {
                    if (lineEnd) {
                        endOfSizeLine(at);
                    } else if (digit >= 0) {
                        size = size * 16 + digit;
                    } else {
                        extensionBytes++;
                        chunk = Chunk.EXTENSION;
                    }
                }
                case EXTENSION -> {
                    if (lineEnd) {
                        endOfSizeLine(at);
                    } else {
                        extensionBytes++;
                    }
                }
                default -> throw new IllegalStateException(chunk.name());
            }
        }
    }

    private void endOfSizeLine(int at) {
        if (size == 0) {
            chunk = Chunk.TRAILERS; // Jetty counts trailers against its header limit; their line ends are read here
            checked = at;
            begun = true;
        } else {
            dataLeft = size;
            chunk = Chunk.DATA;
        }
    }

    /**
     * The handler Jetty calls, in front of the real one: it sees the head whole before the real
     * handler does, and refuses it there.
     */
    private static final class Guard implements RequestHandler, ResponseHandler, ComplianceHandler {
        private final HttpHandler delegate;
        private FramingParser parser;

        Guard(HttpHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean startRequest(String method, String uri, HttpVersion version) {
            return ((RequestHandler) delegate).startRequest(method, uri, version);
        }

        @Override
        public boolean startResponse(HttpVersion version, int status, String reason) {
            return ((ResponseHandler) delegate).startResponse(version, status, reason);
        }

        @Override
        public void parsedHeader(HttpField field) {
            parser.noteTransferCodings(field);
            delegate.parsedHeader(field);
        }

        @Override
        public boolean headerComplete() {
            parser.checkLineEnds();
            if (parser.requests) {
                parser.checkTransferCodings();
            }
            parser.headWhole = true;
            return delegate.headerComplete();
        }

        @Override
        public boolean content(ByteBuffer item) {
            return delegate.content(item);
        }

        @Override
        public boolean contentComplete() {
            return delegate.contentComplete();
        }

        @Override
        public void parsedTrailer(HttpField field) {
            delegate.parsedTrailer(field);
        }

        @Override
        public boolean messageComplete() {
            if (parser.chunk == Chunk.TRAILERS) {
                parser.checkLineEnds();
            }
            parser.startedNanos = 0; // received whole: what follows is the answer's time
            return delegate.messageComplete();
        }

        @Override
        public void earlyEOF() {
            delegate.earlyEOF();
        }

        @Override
        public void badMessage(BadMessageException failure) {
            delegate.badMessage(failure);
        }

        @Override
        public int getHeaderCacheSize() {
            return delegate.getHeaderCacheSize();
        }

        @Override
        public void onComplianceViolation(HttpCompliance mode, HttpComplianceSection violation, String details) {
            if (delegate instanceof ComplianceHandler compliance) {
                compliance.onComplianceViolation(mode, violation, details);
            }
        }
    }
}
