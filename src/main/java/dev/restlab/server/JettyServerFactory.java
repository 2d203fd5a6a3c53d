package dev.restlab.server;

import dev.restlab.fault.FaultRules;
import dev.restlab.http.SlowPeerLimits;
import dev.restlab.wire.HttpFraming;
import dev.restlab.wire.TrafficLog;
import dev.restlab.wire.WireCapture;
import java.net.InetAddress;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Builds the Jetty server Spark runs on, with RestLab's own connector: Spark keeps a connector it
 * finds, so host, port and the HTTP settings are ours, not Spark's defaults.
 *
 * <p>Spark keeps every factory it is given in a static map for the life of the JVM, so one
 * {@link ApiServer} registers one factory once, and the factory holds what a start needs only
 * from {@link #prepare} until {@link #release}: a stopped server is not kept.
 */
final class JettyServerFactory implements spark.embeddedserver.jetty.JettyServerFactory {

    /**
     * What the next server is built with.
     *
     * @param bound the address {@code host} stands for
     * @param traffic where every exchange is recorded, or null to record nothing
     * @param idleTimeoutMillis a connection silent this long is closed (keep-alive or stalled)
     * @param allowedHosts the host names requests may name; others are answered 421
     * @param connectionsPerClient counts each client's connections and closes those over the cap
     * @param slowPeers how long a request may take to arrive, and how many may be receiving bodies at once
     */
    record Settings(String host, InetAddress bound, int port, TrafficLog traffic, long idleTimeoutMillis,
            AllowedHosts allowedHosts, ConnectionsPerClient connectionsPerClient, SlowPeerLimits slowPeers) {
    }

    private final FaultRules faults;
    private volatile Settings next;
    private volatile Server created;

    /** @param faults the misbehaviour asked for, applied in front of the routes (none unless asked for) */
    JettyServerFactory(FaultRules faults) {
        this.faults = faults;
    }

    /** Sets what the server Spark asks for next is built with. */
    void prepare(Settings settings) {
        this.next = settings;
        this.created = null;
    }

    /** Forgets the settings and the server built with them, so that a stopped server can go. */
    void release() {
        this.next = null;
        this.created = null;
    }

    /**
     * Threads that run requests. A request whose body is still arriving, or whose answer the
     * client is not reading, holds one; a class of 30 needs a few dozen at most.
     */
    static final int MAX_THREADS = 200;
    /**
     * Open connections one client (one IP address) may have. A load test with 32 connections
     * and a browser's 6 fit; one client holding this many threads leaves the rest of the pool
     * to everyone else (see {@link ConnectionsPerClient}).
     */
    static final int MAX_CONNECTIONS_PER_CLIENT = 64;
    /**
     * Slowest a request body may arrive, counted from its first byte: 1 byte per second keeps a
     * body typed line by line into nc alive, but ends a body trickled a byte per idle timeout.
     */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1;

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
        pool.setName("restlab-http");
        return create(pool);
    }

    @Override
    public Server create(ThreadPool threadPool) {
        Settings settings = next;
        if (settings == null) {
            throw new IllegalStateException("no settings: prepare() before Spark starts");
        }
        Server server = new Server(threadPool) {
            @Override
            public void setHandler(Handler spark) {
                // Spark sets its own handler on the server it is given: ours go in front of it,
                // the Host check first, so that no request for another host reaches anything.
                super.setHandler(spark == null ? null : hostChecked(new FaultInjector(faults,
                        settings.idleTimeoutMillis(), new PathlessTargets(spark)), settings));
            }
        };
        HttpConfiguration http = new HttpConfiguration();
        http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        // No minimum response rate: Jetty counts it from the first byte written, so a server slowed
        // down by its own machine would cut its own answers. A client that does not read holds its
        // thread until the idle timeout, and one client holds at most MAX_CONNECTIONS_PER_CLIENT.
        http.addCustomizer(new SingleHostHeader());
        http.addCustomizer((connector, config, request) -> {
            // Spark would route by this header; RestLab shows plain HTTP, so the request line wins.
            request.getHttpFields().remove("X-HTTP-Method-Override");
        });
        HttpConnectionFactory http1 = HttpFraming.connectionFactory(http);
        ServerConnector connector = settings.traffic() == null ? new ServerConnector(server, http1)
                : WireCapture.connector(server, http1, settings.traffic());
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeoutMillis());
        connector.addBean(settings.connectionsPerClient());
        connector.addBean(new SlowRequestSweeper(connector, settings.slowPeers()));
        server.addConnector(connector);
        server.setStopTimeout(2_000);
        created = server;
        return server;
    }

    private static Handler hostChecked(Handler handler, Settings settings) {
        HostCheck check = new HostCheck(settings.allowedHosts(), settings.bound());
        check.setHandler(handler);
        return check;
    }

    /** The server Spark asked for since {@link #prepare}, or null when Spark never got that far. */
    Server created() {
        return created;
    }

    static ServerConnector connectorOf(Server server) {
        return (ServerConnector) server.getConnectors()[0];
    }

}
