package dev.restlab.server;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;

/**
 * RestLab's own API as the yardstick of a check: a fresh server with users in memory, on
 * 127.0.0.1 and any free port, apart from the one the window may be serving (whose users a
 * check must neither see nor change). Gone when closed.
 */
public final class ReferenceServer implements AutoCloseable {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final ApiServer server = new ApiServer(store);
    private final TargetUrl url;

    private ReferenceServer() {
        url = new TargetUrl(Api.LOOPBACK, server.start(Api.LOOPBACK, 0));
    }

    public static ReferenceServer start() {
        return new ReferenceServer();
    }

    public TargetUrl url() {
        return url;
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
