package dev.restlab.server;

import dev.restlab.wire.TrafficLog;
import dev.restlab.wire.WireCapture;
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
 */
final class JettyServerFactory implements spark.embeddedserver.jetty.JettyServerFactory {

    private final String host;
    private final int port;
    private final TrafficLog traffic;
    private final long idleTimeoutMillis;
    private volatile Server created;

    /**
     * @param traffic where every exchange is recorded, or null to record nothing
     * @param idleTimeoutMillis a connection silent this long is closed (keep-alive or stalled)
     */
    JettyServerFactory(String host, int port, TrafficLog traffic, long idleTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.traffic = traffic;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000);
        pool.setName("restlab-http");
        return create(pool);
    }

    @Override
    public Server create(ThreadPool threadPool) {
        Server server = new Server(threadPool) {
            @Override
            public void setHandler(Handler spark) {
                // Spark sets its own handler on the server it is given: ours goes in front of it.
                super.setHandler(new PathlessTargets(spark));
            }
        };
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer((connector, config, request) -> {
            // Spark would route by this header; RestLab shows plain HTTP, so the request line wins.
            request.getHttpFields().remove("X-HTTP-Method-Override");
        });
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        ServerConnector connector = traffic == null ? new ServerConnector(server, http1)
                : WireCapture.connector(server, http1, traffic);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeoutMillis);
        server.addConnector(connector);
        server.setStopTimeout(2_000);
        created = server;
        return server;
    }

    /** The server Spark asked for, or null when Spark never got that far. */
    Server created() {
        return created;
    }

    static ServerConnector connectorOf(Server server) {
        return (ServerConnector) server.getConnectors()[0];
    }

}
