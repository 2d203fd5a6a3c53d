package dev.restlab.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One plain TCP connection that writes raw request bytes and reads back exactly what came. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void send(String request) throws IOException {
        send(request.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] request) throws IOException {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
    }

    /** Reads one response framed by Content-Length (all RestLab and Jetty answers are). */
    String readResponse() throws IOException {
        return readResponse(false);
    }

    /** Like {@link #readResponse()}; the answer to HEAD has a length but no body. */
    String readResponse(boolean head) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the head: " + bytes);
            }
            bytes.write(b);
        }
        int length = 0;
        for (String line : bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        bytes.write(in.readNBytes(head ? 0 : length));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Everything until the server closes the connection. */
    String readToEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (java.net.SocketException reset) {
            // Jetty may reset after answering a request it refused to read; keep what came.
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
