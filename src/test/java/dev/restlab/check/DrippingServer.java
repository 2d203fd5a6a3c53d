package dev.restlab.check;

import dev.restlab.testing.ScriptedTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that answers requests whose head starts with a prefix one byte every 200 ms, as a
 * stuck or hostile server might, and every other request at once with a 404. The bytes are
 * written by a scheduler, so nothing here sleeps; each drip ends when the client goes away.
 */
final class DrippingServer implements AutoCloseable {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n"
            + "<h1>The server is up and running!</h1>\n").getBytes(StandardCharsets.US_ASCII);

    private final ScheduledExecutorService drips = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "dripping-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger sent = new AtomicInteger();
    private final ScriptedTarget target;

    /** Drips the answer to each request whose head starts with {@code prefix} ("" for every request). */
    DrippingServer(String prefix) throws IOException {
        target = ScriptedTarget.start(peer -> {
            String head = peer.readRequest();
            if (head == null) {
                return;
            }
            if (!head.startsWith(prefix)) {
                peer.send("HTTP/1.1 404 NOT FOUND\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n"
                        + "Connection: close\r\n\r\nNot found\n");
                return;
            }
            CompletableFuture<Void> gone = new CompletableFuture<>();
            AtomicInteger at = new AtomicInteger();
            drips.scheduleAtFixedRate(() -> {
                int i = at.getAndIncrement();
                try {
                    if (gone.isDone() || i >= ANSWER.length) {
                        gone.complete(null);
                        throw new IllegalStateException("this drip is over"); // ends the schedule
                    }
                    peer.send(new byte[] {ANSWER[i]});
                    sent.incrementAndGet();
                } catch (IOException clientWentAway) {
                    gone.complete(null);
                    throw new IllegalStateException("the client went away", clientWentAway);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            gone.join();
        });
    }

    int port() {
        return target.port();
    }

    int bytesSent() {
        return sent.get();
    }

    @Override
    public void close() throws IOException {
        drips.shutdownNow();
        target.close();
    }
}
