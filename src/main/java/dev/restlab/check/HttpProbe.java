package dev.restlab.check;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.wire.Body;
import dev.restlab.wire.ClientCapture;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one request over a fresh socket and reads the answer as it comes, both through a
 * {@link ClientCapture}, so what the report shows is the wire. The request is written on its own
 * thread while the answer is read, because a server may answer (413) and close before it has read
 * a large body; its answer must not be lost to a blocked write.
 */
final class HttpProbe {

    /** More than any answer of the handout's API; a server that sends more is cut off here. */
    private static final long MAX_READ_BYTES = 8L * 1024 * 1024;
    private static final int WRITE_CHUNK = 64 * 1024;

    private final Duration timeout;

    HttpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Whether a TCP connection to the server can be made at all.
     *
     * @throws TargetUnreachable saying why not, in words
     */
    void reach(TargetUrl server) throws TargetUnreachable {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
        } catch (UnknownHostException e) {
            throw new TargetUnreachable(server, "the name " + server.host() + " is not known");
        } catch (ConnectException e) {
            throw new TargetUnreachable(server, "nothing listens there (connection refused): is the server running,"
                    + " on that port?");
        } catch (SocketTimeoutException e) {
            throw new TargetUnreachable(server, "no connection within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            throw new TargetUnreachable(server, String.valueOf(e.getMessage()));
        }
    }

    /** Sends {@code request} (a whole HTTP/1.1 request with {@code Connection: close}) and reads the answer. */
    Answer send(TargetUrl server, byte[] request) {
        ClientCapture capture = new ClientCapture(server.host(), server.port());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            Thread writer = new Thread(() -> write(socket, request, capture), "restlab-check-write");
            writer.setDaemon(true);
            writer.start();
            String problem = read(socket.getInputStream(), capture);
            Optional<Exchange> exchange = problem.isEmpty() ? capture.answered() : Optional.empty();
            if (exchange.isPresent()) {
                return new Answer(exchange, "");
            }
            exchange = capture.closed();
            if (exchange.isEmpty()) {
                return new Answer(Optional.empty(), problem.isEmpty() ? "the server closed the connection without"
                        + " answering" : problem);
            }
            return new Answer(exchange, problem.isEmpty() && !cutShort(exchange.get()) ? ""
                    : problem.isEmpty() ? "the answer was cut short: the connection closed inside its body" : problem);
        } catch (IOException e) {
            Optional<Exchange> partial = capture.closed();
            return new Answer(partial, "no answer: " + e.getMessage());
        }
    }

    /** Less body than its framing promised came before the close (not merely more than RestLab keeps). */
    private static boolean cutShort(Exchange e) {
        Body body = e.response().body();
        return body.truncated() && body.stored().length < Exchange.MAX_STORED_BODY;
    }

    /** Reads until the answer is whole or the server closes; empty, or the problem that stopped it. */
    private String read(InputStream in, ClientCapture capture) {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                capture.received(buffer, 0, n);
                total += n;
                if (capture.answered().isPresent()) {
                    return "";
                }
                if (total > MAX_READ_BYTES) {
                    return "the answer is over " + MAX_READ_BYTES / (1024 * 1024) + " MiB: RestLab stopped reading";
                }
            }
            return "";
        } catch (SocketTimeoutException e) {
            return "no whole answer within " + timeout.toSeconds() + " s";
        } catch (IOException e) {
            return "the connection broke: " + e.getMessage();
        }
    }

    /**
     * Writes the request in chunks, each handed to the capture first so the capture has the
     * request before any answer to it. A server that closes early makes the write fail: that is
     * its answer, read by the other thread, so the failure is not an error here.
     */
    private static void write(Socket socket, byte[] request, ClientCapture capture) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < request.length; at += WRITE_CHUNK) {
                int length = Math.min(WRITE_CHUNK, request.length - at);
                capture.sent(request, at, length);
                out.write(request, at, length);
            }
            out.flush();
        } catch (IOException closedEarly) {
            // The server stopped reading; what it answered tells why.
        }
    }

    /** The User-Agent of every request the check sends. */
    static final String USER_AGENT = "RestLab-check/" + Api.VERSION;
}
