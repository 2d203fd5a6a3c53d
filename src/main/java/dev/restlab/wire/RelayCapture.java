package dev.restlab.wire;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the exchanges of one client connection whose bytes RestLab relays itself (proxy mode),
 * the same way {@link WireCapture} records a Jetty connection: from the bytes that cross the
 * client's socket, in each direction, in the order they cross it. The relay tells which answers
 * came from the target ({@link #answeredByTarget()}); the others were RestLab's own (a 502 when
 * the target failed, a 421 for another host) and are recorded as {@link Exchange#rejected()}.
 *
 * <p>A fault in the capture never breaks the connection it watches: it stops recording it.
 */
public final class RelayCapture {

    private static final Logger LOG = LoggerFactory.getLogger(RelayCapture.class);

    private final Conversation conversation;
    private final Connection connection;
    private volatile boolean following = true;

    private RelayCapture(Conversation conversation, Connection connection) {
        this.conversation = conversation;
        this.connection = connection;
    }

    /**
     * Starts recording a connection just accepted from {@code client} and relayed to {@code target}.
     *
     * @param target the target's URL, as {@link Connection#relayedTo()} shows it
     */
    public static RelayCapture open(TrafficLog log, InetSocketAddress client, String target) {
        Connection connection = new Connection(log.nextConnectionId(), client.getAddress().getHostAddress(),
                client.getPort(), Instant.now(), System.nanoTime(), target);
        return new RelayCapture(new Conversation(log, connection), connection);
    }

    /** Bytes the client sent (from position to limit; the buffer is not moved). */
    public void fromClient(ByteBuffer bytes) {
        if (following) {
            try {
                conversation.incoming(bytes.asReadOnlyBuffer(), System.nanoTime());
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    /** Bytes written to the client (from position to limit; the buffer is not moved). */
    public void toClient(ByteBuffer bytes) {
        if (following) {
            try {
                conversation.outgoing(bytes.asReadOnlyBuffer(), System.nanoTime());
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    /** The next answer the client gets is the target's; call before its first byte is written. */
    public void answeredByTarget() {
        conversation.dispatched();
    }

    /**
     * The client's {@code number}th request on this connection (1, 2, ...) was passed on to the
     * target: if the connection closes before its answer, it is recorded as a request that got none.
     */
    public void forwarded(long number) {
        if (following) {
            conversation.handled(number);
        }
    }

    /**
     * A fault rule is at work on the client's {@code number}th request on this connection (1, 2,
     * ...): its exchange names the rule; {@code reset} says the relay resets the connection
     * instead of answering it.
     */
    public void faultOnPurpose(long number, String rule, boolean reset) {
        if (following) {
            conversation.noteFault(number, rule, reset);
        }
    }

    /** The client closed its side: if the connection then closes unanswered, the client gave up. */
    public void clientEnded() {
        if (following) {
            conversation.clientEnded();
        }
    }

    /**
     * Nothing more goes to the client (the connection is closing or closed): what was answered is
     * recorded, even if cut short, and what the client sends from now on is not. Safe to call twice.
     */
    public void closed() {
        if (following) {
            following = false;
            conversation.closed(System.nanoTime());
        }
    }

    private void stop(RuntimeException fault) {
        following = false;
        LOG.warn("The capture stopped following the relayed connection {}; its exchanges are not recorded",
                connection, fault);
    }
}
