package dev.restlab.check;

import dev.restlab.http.Api;
import dev.restlab.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Flask program from {@code src/test/resources/flask/}, run with python3 on 127.0.0.1 and a free
 * port, for tests that check a server RestLab did not write: one of the handout's listings as
 * printed ({@link #listing}), or {@code handout_app.py} (In [7] that kept In [6]'s ?name= filter).
 * Needs python3 with Flask (Debian/Ubuntu: {@code apt-get install python3-flask}; CI installs it).
 */
public final class HandoutFlaskServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    /** {@code handout_app.py}: In [7] with the ?name= filter of In [6] kept. */
    public HandoutFlaskServer() throws IOException {
        this(List.of(resource("handout_app.py").toString()));
    }

    /**
     * One of the handout's listings, {@code in3.py} to {@code in7.py}, kept as printed: each ends
     * with {@code app.run(port=5001)}, so {@code run_listing.py} loads it and runs its app on the
     * free port instead.
     */
    public static HandoutFlaskServer listing(String file) throws IOException {
        return new HandoutFlaskServer(List.of(resource("run_listing.py").toString(), resource(file).toString()));
    }

    private HandoutFlaskServer(List<String> scriptAndArguments) throws IOException {
        port = freePort();
        log = Files.createTempFile("restlab-flask", ".log");
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(scriptAndArguments);
        command.add(String.valueOf(port));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    private static Path resource(String file) throws IOException {
        URL url = HandoutFlaskServer.class.getResource("/flask/" + file);
        if (url == null) {
            throw new IOException("no Flask program " + file + " in the test resources' flask folder");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** What the server printed: its access log, one line per request as the handout shows it. */
    public String output() {
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
