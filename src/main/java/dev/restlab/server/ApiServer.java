package dev.restlab.server;

import dev.restlab.fault.FaultRules;
import dev.restlab.http.SlowPeerLimits;
import dev.restlab.http.TargetUrl;
import dev.restlab.proxy.HostRule;
import dev.restlab.proxy.ProxyServer;
import dev.restlab.proxy.ProxySettings;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;

/**
 * Starts and stops what RestLab serves on its port: the embedded Spark server with the handout's
 * API, or, in proxy mode ({@link #setProxyTarget}), a {@link ProxyServer} that relays to another
 * server. Synchronous and idempotent; each start ignites a fresh Spark {@link Service}, so one JVM
 * can restart it at will.
 */
public final class ApiServer implements AutoCloseable {

    /**
     * How long a connection may stay silent (no bytes either way) before the server closes it:
     * long enough for a student typing a request by hand into nc, short enough that abandoned
     * keep-alive connections and stalled clients do not pile up.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final UserStore store;
    private final TrafficLog traffic;
    /** Spark's registry of server factories is static and has no remove: one entry per ApiServer. */
    private final String embeddedServerId = "restlab-" + INSTANCES.incrementAndGet();
    private final FaultRules faults = new FaultRules();
    private final JettyServerFactory jettyFactory = new JettyServerFactory(faults);
    private final AllowedHosts allowedHosts = new AllowedHosts();
    private boolean registered;
    private Service spark;
    private Router router;
    private Server jetty;
    private ConnectionsPerClient connectionsPerClient;
    private String host;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private SlowPeerLimits slowPeers = SlowPeerLimits.DEFAULT;
    private TargetUrl proxyTarget;
    private Duration answerTimeout = ProxySettings.DEFAULT_ANSWER_TIMEOUT;
    private ProxyServer proxy;
    private final Map<String, FixedRoute> fixedRoutes = new java.util.LinkedHashMap<>();

    public ApiServer(UserStore store) {
        this(store, null);
    }

