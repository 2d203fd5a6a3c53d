package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The capture seen from the client's end of one connection: RestLab sends a request to some
 * server and hands over the bytes it sent and the bytes that came back, as they came; they are
 * cut into an {@link Exchange} by the same readers the server-side capture uses, so an answer
 * from another server is shown, checked and rendered exactly like one RestLab's server gave.
 * Not thread-safe: one connection, one thread.
 */
public final class ClientCapture {

    private final TrafficLog log = new TrafficLog(4);
    private final Conversation conversation;
    private boolean sentAny;

    /** @param server the address and port of the server connected to, shown as the connection's peer */
    public ClientCapture(String server, int port) {
        conversation = new Conversation(log, new Connection(1, server, port, Instant.now(), System.nanoTime()), false);
    }

    /** Bytes written to the server. */
    public void sent(byte[] bytes, int offset, int length) {
        conversation.incoming(ByteBuffer.wrap(bytes, offset, length), System.nanoTime());
        if (!sentAny) {
            sentAny = true;
            conversation.dispatched(); // another server's answer is never "Jetty answered by itself"
        }
    }

    /** Bytes read from the server. */
    public void received(byte[] bytes, int offset, int length) {
        conversation.outgoing(ByteBuffer.wrap(bytes, offset, length), System.nanoTime());
    }

    /** The first exchange, once its response is complete (before the connection closes). */
    public Optional<Exchange> answered() {
        List<Exchange> done = log.snapshot();
        return done.isEmpty() ? Optional.empty() : Optional.of(done.get(0));
    }

    /**
     * Why the server's answer is not one RestLab reads further, in words that follow "the server
     * answered, but": not HTTP, or interim ({@code 1xx}) answers without end. Empty while it is.
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(conversation.answerRefusal());
    }

    /**
     * The connection ended: the first exchange, with a response cut short if it was; empty when
     * nothing at all came back.
     */
    public Optional<Exchange> closed() {
        conversation.closed(System.nanoTime());
        return answered();
    }
}
