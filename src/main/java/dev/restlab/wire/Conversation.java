package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One client connection: pairs the requests read from it with the responses written to it, in
 * order, and records each exchange once both sides are complete, or when the connection closes.
 * Jetty may read and write one connection from different threads, hence the lock.
 */
final class Conversation implements MessageReader.Events {

    private final TrafficLog log;
    private final String clientAddress;
    private final int clientPort;
    private final MessageReader requestReader = new MessageReader(true, this);
    private final MessageReader responseReader = new MessageReader(false, this);
    /** Requests not yet recorded, oldest first; each gets the next response to start. */
    private final ArrayDeque<Message> requests = new ArrayDeque<>();
    private long dispatched;
    private long recorded;

    Conversation(TrafficLog log, String clientAddress, int clientPort) {
        this.log = log;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
    }

    synchronized void incoming(ByteBuffer bytes, long nanos) {
        requestReader.feed(bytes, nanos);
    }

    synchronized void outgoing(ByteBuffer bytes, long nanos) {
        responseReader.feed(bytes, nanos);
    }

    /** A request of this connection reached the routes: Jetty did not reject it. */
    synchronized void dispatched() {
        dispatched++;
    }

    /** Records what was answered, even if cut short; a request that got no answer is dropped. */
    synchronized void closed(long nanos) {
        for (Message request : requests) {
            if (request.partner != null) {
                request.partner.lastNanos = Math.max(request.partner.lastNanos, nanos);
                record(request, request.partner);
            }
        }
        requests.clear();
    }

    @Override
    public void started(Message message, boolean isRequest) {
        if (isRequest) {
            requests.addLast(message);
            return;
        }
        for (Message request : requests) {
            if (request.partner == null) {
                pair(request, message);
                return;
            }
        }
        Message none = Message.none(message.firstNanos); // Jetty spoke first
        requests.addLast(none);
        pair(none, message);
    }

    @Override
    public void completed(Message message) {
        while (!requests.isEmpty()) {
            Message request = requests.peekFirst();
            Message response = request.partner;
            if (!request.complete || response == null || !response.complete) {
                return;
            }
            requests.removeFirst();
            record(request, response);
        }
    }

    @Override
    public String requestMethodOf(Message response) {
        return response.partner == null ? "" : response.partner.first;
    }

    private static void pair(Message request, Message response) {
        request.partner = response;
        response.partner = request;
    }

    private void record(Message request, Message response) {
        if (!request.headComplete) {
            request.parseHead(true);
        }
        if (!response.headComplete) {
            response.parseHead(false);
        }
        recorded++;
        long end = Math.max(request.lastNanos, response.lastNanos);
        log.record(new Exchange(0, request.started, clientAddress, clientPort,
                Math.max(0, (end - request.firstNanos) / 1_000), request.first, request.second,
                request.third, request.headers, request.body.toArray(), request.body.size(),
                response.status(), response.third, response.first,
                response.headers, response.body.toArray(), response.body.size(),
                request.wireBytes, response.wireBytes, dispatched < recorded,
                response.interim == null ? "" : response.interim.toString()));
    }
}
