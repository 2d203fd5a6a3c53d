package dev.restlab.testing;

import dev.restlab.http.TargetUrl;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A server on 127.0.0.1, port 0, that behaves exactly as a test scripts it, byte for byte: the
 * other end of RestLab's proxy mode in tests. Each accepted connection runs the script on a
 * thread of its own; heads it read are kept, so a test can see what reached the target.
 *
 * <pre>{@code
 * try (ScriptedTarget target = ScriptedTarget.answering(head -> "HTTP/1.1 204 No Content\r\n\r\n")) {
 *     server.proxyTo(target.url());
 *     ...
 * }
 * }</pre>
 */
public final class ScriptedTarget implements AutoCloseable {

    /** What the target does with one connection. */
    @FunctionalInterface
    public interface Script {
        void serve(Peer peer) throws IOException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    private ScriptedTarget(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A target that runs {@code script} for each connection. */
    public static ScriptedTarget start(Script script) throws IOException {
        return new ScriptedTarget(script);
    }

    /**
     * A target that reads request after request on each connection (head, then a {@code
     * Content-Length} body) and answers each with the bytes {@code answer} gives for its head.
     */
    public static ScriptedTarget answering(Function<String, String> answer) throws IOException {
        return start(peer -> {
            String head;
            while ((head = peer.readRequest()) != null) {
                peer.send(answer.apply(head));
            }
        });
    }

    /** A port on 127.0.0.1 where nothing listens (it was bound a moment ago, then let go). */
    public static int downPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public TargetUrl url() {
        return new TargetUrl("127.0.0.1", port());
    }

    /** The request heads read so far (through the blank line), in order. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections whose script has ended (it returned, or the other side went away). */
    public int ended() {
        return ended.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket each : accepted) {
            each.close();
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                accepted.add(client);
                Thread serving = new Thread(() -> serve(client), "scripted-target-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            script.serve(new Peer(client));
        } catch (IOException e) {
            // The other side went away: the script ends with it.
        } finally {
            ended.incrementAndGet();
        }
    }

    /** One connection to the target, as the script sees it. */
    public final class Peer {
        private final Socket client;
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket client) throws IOException {
            this.client = client;
            this.in = new BufferedInputStream(client.getInputStream());
            this.out = client.getOutputStream();
        }

        /**
         * Reads one request: its head (kept for {@link #heads()}) and a {@code Content-Length}
         * body; returns the head, or null when the connection ended first.
         */
        public String readRequest() throws IOException {
            String head = readHead();
            if (head == null) {
                return null;
            }
            heads.add(head);
            long length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).strip());
                }
            }
            long read = 0;
            byte[] buffer = new byte[8192];
            while (read < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
                if (n < 0) {
                    break;
                }
                read += n;
            }
            lastBodyLength = read;
            return head;
        }

        private long lastBodyLength;

        /** How many body bytes the last request read had. */
        public long lastBodyLength() {
            return lastBodyLength;
        }

        public void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.UTF_8));
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Closes with a reset (RST) instead of an orderly close. */
        public void reset() throws IOException {
            client.setSoLinger(true, 0);
            client.close();
        }

        /** Waits until the other side closes the connection (for a script that never answers). */
        public void awaitClose() throws IOException {
            try {
                while (in.read() >= 0) {
                    // whatever comes is not answered
                }
            } catch (SocketException e) {
                // reset: closed all the same
            }
        }

        /** Reads one request's head only (kept for {@link #heads()}), or null when the connection ended. */
        public String readHeadOnly() throws IOException {
            String head = readHead();
            if (head != null) {
                heads.add(head);
            }
            return head;
        }

        /** Reads exactly {@code count} bytes (a body the script expects), fewer only at the end of the stream. */
        public byte[] readBytes(int count) throws IOException {
            return in.readNBytes(count);
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

    }
}
