package dev.restlab.ui;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.server.ApiServer;
import dev.restlab.testing.Await;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.TrafficLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real server whose capture feeds a traffic log, for the traffic model's and the traffic
 * pane's tests. Batches for the FX thread wait in a queue that the test drains on its own thread
 * while it waits ({@link #until}), standing in for the FX thread.
 */
public final class LiveTraffic implements AutoCloseable {

    private final List<Runnable> fxQueue = new ArrayList<>();
    private final UiThreads threads = new UiThreads(Runnable::run, work -> {
        synchronized (fxQueue) {
            fxQueue.add(work);
        }
    });
    private final TrafficLog log;
    private final ApiServer server;
    private int port;

    /** Starts a server on port 0 whose log keeps at most {@code capacity} exchanges. */
    public LiveTraffic(int capacity) {
        log = new TrafficLog(capacity);
        server = new ApiServer(new InMemoryUserStore(), log);
        port = server.start("127.0.0.1", 0);
    }

    public TrafficLog log() {
        return log;
    }

    public ApiServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts the server again (after a change such as a proxy target) and returns its new port. */
    public int restart() {
        server.stop();
        port = server.start("127.0.0.1", 0);
        return port;
    }

    /** Threads whose FX side is the queue {@link #until} drains. */
    public UiThreads threads() {
        return threads;
    }

    /** Runs the queued FX work as it comes until {@code done} holds; fails after Await's limit. */
    public void until(String what, BooleanSupplier done) {
        Await.until(what, () -> {
            runQueued();
            return done.getAsBoolean();
        });
    }

    private void runQueued() {
        List<Runnable> work;
        synchronized (fxQueue) {
            work = new ArrayList<>(fxQueue);
            fxQueue.clear();
        }
        work.forEach(Runnable::run);
    }

    /** Sends a request as {@code userAgent} would (with the window's tag when it is the window's). */
    public HttpResponse<String> send(String userAgent, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", userAgent);
        if (userAgent.equals(UserApiClient.USER_AGENT)) { // as the window's forms send it
            request.header(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
