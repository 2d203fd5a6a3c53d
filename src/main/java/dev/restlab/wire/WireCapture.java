package dev.restlab.wire;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.ChannelEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.io.NetworkTrafficSocketChannelEndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.NetworkTrafficServerConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Records every HTTP exchange on a Jetty connector into a {@link TrafficLog}, from the bytes
 * that cross each socket: a {@link NetworkTrafficListener} sees them in and out, and an
 * {@link HttpChannel.Listener} bean tells which requests reached the routes, so that Jetty's own
 * rejections (a garbage request line, headers too large) are recorded and marked as such.
 *
 * <p>On the server's threads it only copies bytes and finds message boundaries; turning an
 * exchange into text happens later, in {@link CurlText}, on whoever asks.
 */
public final class WireCapture implements NetworkTrafficListener {

    private final TrafficLog log;
    private final Map<Socket, Conversation> conversations = new ConcurrentHashMap<>();

    private WireCapture(TrafficLog log) {
        this.log = log;
    }

    /** A connector like {@code new ServerConnector(server, factory)} that records into {@code log}. */
    public static ServerConnector connector(Server server, ConnectionFactory factory, TrafficLog log) {
        WireCapture capture = new WireCapture(log);
        ServerConnector connector = new CapturingConnector(server, factory, capture);
        connector.addBean(capture.new DispatchMarker());
        return connector;
    }

    @Override
    public void opened(Socket socket) {
        InetAddress address = socket.getInetAddress();
        conversations.put(socket, new Conversation(log,
                address == null ? "" : address.getHostAddress(), socket.getPort()));
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            conversation.incoming(bytes, System.nanoTime());
        }
    }

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            conversation.outgoing(bytes, System.nanoTime());
        }
    }

    @Override
    public void closed(Socket socket) {
        Conversation conversation = conversations.remove(socket);
        if (conversation != null) {
            conversation.closed(System.nanoTime());
        }
    }

    /** Marks each request that Jetty hands to the routes; the others were Jetty's own answers. */
    private final class DispatchMarker implements HttpChannel.Listener {
        @Override
        public void onBeforeDispatch(Request request) {
            EndPoint endPoint = request.getHttpChannel().getEndPoint();
            if (endPoint instanceof SocketChannelEndPoint socketEndPoint) {
                Conversation conversation = conversations.get(socketEndPoint.getSocket());
                if (conversation != null) {
                    conversation.dispatched();
                }
            }
        }
    }

    /** Jetty's traffic connector, with end points that report only the bytes just read. */
    private static final class CapturingConnector extends NetworkTrafficServerConnector {
        private final List<NetworkTrafficListener> listeners;

        CapturingConnector(Server server, ConnectionFactory factory, NetworkTrafficListener listener) {
            super(server, factory);
            this.listeners = List.of(listener);
        }

        @Override
        protected ChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
            return new FreshBytesEndPoint(channel, selector, key, this);
        }

        long idleTimeout() {
            return getIdleTimeout();
        }
    }

    /**
     * Jetty 9.4 hands the listener a view of its whole read buffer, which may still hold bytes
     * reported before; this end point narrows the view to the bytes of the read just done.
     */
    private static final class FreshBytesEndPoint extends NetworkTrafficSocketChannelEndPoint {
        FreshBytesEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
                CapturingConnector connector) {
            super(channel, selector, key, connector.getScheduler(), connector.idleTimeout(), connector.listeners);
        }

        @Override
        public void notifyIncoming(ByteBuffer buffer, int read) {
            if (read <= 0) {
                return;
            }
            ByteBuffer fresh = buffer.duplicate();
            fresh.position(fresh.limit() - read);
            super.notifyIncoming(fresh, read);
        }
    }
}
