package dev.restlab.check;

import dev.restlab.http.Api;
import dev.restlab.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The handout's own Flask program ({@code src/test/resources/flask/handout_app.py}), run with
 * python3 on 127.0.0.1 and a free port, for tests that check a server RestLab did not write.
 * Needs python3 with Flask (Debian/Ubuntu: {@code apt-get install python3-flask}; CI installs it).
 */
public final class HandoutFlaskServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    public HandoutFlaskServer() throws IOException {
        Path script;
        try {
            script = Path.of(HandoutFlaskServer.class.getResource("/flask/handout_app.py").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        port = freePort();
        log = Files.createTempFile("restlab-flask", ".log");
        process = new ProcessBuilder("python3", script.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until(() -> "the handout's Flask server to listen on port " + port + " (python3 with Flask"
                    + " installed? apt-get install python3-flask). Its output: " + output(), Duration.ofSeconds(30),
                    () -> !process.isAlive() || listening());
            if (!process.isAlive()) {
                throw new IllegalStateException("the handout's Flask server did not start (python3 with Flask"
                        + " installed? apt-get install python3-flask). Its output: " + output());
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** What the server printed: its access log, one line per request as the handout shows it. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Api.LOOPBACK, port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Api.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file; the system cleans it up
        }
    }
}
