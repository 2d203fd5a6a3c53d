package dev.restlab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 by hand over one socket, for tests that need what clients like java.net.http never do:
 * send a request a byte at a time, stop reading, keep a connection silent.
 */
final class RawHttp implements AutoCloseable {

    /** One response read off the wire: its status and head, and how much body came. */
    record Response(int status, String head, byte[] body, long declaredLength) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the server on loopback; reads give up after 10 s so no test can hang. */
    static RawHttp connect(int port) throws IOException {
        return connect(port, -1);
    }

    /** As {@link #connect(int)}, with a small receive buffer to make the server's writes stall. */
    static RawHttp connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes); // before connect: sets the TCP window
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return new RawHttp(socket);
    }

    /** One exchange on a fresh connection that the client asks the server to close. */
    static Response exchange(int port, String method, String path) throws IOException {
        try (RawHttp http = connect(port)) {
            http.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return http.readResponse();
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Tells the server no more bytes are coming (a TCP half-close); reading still works. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one response: head, then a body of Content-Length bytes (or up to EOF without one). */
    Response readResponse() throws IOException {
        String head = readHead();
        if (head.isEmpty()) {
            throw new IOException("the server closed the connection without answering");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean bodiless = status == 204 || status == 304 || status / 100 == 1;
        while (!bodiless && (length < 0 || body.size() < length)) {
            int want = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - body.size());
            int n;
            try {
                n = in.read(buffer, 0, want);
            } catch (java.net.SocketException reset) {
                break; // the server gave up on the connection: keep what came
            }
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
        }
        return new Response(status, head, body.toByteArray(), length);
    }

    /** True when the server has closed this connection: a read sees the end of the stream. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
