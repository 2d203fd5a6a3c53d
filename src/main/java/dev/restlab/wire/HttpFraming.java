package dev.restlab.wire;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * RestLab's one way of cutting HTTP/1.1 into messages: Jetty's {@link HttpParser} with one set of
 * {@link Rules}, used by the server's connections, the capture, the proxy in both directions and
 * {@code check}. Two parsers of one stream that disagree on where a message ends let a client hide
 * a request in a body (request smuggling); one parser with one set of rules cannot disagree with
 * itself, so the proxy refuses exactly what the server refuses, with the same status.
 *
 * <p>Beyond Jetty 9.4's own rules (RFC 7230 compliance, the head size), requests must end their
 * lines with CR LF, may name no transfer coding but {@code chunked} (RFC 9112 §6.1 asks a server
 * to answer {@code 501} to one it does not implement), and all messages may carry at most
 * {@link Rules#chunkExtensionBytes()} of chunk extensions; see {@link FramingParser}.
 */
public final class HttpFraming {

    /**
     * The rules every reader of HTTP in RestLab follows.
     *
     * @param requestHeadBytes a request's line and headers (Jetty's default; 431 or 414 past it)
     * @param responseHeadBytes an answer's status line and headers (a student's server may send more than Jetty's 8 KiB)
     * @param chunkExtensionBytes chunk extensions ({@code 1a;name=value}) in one message, in all (Tomcat's default;
     *     Jetty 9.4 skips any length and has no setting for it)
     * @param compliance Jetty's compliance mode
     * @param interimAnswers interim ({@code 1xx}) answers before a final one; past it the answer is refused
     * @param interimKept of those, how many a recorded exchange keeps (the rest are counted)
     */
    public record Rules(int requestHeadBytes, int responseHeadBytes, int chunkExtensionBytes,
            HttpCompliance compliance, int interimAnswers, int interimKept) {
    }

    /**
     * RestLab's rules. A real server sends one {@code 100 Continue} and perhaps a few {@code 103
     * Early Hints}; 100 leaves room for any of them and bounds a server that sends them without end.
     */
    public static final Rules RULES = new Rules(8 * 1024, 64 * 1024, 8 * 1024, HttpCompliance.RFC7230, 100, 4);

    private HttpFraming() {
    }

    /** A parser of requests by {@link #RULES}. */
    public static HttpParser requestParser(HttpParser.RequestHandler handler) {
        return FramingParser.forRequests(handler, RULES);
    }

    /** A parser of answers by {@link #RULES}. */
    public static HttpParser responseParser(HttpParser.ResponseHandler handler) {
        return FramingParser.forResponses(handler, RULES);
    }

    /**
     * When the request a parser of {@link #requestParser} is receiving began, or 0 when it is
     * receiving none (between requests, or the last one is whole and being answered).
     */
    public static long requestStartedNanos(HttpParser parser) {
        return parser instanceof FramingParser framing ? framing.startedNanos() : 0;
    }

    /** Whether the request a parser of {@link #requestParser} is receiving has its head whole. */
    public static boolean requestHeadWhole(HttpParser parser) {
        return parser instanceof FramingParser framing && framing.headWhole();
    }

    /**
     * HTTP/1.1 connections for a Jetty connector whose requests are parsed by {@link #RULES}: the
     * head size and compliance mode are set on {@code config} and on the factory here, so that
     * nothing else decides them.
     */
    public static HttpConnectionFactory connectionFactory(HttpConfiguration config) {
        config.setRequestHeaderSize(RULES.requestHeadBytes());
        HttpConnectionFactory factory = new HttpConnectionFactory(config, RULES.compliance()) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                        getHttpCompliance(), isRecordHttpComplianceViolations()) {
                    @Override
                    protected HttpParser newHttpParser(HttpCompliance compliance) {
                        return requestParser(newRequestHandler());
                    }
                };
                return configure(connection, connector, endPoint);
            }
        };
        return factory;
    }
}
