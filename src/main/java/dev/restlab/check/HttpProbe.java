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
 * a large body; its answer must not be lost to a blocked write. Each answer has a time limit for
 * the whole of it, not only for each read: a server that drips a byte at a time is cut off at it.
 */
final class HttpProbe {

    /** More than any answer of the handout's API; a server that sends more is cut off here. */
    private static final long MAX_READ_BYTES = 8L * 1024 * 1024;
    private static final int WRITE_CHUNK = 64 * 1024;

    private final Duration timeout;

    /** {@code timeout}: for a connection, and for each whole answer unless a send says less. */
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
            throw new TargetUnreachable(server, "no connection within " + Deadline.words(timeout));
        } catch (IOException | IllegalArgumentException e) {
            throw new TargetUnreachable(server, String.valueOf(e.getMessage()));
        }
    }

    /** Sends {@code request} (a whole HTTP/1.1 request with {@code Connection: close}) and reads the answer. */
    Answer send(TargetUrl server, byte[] request) {
        return send(server, request, timeout);
    }

    /**
     * As {@link #send(TargetUrl, byte[])}, the whole answer within {@code limit}; past it the answer
     * reads {@code no answer within 10 s} (with what came so far kept).
     */
    Answer send(TargetUrl server, byte[] request, Duration limit) {
        Deadline deadline = new Deadline(limit);
        ClientCapture capture = new ClientCapture(server.host(), server.port());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), deadline.remainingMillis());
            Thread writer = new Thread(() -> write(socket, request, capture), "restlab-check-write");
            writer.setDaemon(true);
            writer.start();
            String problem = read(socket, capture, deadline);
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
        } catch (SocketTimeoutException e) {
            return new Answer(capture.closed(), "no answer within " + deadline.words() + " (no connection)");
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

    /**
     * Reads until the answer is whole, the server closes or the deadline passes; empty, or the
     * problem that stopped it. Each read waits only for what is left of the deadline.
     */
    private String read(Socket socket, ClientCapture capture, Deadline deadline) {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(deadline.remainingMillis());
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                capture.received(buffer, 0, n);
                total += n;
                if (capture.answered().isPresent()) {
                    return "";
                }
                Optional<String> refused = capture.refusal(); // not HTTP, or interim answers without end
                if (refused.isPresent()) {
                    return "the server answered, but " + refused.get() + ": RestLab stopped reading";
                }
                if (total > MAX_READ_BYTES) {
                    return "the answer is over " + MAX_READ_BYTES / (1024 * 1024) + " MiB: RestLab stopped reading";
                }
                if (deadline.passed()) {
                    return noAnswer(deadline, total);
                }
                socket.setSoTimeout(deadline.remainingMillis());
            }
            return "";
        } catch (SocketTimeoutException e) {
            return noAnswer(deadline, total);
        } catch (IOException e) {
            return "the connection broke: " + e.getMessage();
        }
    }

    private static String noAnswer(Deadline deadline, long received) {
        return "no answer within " + deadline.words() + (received == 0 ? ""
                : " (" + received + (received == 1 ? " byte" : " bytes") + " came, not a whole answer)");
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
    static final String USER_AGENT = Api.CHECK_USER_AGENT_PRODUCT + Api.VERSION;
}
