package dev.restlab.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain TCP connection to a server on 127.0.0.1, for what HTTP clients never do: send exact
 * bytes (a byte at a time, a broken request line, a body shorter than declared), read the answer
 * exactly as it came, keep a connection silent, stop reading. Every read has a deadline, so no
 * test can hang on a server that never answers.
 */
public final class RawConnection implements AutoCloseable {

    /** How long one {@code read…} call may take in all, unless {@link #deadline(Duration)} says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private Duration deadline = DEFAULT_DEADLINE;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code 127.0.0.1:port}. */
    public static RawConnection open(int port) throws IOException {
        return open(port, -1);
    }

    /**
     * Connects with a small receive buffer (set before connecting, so it sizes the TCP window):
     * a client that then does not read makes the server's writes stall.
     */
    public static RawConnection open(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawConnection(socket);
    }

    /**
     * Connects to {@code 127.0.0.1:port} from the loopback address {@code from} (such as
     * 127.0.0.2), to play a client of its own; the test is skipped where the system gives
     * loopback only 127.0.0.1 (macOS).
     */
    public static RawConnection openFrom(String from, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
        } catch (IOException e) {
            socket.close();
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "this system has no loopback address " + from
                    + " to play a client of its own: " + e.getMessage());
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawConnection(socket);
    }

    /**
     * Sends {@code METHOD target HTTP/1.1} with {@code Host: 127.0.0.1} and {@code Connection:
     * close} and no body on a fresh connection to {@code port}, and reads the response.
     */
    public static RawResponse exchange(int port, String method, String target) throws IOException {
        return exchange(port, (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exact bytes on a fresh connection to {@code port} and reads one response. */
    public static RawResponse exchange(int port, byte[] request) throws IOException {
        try (RawConnection connection = open(port)) {
            connection.send(request);
            return connection.readResponse();
        }
    }

    /** Sets how long each later {@code read…} call may take in all. */
    public RawConnection deadline(Duration limit) {
        this.deadline = limit;
        return this;
    }

    /** The client side's port: how the server (and its traffic log) tells this connection apart. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Sends {@code text} encoded as UTF-8, exactly as given (no line endings added). */
    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these bytes. */
    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Tells the server no more bytes are coming (a TCP half-close); reading still works. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Reads one response: the head, then a body framed by Content-Length, by chunks, or (without
     * either) by the server closing. 1xx, 204 and 304 answers have no body. When the server
     * resets the connection mid-body, returns what came (compare {@code body} with
     * {@code declaredLength}).
     *
     * @throws IOException when the server closes before a complete head, or the deadline passes
     */
    public RawResponse readResponse() throws IOException {
        return read(false);
    }

    /** Reads the answer to a HEAD request: it declares a length but carries no body. */
    public RawResponse readHeadResponse() throws IOException {
        return read(true);
    }

    /** Reads everything until the server closes the connection (or resets it after answering). */
    public byte[] readToEnd() throws IOException {
        long until = deadlineFromNow();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = read(buffer, buffer.length, until)) > 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // Jetty may reset after answering a request it refused to read: keep what came.
        }
        return all.toByteArray();
    }

    /** {@link #readToEnd()} decoded as UTF-8. */
    public String readToEndText() throws IOException {
        return new String(readToEnd(), StandardCharsets.UTF_8);
    }

    /**
     * Waits (up to the deadline) for the server to close this connection; true when it did,
     * false when it sent a byte instead.
     */
    public boolean closedByServer() throws IOException {
        try {
            return read(new byte[1], 1, deadlineFromNow()) < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private RawResponse read(boolean headRequest) throws IOException {
        long until = deadlineFromNow();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        String head = readLinesThroughBlank(wire, until);
        if (head.isEmpty()) {
            throw new IOException("the server closed the connection without answering");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean bodiless = headRequest || status == 204 || status == 304 || status / 100 == 1;
        try {
            if (bodiless) {
                // nothing follows the head
            } else if (chunked) {
                readChunks(wire, body, until);
            } else {
                copy(length, wire, body, until);
            }
        } catch (SocketException reset) {
            // The server gave up on the connection: keep what came.
        }
        return new RawResponse(status, head, body.toByteArray(), wire.toByteArray(), length);
    }

    /** Copies {@code length} body bytes, or up to the end of the stream when {@code length < 0}. */
    private void copy(long length, ByteArrayOutputStream wire, ByteArrayOutputStream body, long until)
            throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        while (length < 0 || copied < length) {
            int want = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - copied);
            int n = read(buffer, want, until);
            if (n < 0) {
                return;
            }
            wire.write(buffer, 0, n);
            body.write(buffer, 0, n);
            copied += n;
        }
    }

    private void readChunks(ByteArrayOutputStream wire, ByteArrayOutputStream body, long until) throws IOException {
        while (true) {
            String sizeLine = readLine(wire, until);
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            if (size == 0) {
                readLinesThroughBlank(wire, until); // trailers, if any, then the blank line
                return;
            }
            copy(size, wire, body, until);
            readLine(wire, until); // the CRLF after the chunk's data
        }
    }

    /** Reads lines up to and including an empty one; returns them, or "" if the stream ended first. */
    private String readLinesThroughBlank(ByteArrayOutputStream wire, long until) throws IOException {
        StringBuilder lines = new StringBuilder();
        while (true) {
            String line = readLine(wire, until);
            if (line == null) {
                return lines.length() == 0 ? "" : lines.toString();
            }
            lines.append(line).append("\r\n");
            if (line.isEmpty()) {
                return lines.toString();
            }
        }
    }

    /** One CRLF-ended line without its CRLF, or null at the end of the stream. */
    private String readLine(ByteArrayOutputStream wire, long until) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        byte previous = 0;
        while (true) {
            if (read(one, 1, until) < 0) {
                return null;
            }
            wire.write(one[0]);
            if (one[0] == '\n' && previous == '\r') {
                byte[] text = line.toByteArray();
                return new String(text, 0, text.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(one[0]);
            previous = one[0];
        }
    }

    private int read(byte[] buffer, int length, long until) throws IOException {
        long left = until - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        }
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
        return in.read(buffer, 0, length);
    }

    private long deadlineFromNow() {
        return System.nanoTime() + deadline.toNanos();
    }
}