    /** @param traffic where every exchange on the wire is recorded, or null to record nothing */
    public ApiServer(UserStore store, TrafficLog traffic) {
        this.store = store;
        this.traffic = traffic;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free port) and returns the bound port.
     * Does nothing but return the port when already running.
     *
     * @throws ServerStartException when the port is taken or the address is not this machine's
     */
    public synchronized int start(String host, int port) {
        if (spark != null || proxy != null) {
            return port();
        }
        if (proxyTarget != null) {
            return startProxy(host, port);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        if (!registered) {
            EmbeddedServers.add(embeddedServerId, new EmbeddedJettyFactory(jettyFactory));
            registered = true;
        }
        InetAddress bound;
        try {
            bound = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ServerStartException("Cannot listen on " + host + ": it is not an address of this"
                    + " computer. Use 127.0.0.1 for this computer only, or 0.0.0.0 for all network interfaces.", e);
        }
        ConnectionsPerClient perClient = new ConnectionsPerClient(JettyServerFactory.MAX_CONNECTIONS_PER_CLIENT);
        jettyFactory.prepare(new JettyServerFactory.Settings(host, bound, port, traffic, idleTimeout.toMillis(),
                allowedHosts, perClient, slowPeers));

        Service service = Service.ignite();
        service.embeddedServerIdentifier(embeddedServerId);
        service.initExceptionHandler(failure::set); // Spark's default calls System.exit
        Router router = new Router(service);
        new UserRoutes(store).declare(router);
        new DocsRoutes(() -> ServedAddresses.urls(host, port())).declare(router);
        fixedRoutes.forEach((path, fixed) -> router.fixed(path, fixed.contentType(), fixed.body()));
        service.init();
        service.awaitInitialization();

        Server server = jettyFactory.created();
        if (failure.get() != null || server == null || !server.isStarted()) {
            service.stop();
            service.awaitStop();
            jettyFactory.release();
            throw startFailure(host, port, failure.get());
        }
        this.spark = service;
        this.router = router;
        this.jetty = server;
        this.connectionsPerClient = perClient;
        this.host = host;
        return port();
    }

    private int startProxy(String host, int port) {
        InetAddress bound = addressOf(host);
        HostRule hosts = (method, targetHost, hostHeaders) -> {
            String refused = HostCheck.firstRefused(allowedHosts, bound, method, targetHost, hostHeaders);
            return refused == null ? null : HostCheck.reason(refused);
        };
        ProxyServer server = new ProxyServer(new ProxySettings(proxyTarget, traffic, idleTimeout, answerTimeout,
                hosts, JettyServerFactory.MAX_CONNECTIONS_PER_CLIENT, slowPeers, faults));
        try {
            server.start(host, port);
        } catch (IOException e) {
            throw startFailure(host, port, e);
        } catch (IllegalArgumentException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
        this.proxy = server;
        this.host = host;
        return server.port();
    }

    private static InetAddress addressOf(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ServerStartException("Cannot listen on " + host + ": it is not an address of this"
                    + " computer. Use 127.0.0.1 for this computer only, or 0.0.0.0 for all network interfaces.", e);
        }
    }

    /**
     * Proxy mode from the next {@link #start}: every request to RestLab's port goes to {@code
     * target} and its answer comes back byte for byte; null for the built-in API again.
     */
    public synchronized void setProxyTarget(TargetUrl target) {
        this.proxyTarget = target;
    }

    /** The server requests are relayed to, as set for the next start; empty for the built-in API. */
    public synchronized Optional<TargetUrl> proxyTarget() {
        return Optional.ofNullable(proxyTarget);
    }

    /** True while serving in proxy mode. */
    public synchronized boolean isProxying() {
        return proxy != null;
    }

    /**
     * In proxy mode, how long the target may take to accept a connection and to begin each answer
     * before the client gets a 502; applies from the next {@link #start}.
     *
     * @throws IllegalArgumentException when not positive
     */
    public synchronized void setAnswerTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("answer timeout must be positive, not " + timeout);
        }
        this.answerTimeout = timeout;
    }

    /** Stops serving and waits until the port is free again. Does nothing when stopped. */
    public synchronized void stop() {
        if (proxy != null) {
            proxy.stop();
            proxy = null;
            host = null;
            return;
        }
        if (spark == null) {
            return;
        }
        spark.stop();
        spark.awaitStop();
        jettyFactory.release();
        spark = null;
        router = null;
        jetty = null;
        connectionsPerClient = null;
        host = null;
    }

    /** The faults this server injects on purpose, changed while it runs; none unless someone adds one. */
    public FaultRules faults() {
        return faults;
    }

    /**
     * Sets how long a silent connection is kept open; applies from the next {@link #start}.
     *
     * @throws IllegalArgumentException when not positive
     */
    public synchronized void setIdleTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, not " + timeout);
        }
        this.idleTimeout = timeout;
    }

    /**
     * Sets how long a client may take to send a request and how many slow ones may be under way,
     * in API mode and in proxy mode alike; applies from the next {@link #start}.
     */
    public synchronized void setSlowPeerLimits(SlowPeerLimits limits) {
        this.slowPeers = java.util.Objects.requireNonNull(limits, "limits");
    }

    /**
     * Adds, from the next {@link #start}, a plain Spark route that answers GET on {@code path}
     * with {@code body}'s bytes and nothing of RestLab's in between (no route checks, no JSON):
     * the limit a route on this same Jetty can reach, which benchmarks measure the API against.
     */
    public synchronized void serveFixed(String path, String contentType, Supplier<byte[]> body) {
        fixedRoutes.put(path, new FixedRoute(contentType, body));
    }

    private record FixedRoute(String contentType, Supplier<byte[]> body) {
    }

    /**
     * Also answers requests whose {@code Host} names {@code name}, from now on, running or not;
     * requests for other names than this machine's are answered 421 (see {@link AllowedHosts}).
     *
     * @throws IllegalArgumentException with a reason, when {@code name} is not a host name
     */
    public void allowHost(String name) {
        allowedHosts.add(name);
    }

    /** The names added with {@link #allowHost}, sorted. */
    public List<String> allowedHosts() {
        return allowedHosts.added();
    }

    /** Connections open right now (for tests of connection handling); 0 when stopped. */
    synchronized int openConnections() {
        if (proxy != null) {
            return proxy.openConnections();
        }
        return jetty == null ? 0 : JettyServerFactory.connectorOf(jetty).getConnectedEndPoints().size();
    }

    /** Connections open from {@code client} now (for tests of the per-client cap); 0 when stopped. */
    synchronized int openConnectionsFrom(InetAddress client) {
        return connectionsPerClient == null ? 0 : connectionsPerClient.openFrom(client);
    }

    /** The running Jetty server (for tests that check a stopped one is let go); null when stopped. */
    synchronized Server jetty() {
        return jetty;
    }

    public synchronized boolean isRunning() {
        return spark != null || proxy != null;
    }

    /**
     * What the running server answers: each path pattern with its methods (see
     * {@link Router#routes()}); empty when stopped.
     */
    public synchronized Map<String, Set<String>> routes() {
        return router == null ? Map.of() : router.routes();
    }

    /** The bound port, or -1 when stopped. */
    public synchronized int port() {
        if (proxy != null) {
            return proxy.port();
        }
        return jetty == null ? -1 : JettyServerFactory.connectorOf(jetty).getLocalPort();
    }

    /** The address the server listens on, or null when stopped. */
    public synchronized String host() {
        return host;
    }

    @Override
    public void close() {
        stop();
    }

    private static ServerStartException startFailure(String host, int port, Exception cause) {
        Throwable root = cause;
        while (root != null && !(root instanceof BindException) && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof BindException bind) {
            String reason = bind.getMessage() == null ? "" : bind.getMessage();
            if (reason.contains("in use")) {
                return new ServerStartException("Port " + port + " is already in use on " + host
                        + ": another program (or another RestLab) is serving there. Stop it, or choose"
                        + " another port.", cause);
            }
            return new ServerStartException("Cannot listen on " + host + ":" + port + " (" + reason
                    + "). Use 127.0.0.1 for this computer only, or 0.0.0.0 for all network interfaces.",
                    cause);
        }
        return new ServerStartException("The server could not start on " + host + ":" + port + ": "
                + (cause == null ? "unknown reason" : cause.getMessage()), cause);
    }
}
