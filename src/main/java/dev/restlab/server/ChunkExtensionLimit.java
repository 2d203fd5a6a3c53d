package dev.restlab.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * HTTP/1.1 connections whose parser refuses a request with more than {@link #MAX_BYTES} bytes of
 * chunk extensions ({@code 1a;name=value}) in all: Jetty 9.4 skips extensions of any length and
 * has no setting for it, so one request could make the server read megabytes that are never used.
 * Tomcat ({@code maxExtensionSize}) and Node.js (since CVE-2024-22019) cap them the same way.
 *
 * <p>A request over the cap ends as a broken chunked body does: a route reading the body gets an
 * error (RestLab's answer 400) and the connection is closed.
 */
final class ChunkExtensionLimit extends HttpConnectionFactory {

    /** As Tomcat's default: far more than any real client sends (they send none). */
    static final int MAX_BYTES = 8 * 1024;

    ChunkExtensionLimit(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                getHttpCompliance(), isRecordHttpComplianceViolations()) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                return new Parser(newRequestHandler(), getHttpConfiguration().getRequestHeaderSize(), compliance);
            }
        };
        return configure(connection, connector, endPoint);
    }

    /**
     * Jetty's parser, followed by a small reader of the chunk framing it consumed: Jetty's own
     * chunk state is private, so the bytes it took are read again, as Jetty reads them (an empty
     * line between chunks is skipped, anything after the hex digits up to the line end is an
     * extension), to count the extensions.
     */
    static final class Parser extends HttpParser {
        private enum Chunk { NONE, BETWEEN, SIZE, EXTENSION, DATA, DONE }

        private Chunk chunk = Chunk.NONE;
        private long dataLeft;
        private long size;
        private long extensionBytes;

        Parser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        @Override
        public void reset() {
            super.reset();
            chunk = Chunk.NONE;
            extensionBytes = 0;
        }

        @Override
        protected boolean parseContent(ByteBuffer buffer) {
            if (chunk == Chunk.NONE && isChunking()) {
                chunk = Chunk.BETWEEN;
            }
            int from = buffer.position();
            boolean handle = super.parseContent(buffer);
            if (chunk != Chunk.NONE && chunk != Chunk.DONE) {
                follow(buffer, from, buffer.position());
                if (extensionBytes > MAX_BYTES) {
                    throw new BadMessageException(HttpStatus.BAD_REQUEST_400,
                            "Chunk extensions over " + MAX_BYTES + " bytes");
                }
            }
            return handle;
        }

        private void follow(ByteBuffer buffer, int from, int to) {
            int at = from;
            while (at < to && chunk != Chunk.DONE) {
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
                    continue; // Jetty only takes a CR before a LF here
                }
                int digit = Character.digit(b, 16);
                switch (chunk) {
                    case BETWEEN -> {
                        if (digit >= 0) {
                            size = digit;
                            chunk = Chunk.SIZE;
                        }
                    }
                    case SIZE -> {
                        if (b == '\n') {
                            endOfSizeLine();
                        } else if (digit >= 0) {
                            size = size * 16 + digit;
                        } else {
                            extensionBytes++;
                            chunk = Chunk.EXTENSION;
                        }
                    }
                    case EXTENSION -> {
                        if (b == '\n') {
                            endOfSizeLine();
                        } else {
                            extensionBytes++;
                        }
                    }
                    default -> throw new IllegalStateException(chunk.name());
                }
            }
        }

        private void endOfSizeLine() {
            if (size == 0) {
                chunk = Chunk.DONE; // trailers follow: Jetty counts them against its header limit
            } else {
                dataLeft = size;
                chunk = Chunk.DATA;
            }
        }
    }
}
