package dev.restlab.wire;

import java.io.IOException;
import dev.restlab.http.IpAddresses;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.ChannelEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every HTTP exchange on a Jetty connector into a {@link TrafficLog}, from the bytes
 * that cross each socket: as a {@link NetworkTrafficListener} it sees them in and out, and an
 * {@link HttpChannel.Listener} bean tells which requests reached the routes, so that Jetty's own
 * rejections (a garbage request line, headers too large) are recorded and marked as such.
 *
 * <p>On the server's threads it only copies bytes and finds message boundaries; turning an
 * exchange into text happens later, in {@link CurlText}, on whoever asks.
 */
public final class WireCapture implements NetworkTrafficListener {

    private static final Logger LOG = LoggerFactory.getLogger(WireCapture.class);

    private final TrafficLog log;
    private final Map<Socket, Conversation> conversations = new ConcurrentHashMap<>();

    private WireCapture(TrafficLog log) {
        this.log = log;
    }

    /**
     * A connector like {@code new ServerConnector(server, factory)} that records into {@code log}.
     * The capture cuts requests by {@link HttpFraming#RULES}: give a factory from {@link
     * HttpFraming#connectionFactory}, so that the server does too.
     */
    public static ServerConnector connector(Server server, ConnectionFactory factory, TrafficLog log) {
        WireCapture capture = new WireCapture(log);
        ServerConnector connector = new CapturingConnector(server, factory, capture);
        connector.addBean(capture.new DispatchMarker());
        return connector;
    }

    @Override
    public void opened(Socket socket) {
        InetAddress address = socket.getInetAddress();
        Connection connection = new Connection(log.nextConnectionId(),
                address == null ? "" : IpAddresses.text(address), socket.getPort(), Instant.now(),
                System.nanoTime());
        conversations.put(socket, new Conversation(log, connection));
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            try {
                conversation.incoming(bytes, System.nanoTime());
            } catch (RuntimeException e) {
                stopFollowing(socket, e);
            }
        }
    }

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            try {
                conversation.outgoing(bytes, System.nanoTime());
            } catch (RuntimeException e) {
                stopFollowing(socket, e);
            }
        }
    }

    @Override
    public void closed(Socket socket) {
        Conversation conversation = conversations.remove(socket);
        if (conversation != null) {
            conversation.closed(System.nanoTime());
        }
    }

    /**
     * Tells the capture of {@code endPoint}'s connection that a fault rule is at work on the
     * request being answered now, before the rule acts: a reset or a hang leaves no answer that
     * could name the rule, so the capture learns it here. {@code reset} says the connection is
     * about to be reset instead of answered. Does nothing for a connection no capture follows.
     */
    public static void noteFault(EndPoint endPoint, String rule, boolean reset) {
        if (endPoint instanceof CapturingEndPoint capturing) {
            capturing.capture.noted(capturing.getSocket(), rule, reset);
        }
    }

    private void noted(Socket socket, String rule, boolean reset) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            conversation.noteFault(rule, reset);
        }
    }

    /** The client closed its side: if the connection then closes unanswered, the client gave up. */
    private void clientEnded(Socket socket) {
        Conversation conversation = conversations.get(socket);
        if (conversation != null) {
            conversation.clientEnded();
        }
    }

    /** A fault in the capture must not break the connection it watches: it stops watching it. */
    private void stopFollowing(Socket socket, RuntimeException fault) {
        conversations.remove(socket);
        LOG.warn("The capture stopped following the connection from {}; its exchanges are not recorded",
                socket.getRemoteSocketAddress(), fault);
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

    /**
     * A connector whose end points tell a {@link NetworkTrafficListener} every byte read and
     * written. Jetty's own NetworkTrafficServerConnector does the same, but its end point writes
     * each buffer of a response (head, body) with a system call of its own, which cost about a
     * quarter of the requests per second in bench/capture.sh; this one keeps Jetty's gathering
     * write and reports only the bytes of each read (Jetty's reports its whole read buffer).
     */
    private static final class CapturingConnector extends ServerConnector {
        private final WireCapture listener;

        CapturingConnector(Server server, ConnectionFactory factory, WireCapture listener) {
            super(server, factory);
            this.listener = listener;
        }

        @Override
        protected ChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
            CapturingEndPoint endPoint = new CapturingEndPoint(channel, selector, key, getScheduler(), listener);
            endPoint.setIdleTimeout(getIdleTimeout());
            return endPoint;
        }
    }

    /**
     * A socket end point that shows the listener each read and each write, as they happen, and
     * the client's end of the connection (a read that finds it).
     */
    private static final class CapturingEndPoint extends SocketChannelEndPoint {
        private final NetworkTrafficListener listener;
        private final WireCapture capture;

        CapturingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
                Scheduler scheduler, WireCapture capture) {
            super(channel, selector, key, scheduler);
            this.listener = capture;
            this.capture = capture;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            listener.opened(getSocket());
        }

        @Override
        public void onClose() {
            super.onClose();
            listener.closed(getSocket());
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            int read = super.fill(buffer);
            if (read > 0) {
                ByteBuffer fresh = buffer.asReadOnlyBuffer();
                fresh.position(fresh.limit() - read);
                listener.incoming(getSocket(), fresh);
            } else if (read < 0) {
                capture.clientEnded(getSocket());
            }
            return read;
        }

        @Override
        public boolean flush(ByteBuffer... buffers) throws IOException {
            int[] from = new int[buffers.length];
            for (int i = 0; i < buffers.length; i++) {
                from[i] = buffers[i].position();
            }
            boolean all = super.flush(buffers);
            for (int i = 0; i < buffers.length; i++) {
                ByteBuffer buffer = buffers[i];
                if (buffer.position() > from[i]) {
                    ByteBuffer written = buffer.asReadOnlyBuffer();
                    written.limit(buffer.position());
                    written.position(from[i]);
                    listener.outgoing(getSocket(), written);
                }
            }
            return all;
        }
    }
}
