package dev.restlab.wire;

import java.time.Instant;
import java.util.Optional;

/**
 * One client connection (socket) to the server: an id unique for the traffic log's life, the
 * client's address and port, and when it was accepted and closed. Shared by the exchanges made on
 * it; only the closing time changes, once.
 *
 * <p>Times are also kept on the capture's own monotonic clock ({@code acceptedNanos}), so that
 * the phases of its exchanges can be placed against the accept without wall-clock jumps.
 */
public final class Connection {

    private final long id;
    private final String clientAddress;
    private final int clientPort;
    private final Instant accepted;
    private final long acceptedNanos;
    private final String relayedTo;
    private volatile long closedNanos = -1;

    public Connection(long id, String clientAddress, int clientPort, Instant accepted, long acceptedNanos) {
        this(id, clientAddress, clientPort, accepted, acceptedNanos, null);
    }

    /** @param relayedTo the URL of the server RestLab relayed this connection to (proxy mode), or null */
    public Connection(long id, String clientAddress, int clientPort, Instant accepted, long acceptedNanos,
            String relayedTo) {
        this.id = id;
        this.clientAddress = clientAddress == null ? "" : clientAddress;
        this.clientPort = clientPort;
        this.accepted = accepted;
        this.acceptedNanos = acceptedNanos;
        this.relayedTo = relayedTo;
    }

    public long id() {
        return id;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public int clientPort() {
        return clientPort;
    }

    public Instant accepted() {
        return accepted;
    }

    /** The accept on the capture's clock ({@link System#nanoTime()}). */
    public long acceptedNanos() {
        return acceptedNanos;
    }

    /**
     * The server RestLab relayed this connection's requests to (proxy mode), e.g. {@code
     * http://127.0.0.1:5000}; empty when RestLab's own API answered.
     */
    public Optional<String> relayedTo() {
        return Optional.ofNullable(relayedTo);
    }

    /** When the connection closed, or empty while it is open. */
    public Optional<Instant> closed() {
        long nanos = closedNanos;
        return nanos < 0 ? Optional.empty() : Optional.of(at(nanos));
    }

    /** The close on the capture's clock, or -1 while open. */
    public long closedNanos() {
        return closedNanos;
    }

    /** The wall-clock time of a moment on the capture's clock. */
    public Instant at(long nanos) {
        return accepted.plusNanos(nanos - acceptedNanos);
    }

    /**
     * Records the close, at {@code nanos} on the capture's clock; only the first call counts. Public
     * for traffic made elsewhere than the capture (tests, imports).
     */
    public void markClosed(long nanos) {
        if (closedNanos < 0) {
            closedNanos = Math.max(nanos, acceptedNanos);
        }
    }

    @Override
    public String toString() {
        return "Connection[" + id + " " + clientAddress + ":" + clientPort + "]";
    }
}
