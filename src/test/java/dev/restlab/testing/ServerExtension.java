package dev.restlab.testing;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@link ApiServer} on 127.0.0.1, port 0, for server tests, with its traffic log, an HTTP
 * client and raw sockets to it; the server is stopped (and its store closed) after each test.
 * In the spirit of Javalin's {@code JavalinTest.test(app, (server, client) -> …)}:
 *
 * <pre>{@code
 * @RegisterExtension
 * final ServerExtension server = new ServerExtension();   // in-memory store, traffic recorded
 *
 * @Test
 * void root_answers_200() throws Exception {
 *     assertEquals(200, server.client().get("/").statusCode());
 *     try (RawConnection raw = server.connect()) {
 *         raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
 *         assertEquals(200, raw.readResponse().status());
 *     }
 *     Exchange recorded = server.awaitExchange(x -> x.target().equals("/"));
 * }
 * }</pre>
 *
 * Registered on an instance field, each test gets a fresh server and store. Registered on a
 * static field, one server serves the whole class (for classes whose tests share costly setup
 * and do not disturb each other), stopped after the last test.
 */
public final class ServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private Supplier<? extends UserStore> storeFactory = InMemoryUserStore::new;
    private Supplier<TrafficLog> trafficFactory = TrafficLog::new;
    private Duration idleTimeout = ApiServer.DEFAULT_IDLE_TIMEOUT;

    private boolean perClass;
    private UserStore store;
    private TrafficLog traffic;
    private ApiServer api;
    private TestClient client;

    /** Serves from a store made by {@code factory} (one per server) instead of an in-memory one. */
    public ServerExtension withStore(Supplier<? extends UserStore> factory) {
        this.storeFactory = factory;
        return this;
    }

    /** Records traffic into a log made by {@code factory} (e.g. a small one) instead of a default one. */
    public ServerExtension withTraffic(Supplier<TrafficLog> factory) {
        this.trafficFactory = factory;
        return this;
    }

    /** Records no traffic: the server runs without a capture. */
    public ServerExtension withoutTraffic() {
        this.trafficFactory = () -> null;
        return this;
    }

    /** Closes connections silent for {@code timeout} (see {@link ApiServer#setIdleTimeout}). */
    public ServerExtension withIdleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (api == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /**
     * Stops the server and starts it again on a new port with the same store and traffic log,
     * e.g. after {@code api().setIdleTimeout(…)}, which applies from the next start. Clients made before
     * point at the old port: ask for new ones.
     */
    public void restart() {
        running().stop();
        client = new TestClient(api.start(Api.LOOPBACK, 0));
    }

    /**
     * Restarts the server in proxy mode, relaying to {@code target} (see {@link
     * ApiServer#setProxyTarget}); its traffic log goes on recording, now the relayed exchanges.
     */
    public void proxyTo(TargetUrl target) {
        running().setProxyTarget(target);
        restart();
    }

    /** The running server itself, for tests of its lifecycle and settings. */
    public ApiServer api() {
        return running();
    }

    /** The bound port on 127.0.0.1. */
    public int port() {
        return running().port();
    }

    /** The store the server serves from: put data in directly or check what requests did. */
    public UserStore store() {
        running();
        return store;
    }

    /**
     * The log the server records every exchange into.
     *
     * @throws IllegalStateException when configured {@link #withoutTraffic()}
     */
    public TrafficLog traffic() {
        running();
        if (traffic == null) {
            throw new IllegalStateException("this server records no traffic (withoutTraffic)");
        }
        return traffic;
    }

    /** Convenient HTTP/1.1 to the server. */
    public TestClient client() {
        running();
        return client;
    }

    /** A new raw socket to the server; close it (try-with-resources). */
    public RawConnection connect() throws IOException {
        return RawConnection.open(port());
    }

    /** A new raw socket with a small receive buffer, so the server's writes to it stall. */
    public RawConnection connect(int receiveBufferBytes) throws IOException {
        return RawConnection.open(port(), receiveBufferBytes);
    }

    /**
     * Sends {@code request} exactly as given on a fresh connection and reads one response. The
     * connection is then closed, so a request without {@code Connection: close} works as well.
     */
    public RawResponse exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #exchange(String)}, with exact bytes. */
    public RawResponse exchange(byte[] request) throws IOException {
        return RawConnection.exchange(port(), request);
    }

    /**
     * Sends {@code METHOD target HTTP/1.1} with {@code Host: 127.0.0.1} and {@code Connection:
     * close} and no body on a fresh connection, and reads the response.
     */
    public RawResponse exchange(String method, String target) throws IOException {
        return RawConnection.exchange(port(), method, target);
    }

    /**
     * Sends exact bytes on a fresh connection and returns everything that comes back until the
     * server closes it: for rejected requests, where what follows the answer matters too.
     */
    public byte[] answerUntilClosed(byte[] request) throws IOException {
        try (RawConnection connection = connect()) {
            connection.send(request);
            return connection.readToEnd();
        }
    }

    /** As {@link #answerUntilClosed(byte[])}, the request and answer as UTF-8 text. */
    public String answerUntilClosed(String request) throws IOException {
        return new String(answerUntilClosed(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Waits until the traffic log holds at least {@code count} exchanges and returns them all. */
    public List<Exchange> awaitExchanges(int count) {
        TrafficLog log = traffic();
        Await.until(() -> count + " exchanges in the traffic log, have " + log.snapshot().size(),
                Await.DEFAULT_LIMIT, () -> log.snapshot().size() >= count);
        return log.snapshot();
    }

    /** Waits for the first recorded exchange that matches and returns it. */
    public Exchange awaitExchange(Predicate<Exchange> match) {
        TrafficLog log = traffic();
        Await.until(() -> "a matching exchange in the traffic log " + log.snapshot(), Await.DEFAULT_LIMIT,
                () -> log.snapshot().stream().anyMatch(match));
        return log.snapshot().stream().filter(match).findFirst().orElseThrow();
    }

    private void start() {
        store = storeFactory.get();
        traffic = trafficFactory.get();
        api = new ApiServer(store, traffic);
        api.setIdleTimeout(idleTimeout);
        client = new TestClient(api.start(Api.LOOPBACK, 0));
    }

    private void stop() throws Exception {
        try {
            if (api != null) {
                api.stop();
            }
        } finally {
            api = null;
            client = null;
            traffic = null;
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }

    private ApiServer running() {
        if (api == null) {
            throw new IllegalStateException("no server: the extension starts one before each test"
                    + " (register it with @RegisterExtension)");
        }
        return api;
    }
}
