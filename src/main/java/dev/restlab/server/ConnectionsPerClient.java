package dev.restlab.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;

/**
 * Closes a new connection as it is accepted when its client (one remote IP address) already has
 * {@code max} open. A connection whose body never arrives, or whose answer is never read, holds
 * one of the server's threads while it lasts; without a cap per client, one program opening a
 * few hundred such connections holds them all and nobody else is answered. With it, one client
 * holds at most {@code max}, and the rest of the pool serves everyone else.
 *
 * <p>A Jetty bean on the connector. A refused socket is closed before Jetty makes an HTTP
 * connection of it, so nothing is parsed, answered or logged for it.
 */
final class ConnectionsPerClient implements SelectorManager.AcceptListener, Connection.Listener {

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Accepted sockets not yet connections, with the client they were counted for. */
    private final Map<SelectableChannel, InetAddress> accepting = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> connections = new ConcurrentHashMap<>();
    private final Set<SelectableChannel> refused = ConcurrentHashMap.newKeySet();

    ConnectionsPerClient(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one connection per client, not " + max);
        }
        this.max = max;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress client = clientOf(channel);
        if (client == null) {
            return;
        }
        boolean[] admitted = {false};
        open.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < max;
            return admitted[0] ? now + 1 : count;
        });
        if (admitted[0]) {
            accepting.put(channel, client);
            return;
        }
        refused.add(channel); // Jetty reports the closed channel as a failed accept next
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket nobody uses yet: nothing to tell anyone.
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        if (refused.remove(channel)) {
            return;
        }
        uncount(accepting.remove(channel));
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = accepting.remove(connection.getEndPoint().getTransport());
        if (client != null) {
            connections.put(connection, client);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        uncount(connections.remove(connection));
    }

    /** Connections this client holds now. */
    int openFrom(InetAddress client) {
        return open.getOrDefault(client, 0);
    }

    private void uncount(InetAddress client) {
        if (client != null) {
            open.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    private static InetAddress clientOf(SelectableChannel channel) {
        if (!(channel instanceof SocketChannel socket)) {
            return null;
        }
        try {
            SocketAddress remote = socket.getRemoteAddress();
            return remote instanceof InetSocketAddress address ? address.getAddress() : null;
        } catch (IOException e) {
            return null; // already gone: Jetty fails its accept, and nothing was counted
        }
    }
}
