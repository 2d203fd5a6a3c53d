package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: pairs the requests read from it with the responses written to it, in
 * order, and records each exchange once both sides are complete, or when the connection closes.
 * Jetty may read and write one connection from different threads, hence the lock.
 *
 * <p>When the connection closes, an answer cut short is recorded as it came, and a request that
 * got no answer at all is recorded with a stand-in answer ({@link Exchange#noAnswer}), each with
 * its {@link Ending}: who closed first (the client, if it was seen to close its side), and
 * whether the server reset the connection on purpose, as a fault rule noted ({@link #noteFault}).
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
    /** Requests started on this connection, kept or not: the number of the latest. */
    private long started;
    /** The client closed its side (sent its end) before the connection closed. */
    private boolean clientEnded;
    /** Whether requests that got no answer are recorded; a client's own capture only wants answers. */
    private final boolean recordsUnanswered;

    Conversation(TrafficLog log, Connection connection) {
        this(log, connection, true);
    }

    Conversation(TrafficLog log, Connection connection, boolean recordsUnanswered) {
        this.log = log;
        this.connection = connection;
        this.recordsUnanswered = recordsUnanswered;
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
        for (Message request : requests) {
            if (request.partner == null) {
                request.handled = true; // the oldest one not answered is the one being handled
                return;
            }
        }
    }

    /**
     * The server began handling the {@code number}th request of the connection (1, 2, ...): if
     * the connection closes before its answer, it is recorded as a request that got none. A request
     * the server never began (sent after one that closes the connection) is not.
     */
    synchronized void handled(long number) {
        for (Message request : requests) {
            if (request.number == number) {
                request.handled = true;
                return;
            }
        }
    }

    /**
     * A fault rule is at work on the request being answered now (the oldest one not answered
     * yet): its exchange names the rule; {@code reset} says the server resets the connection
     * instead of answering it.
     */
    synchronized void noteFault(String rule, boolean reset) {
        for (Message request : requests) {
            if (request.partner == null) {
                note(request, rule, reset);
                return;
            }
        }
    }

    /** As {@link #noteFault(String, boolean)}, for the {@code number}th request of the connection (1, 2, ...). */
    synchronized void noteFault(long number, String rule, boolean reset) {
        for (Message request : requests) {
            if (request.number == number) {
                note(request, rule, reset);
                return;
            }
        }
    }

    private static void note(Message request, String rule, boolean reset) {
        request.handled = true;
        request.faultRule = rule;
        request.resetOnPurpose |= reset;
    }

    /** The client closed its side of the connection: it will send nothing more. */
    synchronized void clientEnded() {
        if (connection.closedNanos() < 0) {
            clientEnded = true;
        }
    }

    /**
     * Records what was answered, even if cut short, and each request the server began handling
     * that got no answer at all, with how it ended. A request the server never began (its head
     * incomplete, or sent after one that closes the connection) is not recorded.
     */
    synchronized void closed(long nanos) {
        if (connection.closedNanos() >= 0) {
            return;
        }
        connection.markClosed(nanos);
        endAnswerAtClose(nanos);
        for (Message request : requests) {
            Message response = request.partner;
            if (response != null) {
                response.lastNanos = Math.max(response.lastNanos, nanos);
                record(request, response, response.complete ? Ending.ANSWERED
                        : clientEnded ? Ending.CLIENT_GAVE_UP_MID_BODY : Ending.CLOSED_MID_BODY, nanos);
            } else if (recordsUnanswered && request.headComplete && request.handled) {
                record(request, null, request.resetOnPurpose ? Ending.RESET_BY_SERVER
                        : clientEnded ? Ending.CLIENT_GAVE_UP : Ending.CLOSED_BY_SERVER, nanos);
            } else {
                release(request);
            }
        }
        requests.clear();
    }

    /** An answer whose body runs to the end of the connection (no length, not chunked) ends here, whole. */
    private void endAnswerAtClose(long nanos) {
        if (responseReader.current == null) {
            return;
        }
        responseReader.nanos = nanos;
        try {
            responseReader.framer.closed();
        } catch (RuntimeException e) {
            LOG.debug("The end of the answer on {} could not be read; it is recorded as it came", connection, e);
        }
    }

    /** How many requests wait for their answers now: for tests of the bound. */
    synchronized int waiting() {
        return requests.size();
    }

    @Override
    public void requestStarted(Message request) {
        request.number = ++started;
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
            record(request, response, Ending.ANSWERED, response.lastNanos);
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

    /**
     * Records one exchange; {@code response} is null for a request that got no answer, which
     * then ends at {@code endNanos} (the close) with a stand-in answer.
     */
    private void record(Message request, Message response, Ending ending, long endNanos) {
        release(request);
        if (!request.headComplete) {
            request.parseHead(true);
        }
        if (response != null && !response.headComplete) {
            response.parseHead(false);
        }
        recorded++;
        Request sent = new Request(request.first, request.second, request.third, request.headers,
                request.keptBody(), request.wireBytes);
        Response answered = response == null ? Exchange.noAnswer(request.third, ending)
                : new Response(response.first, response.status(), response.third, response.headers,
                        response.keptBody(), response.wireBytes, response.interim, response.interimNotKept);
        Timings timings = response == null ? new Timings(request.firstNanos, request.lastNanos, endNanos, endNanos)
                : new Timings(request.firstNanos, request.lastNanos, response.firstNanos, response.lastNanos);
        // A request that got no answer was not refused by anyone: it is never "answered by Jetty itself".
        boolean rejected = response != null && dispatched < recorded;
        log.record(new Exchange(0, connection, (int) recorded, sent, answered, timings, rejected, ending,
                Optional.ofNullable(request.faultRule)));
    }
}
