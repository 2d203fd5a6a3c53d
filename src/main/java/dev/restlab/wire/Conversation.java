package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: pairs the requests read from it with the responses written to it, in
 * order, and records each exchange once both sides are complete, or when the connection closes.
 * Jetty may read and write one connection from different threads, hence the lock.
 *
 * <p>Requests wait here for their answers. Jetty reads ahead of its answers by one buffer at
 * most, so a well-framed connection never has many waiting; still, what waits is bounded: at most
 * {@link #MAX_WAITING_REQUESTS} per connection, and those behind the first are counted against
 * the {@link TrafficLog}'s memory budget. Past either bound the connection's later requests and
 * their answers are counted ({@link TrafficLog#unrecorded()}) but not kept.
 */
final class Conversation implements RequestReader.Listener, ResponseReader.Listener {

    /** Far more than Jetty's 8 KiB read-ahead holds (about 580 of the smallest requests). */
    static final int MAX_WAITING_REQUESTS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);

    private final TrafficLog log;
    private final Connection connection;
    private final RequestReader requestReader = new RequestReader(this);
    private final ResponseReader responseReader = new ResponseReader(this);
    /** Requests not yet recorded, oldest first; each gets the next response to start. */
    private final ArrayDeque<Message> requests = new ArrayDeque<>();
    private long dispatched;
    private long recorded;
    /** Past a bound: later requests and the answers to them are counted, not kept. */
    private boolean overflowed;

    Conversation(TrafficLog log, Connection connection) {
        this.log = log;
        this.connection = connection;
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
        connection.markClosed(nanos);
        for (Message request : requests) {
            if (request.partner != null) {
                request.partner.lastNanos = Math.max(request.partner.lastNanos, nanos);
                record(request, request.partner);
            } else {
                release(request);
            }
        }
        requests.clear();
    }

    /** How many requests wait for their answers now: for tests of the bound. */
    synchronized int waiting() {
        return requests.size();
    }

    @Override
    public void requestStarted(Message request) {
        if (!overflowed && requests.size() >= MAX_WAITING_REQUESTS) {
            overflow(requests.size() + " requests waiting for answers");
        }
        if (overflowed) {
            log.countUnrecorded(1);
            return;
        }
        requests.addLast(request);
    }

    @Override
    public void requestCompleted(Message request) {
        if (request.partner == null && requests.size() > 1 && requests.peekLast() == request) {
            // Waiting behind an earlier request (pipelined): its bytes count against the budget.
            long cost = request.retainedBytes();
            if (log.hold(cost)) {
                request.heldBytes = cost;
            } else {
                requests.removeLast();
                log.countUnrecorded(1);
                overflow("the traffic log's memory budget is spent on waiting requests");
            }
        }
        recordAnswered();
    }

    /** Why the server's answer was refused (not HTTP, endless interim answers), or null. */
    synchronized String answerRefusal() {
        return responseReader.refusal();
    }

    @Override
    public void responseStarted(Message message) {
        for (Message request : requests) {
            if (request.partner == null) {
                pair(request, message);
                return;
            }
        }
        if (overflowed) {
            return; // the answer to a request that was not kept
        }
        Message none = Message.none(message.firstNanos); // Jetty spoke first
        requests.addLast(none);
        pair(none, message);
    }

    @Override
    public void responseCompleted(Message response) {
        if (response.partner != null && closesConnection(response)) {
            dropRequestsAfter(response.partner);
        }
        recordAnswered();
    }

    @Override
    public String requestMethodOf(Message response) {
        return response.partner == null ? "" : response.partner.first;
    }

    /** Records the oldest exchanges whose request and response are both complete. */
    private void recordAnswered() {
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

    /**
     * Jetty reads no request after one it answered with {@code Connection: close} (or an HTTP/1.0
     * answer without keep-alive): requests read after it never get an answer, and nothing that
     * arrives later is parsed.
     */
    private void dropRequestsAfter(Message answered) {
        requestReader.endAfter(answered);
        boolean after = false;
        for (Iterator<Message> it = requests.iterator(); it.hasNext(); ) {
            Message request = it.next();
            if (after && request.partner == null) {
                it.remove();
                release(request);
                log.countUnrecorded(1);
            }
            after |= request == answered;
        }
    }

    private static boolean closesConnection(Message response) {
        String connection = response.header("Connection");
        String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if (hasToken(tokens, "close")) {
            return true;
        }
        return "HTTP/1.0".equals(response.first) && !hasToken(tokens, "keep-alive");
    }

    private static boolean hasToken(String list, String token) {
        for (String item : list.split(",")) {
            if (item.strip().equals(token)) {
                return true;
            }
        }
        return false;
    }

    private void overflow(String why) {
        overflowed = true;
        LOG.warn("The connection from {}:{} has {}; its later exchanges are counted, not recorded",
                connection.clientAddress(), connection.clientPort(), why);
    }

    private void release(Message request) {
        if (request.heldBytes > 0) {
            log.release(request.heldBytes);
            request.heldBytes = 0;
        }
    }

    private static void pair(Message request, Message response) {
        request.partner = response;
        response.partner = request;
    }

    private void record(Message request, Message response) {
        release(request);
        if (!request.headComplete) {
            request.parseHead(true);
        }
        if (!response.headComplete) {
            response.parseHead(false);
        }
        recorded++;
        Request sent = new Request(request.first, request.second, request.third, request.headers,
                request.keptBody(), request.wireBytes);
        Response answered = new Response(response.first, response.status(), response.third,
                response.headers, response.keptBody(), response.wireBytes, response.interim, response.interimNotKept);
        Timings timings = new Timings(request.firstNanos, request.lastNanos, response.firstNanos,
                response.lastNanos);
        log.record(new Exchange(0, connection, (int) recorded, sent, answered, timings,
                dispatched < recorded));
    }
}
