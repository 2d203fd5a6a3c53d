package dev.restlab.proxy;

import dev.restlab.fault.FaultAction;
import dev.restlab.fault.FaultRule;
import dev.restlab.http.Api;
import dev.restlab.http.RequestTarget;
import dev.restlab.wire.MessageFramer;
import dev.restlab.wire.RelayCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * One client connection in proxy mode, relayed over a connection of its own to the target, so
 * that what the client and the target say about their connection (keep-alive, close) stays true
 * end to end. One thread reads the client and forwards each request as it was sent; another
 * reads the target and forwards each answer as it came, byte for byte. The only change to a
 * request is the {@code Via} header HTTP requires a gateway to add; answers are not changed.
 *
 * <p>Fault rules ({@link ProxySettings#faults()}) act here as they do in front of RestLab's own
 * routes: a {@code delay} holds the request back before it is passed on; {@code status}, {@code
 * reset} and {@code hang} keep it from the target (RestLab answers instead, resets the connection,
 * or answers nothing until the client gives up or the idle timeout ends it); {@code truncate} and
 * {@code drip} shape the target's answer on its way (half its body then the close; the body at the
 * rule's rate). The target's answers are not changed otherwise, so its bytes carry no {@code
 * RestLab-Fault} header: the capture is told the rule instead, and the traffic log names it.
 *
 * <p>RestLab answers by itself only before any byte of the target's answer to that request:
 * {@code 502} when the target cannot be reached, closes or resets without answering, answers
 * something that is not HTTP or does not answer in time; {@code 421} or {@code 400} for a request
 * RestLab's own server would refuse. Each such answer closes the connection. Once the target's
 * answer has begun, a failure can only cut it short, as it would without RestLab.
 */
final class Relay {

    /** After RestLab's last byte, how long a client may take to close before its socket is closed. */
    static final long LINGER_MILLIS = 2_000;
    /** What the relay adds to each request, as RFC 9110 (7.6.3) asks of a gateway; a pseudonym, no host. */
    static final String VIA = "restlab";
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final long DRIP_STEP_MILLIS = 100;

    private final Socket client;
    private final ProxySettings settings;
    private final RelayCapture capture;
    private final Executor threads;
    private final ScheduledExecutorService timer;
    private final Runnable onClosed;
    private final String targetName;

    /** Requests forwarded whose answers have not ended, oldest first. Guarded by this. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** RestLab's own answer, written once the pending answers are relayed. Guarded by this. */
    private byte[] answerAfterPending;
    /** Nothing more is relayed. Written under the lock, read anywhere. */
    private volatile boolean finishing;
    private boolean clientDone;
    /** The client's last request was forwarded (it said it closes): the relay ends after its answer. */
    private boolean lastRequest;
    /** The target's answer now relayed said it closes the connection. Guarded by this. */
    private boolean targetCloses;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Set once, by the client thread. */
    private volatile Socket target;
    /** Only the client thread uses these. */
    private OutputStream toTarget;
    /** Made by the client thread, read by the server's timer. */
    private volatile MessageFramer requests;
    private final long openedNanos = System.nanoTime();
    private boolean targetUnwritable;
    private Pending sending;

    private volatile long writingToClientSince;
    private volatile long writingToTargetSince;
    /** Requests the client began on this connection: the number of the latest (client thread only). */
    private long requestsStarted;
    /** A {@code hang} rule holds the connection: nothing more is read into requests or relayed. */
    private volatile boolean hung;

    /** A request forwarded to the target. */
    private static final class Pending {
        final boolean head;
        /** A {@code truncate} or {@code drip} rule that shapes the target's answer to it, or null. */
        final FaultRule shaping;
        /** The target has begun answering it. Guarded by the relay. */
        boolean answered;

        Pending(boolean head, FaultRule shaping) {
            this.head = head;
            this.shaping = shaping;
        }
    }

    Relay(Socket client, ProxySettings settings, Executor threads, ScheduledExecutorService timer,
            Runnable onClosed) {
        this.client = client;
        this.settings = settings;
        this.threads = threads;
        this.timer = timer;
        this.onClosed = onClosed;
        this.targetName = settings.target().toString();
        this.capture = settings.traffic() == null ? null
                : RelayCapture.open(settings.traffic(), (InetSocketAddress) client.getRemoteSocketAddress(),
                        targetName);
    }

    /** Reads the client until it closes, forwarding its requests. Runs on a thread of its own. */
    void run() {
        boolean closeAtEnd = true;
        try {
            client.setSoTimeout(millis(settings.idleTimeout().toNanos()));
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            MessageFramer framer = MessageFramer.requests(new FromClient());
            requests = framer;
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException silent) {
                    if (isFinishing()) {
                        break;
                    }
                    if (framer.inMessage() || !waitingForAnswers()) {
                        finish(); // idle, or a request stalled half-way: closed as RestLab's server would
                    }
                    continue;
                }
                if (n < 0) {
                    if (capture != null) {
                        capture.clientEnded(); // a request left unanswered now is one the client gave up on
                    }
                    closeAtEnd = clientClosed(framer);
                    break;
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                if (capture != null) {
                    capture.fromClient(bytes);
                }
                if (!isFinishing() && !targetUnwritable && !hung) {
                    framer.feed(bytes);
                }
            }
        } catch (IOException e) {
            // The client reset the connection, or it was closed here: nothing more to read.
        } finally {
            if (closeAtEnd) {
                closeAll();
            }
        }
    }

    /**
     * The client sent all it will send. With answers still due they are relayed first (the
     * target is told the client is done, as the client told RestLab). Returns whether to close now.
     */
    private boolean clientClosed(MessageFramer framer) {
        synchronized (this) {
            if (finishing || target == null || (pending.isEmpty() && !framer.inMessage())) {
                return true;
            }
            clientDone = true;
        }
        try {
            target.shutdownOutput();
        } catch (IOException e) {
            // The target is gone already: its side ends the relay.
        }
        return false;
    }

    private boolean isFinishing() {
        return finishing;
    }

    private synchronized boolean waitingForAnswers() {
        return !pending.isEmpty();
    }

    /**
     * What the client sends, request by request, framed as RestLab's server frames it: a request
     * the server would refuse is refused here with the same status, before any of it is passed on.
     * Runs on the client thread.
     */
    private final class FromClient implements MessageFramer.Events {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);

        @Override
        public void started() {
            requestsStarted++; // counted as the capture counts them, so that a fault names the right one
        }

        @Override
        public void headBytes(ByteBuffer bytes) {
            head.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }

        @Override
        public boolean headComplete(MessageFramer.Head request) {
            byte[] bytes = head.toByteArray();
            head.reset();
            if (request.hosts().size() > 1) {
                answer(LocalAnswer.of(400, "Bad Request", "Bad Request: more than one Host header",
                        request.isHeadRequest()));
                return false;
            }
            String refusal = settings.hosts().refusal(request.method(), targetHostOf(request), request.hosts());
            if (refusal != null) {
                answer(LocalAnswer.of(421, "Misdirected Request", refusal, request.isHeadRequest()));
                return false;
            }
            boolean exempt = settings.faults().isEmpty() || Api.sentByCheck(request.userAgent()); // a grade meets no fault
            FaultRule fault = exempt ? null : settings.faults()
                    .pick(request.method(), RequestTarget.parse(request.method(), request.uri()).path()).orElse(null);
            if (fault != null && !faultBeforeTarget(fault, request)) {
                return false;
            }
            if (target == null && !connect(request.isHeadRequest())) {
                return false;
            }
            boolean shapes = fault != null && (fault.action() == FaultAction.TRUNCATE || fault.action() == FaultAction.DRIP);
            Pending sent = new Pending(request.isHeadRequest(), shapes ? fault : null);
            synchronized (Relay.this) {
                if (finishing) {
                    return false;
                }
                pending.addLast(sent);
                if (request.closes()) {
                    lastRequest = true; // RestLab's server reads nothing after it: neither is it passed on
                    requests.endAfterCurrent();
                }
            }
            sending = sent;
            if (capture != null) {
                capture.forwarded(requestsStarted);
            }
            return toTarget(withVia(bytes, request.version()), 0);
        }

        /**
         * What a fault rule does before the request reaches the target; false when the request is
         * not passed on at all (RestLab answers, resets or hangs instead).
         */
        private boolean faultBeforeTarget(FaultRule rule, MessageFramer.Head request) {
            if (capture != null) {
                capture.faultOnPurpose(requestsStarted, rule.text(), rule.action() == FaultAction.RESET);
            }
            switch (rule.action()) {
                case DELAY -> pause(rule.delay().toMillis() + settings.faults().spread(rule.jitter().toMillis()));
                case STATUS -> {
                    answer(LocalAnswer.fault(rule, targetName, request.isHeadRequest()));
                    return false;
                }
                case RESET -> {
                    reset();
                    return false;
                }
                case HANG -> {
                    hung = true; // the read loop's idle timeout ends it, or the client's giving up
                    return false;
                }
                default -> { } // truncate and drip shape the target's answer
            }
            return true;
        }

        @Override
        public void bodyBytes(ByteBuffer bytes) {
            toTarget(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }

        @Override
        public void ended(boolean interim) {
            Pending sent = sending;
            sending = null;
            if (sent != null) {
                awaitAnswer(sent);
            }
        }

        @Override
        public void refused(int status, String reason) {
            Pending cut = sending;
            sending = null;
            synchronized (Relay.this) {
                if (cut != null && cut.answered) {
                    // The target answered before the broken rest of the body came, as RestLab's server
                    // would have: that answer stands, and the relay ends after it.
                    lastRequest = true;
                    if (pending.isEmpty()) {
                        finish();
                    }
                    return;
                }
                if (cut != null) {
                    pending.remove(cut); // its body broke half-way: RestLab answers it, not the target
                }
            }
            // A request refused once its head was read is a broken body, which RestLab's routes answer 400.
            int answered = cut != null ? HttpStatus.BAD_REQUEST_400 : status;
            String phrase = HttpStatus.getMessage(answered);
            answer(LocalAnswer.of(answered, phrase, phrase + ": " + (reason == null ? "not a request RestLab's"
                    + " server would read" : reason) + (cut != null ? "; RestLab did not pass on the rest"
                    : "; RestLab did not pass it on"), false));
        }
    }

    /** Writes to the target; false when it stopped reading (its side tells the client what happened). */
    private boolean toTarget(byte[] bytes, int offset) {
        return toTarget(bytes, offset, bytes.length - offset);
    }

    private boolean toTarget(byte[] bytes, int offset, int length) {
        if (targetUnwritable) {
            return false;
        }
        try {
            writeToTarget(bytes, offset, length);
            return true;
        } catch (IOException targetGone) {
            targetUnwritable = true;
            return false;
        }
    }

    /** Opens the connection to the target; on failure answers 502 and returns false. */
    private boolean connect(boolean toHead) {
        Socket socket = new Socket();
        String failure;
        try {
            socket.connect(new InetSocketAddress(settings.target().host(), settings.target().port()),
                    millis(settings.answerTimeout().toNanos()));
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(millis(settings.idleTimeout().toNanos()));
            synchronized (this) {
                if (finishing) {
                    socket.close();
                    return false;
                }
                target = socket;
            }
            toTarget = socket.getOutputStream();
            threads.execute(() -> readTarget(socket));
            return true;
        } catch (ConnectException e) {
            failure = "nothing accepts connections at " + targetName + " (connection refused): is the server"
                    + " running, on that port?";
        } catch (SocketTimeoutException e) {
            failure = targetName + " did not accept the connection within " + seconds(settings.answerTimeout().toNanos());
        } catch (UnknownHostException e) {
            failure = "the name " + settings.target().host() + " of " + targetName + " is not known";
        } catch (IOException | RuntimeException e) {
            failure = "RestLab could not connect to " + targetName + ": " + e.getMessage();
        }
        closeQuietly(socket);
        answer(LocalAnswer.badGateway(failure, toHead));
        return false;
    }

    /** Reads the target until it closes, relaying its answers. Runs on a thread of its own. */
    private void readTarget(Socket socket) {
        MessageFramer framer = MessageFramer.responses(new FromTarget());
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = socket.getInputStream();
            while (!isFinishing()) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException silent) {
                    if (framer.inMessage()) {
                        finish(); // stalled in the middle of an answer: cut short, as without RestLab
                        return;
                    }
                    continue; // waiting for a request, or for an answer: awaitAnswer times that
                }
                if (n < 0) {
                    framer.closed();
                    targetEnded(targetName + " closed the connection without answering");
                    return;
                }
                framer.feed(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IOException e) {
            targetEnded(targetName + " reset the connection without answering (" + e.getMessage() + ")");
        }
    }

    /**
     * What the target sends, answer by answer, framed by the same rules: each head is checked
     * whole before any of it reaches the client, interim answers are bounded, and nothing the
     * target sends when no request waits for an answer is passed on. Runs on the target thread.
     */
    private final class FromTarget implements MessageFramer.Events {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        /** The current answer's head went out: its body follows. */
        private boolean inBody;
        /** The rule shaping the current answer's body ({@code truncate}, {@code drip}), or null. */
        private FaultRule shaping;
        /** For {@code truncate}: how many more body bytes go out before the connection is closed. */
        private long allowance;

        @Override
        public void started() {
            synchronized (Relay.this) {
                if (pending.isEmpty() && !finishing) {
                    finish(); // an answer nobody asked for: not passed on, and the target is not trusted further
                }
            }
        }

        @Override
        public boolean answersHead() {
            synchronized (Relay.this) {
                Pending first = pending.peekFirst();
                return first != null && first.head;
            }
        }

        @Override
        public void headBytes(ByteBuffer bytes) {
            if (!isFinishing()) {
                head.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            }
        }

        @Override
        public boolean headComplete(MessageFramer.Head answer) {
            byte[] bytes = head.toByteArray();
            head.reset();
            synchronized (Relay.this) {
                if (finishing) {
                    return false;
                }
                if (!answer.interim()) {
                    targetCloses = answer.closes();
                    // Only a final answer is the target's answer: after interim ones RestLab may still answer 502.
                    Pending first = pending.peekFirst();
                    if (first != null) {
                        first.answered = true;
                    }
                    shaping = first == null ? null : first.shaping;
                    allowance = answer.contentLength() > 0 ? answer.contentLength() / 2 : 0;
                    if (capture != null) {
                        capture.answeredByTarget();
                    }
                }
                writeToClient(bytes, 0, bytes.length);
                inBody = true;
                if (shaping != null && shaping.action() == FaultAction.TRUNCATE && allowance == 0
                        && !answer.interim() && !pending.isEmpty() && !pending.peekFirst().head) {
                    finish(); // nothing of the body goes out: cut right after the head
                    return false;
                }
            }
            return true;
        }

        @Override
        public void bodyBytes(ByteBuffer bytes) {
            if (shaping != null && shaping.action() == FaultAction.DRIP) {
                drip(bytes, shaping.bytesPerSecond());
                return;
            }
            synchronized (Relay.this) {
                if (finishing) {
                    return;
                }
                int length = bytes.remaining();
                if (shaping != null && shaping.action() == FaultAction.TRUNCATE) {
                    length = (int) Math.min(length, allowance);
                    allowance -= length;
                }
                writeToClient(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
                if (shaping != null && shaping.action() == FaultAction.TRUNCATE && allowance == 0) {
                    finish(); // half the body went out: the connection closes inside the answer
                }
            }
        }

        /** The body at {@code bytesPerSecond}, a tenth of a second's worth at a time; the lock is free between. */
        private void drip(ByteBuffer bytes, long bytesPerSecond) {
            int step = (int) Math.max(1, bytesPerSecond * DRIP_STEP_MILLIS / 1000);
            long stepMillis = step * 1000L / bytesPerSecond;
            int from = bytes.arrayOffset() + bytes.position();
            int end = from + bytes.remaining();
            for (int at = from; at < end; at += step) {
                synchronized (Relay.this) {
                    if (finishing) {
                        return;
                    }
                    writeToClient(bytes.array(), at, Math.min(step, end - at));
                }
                if (at + step < end) {
                    pause(stepMillis);
                }
            }
        }

        /** The rest of an answer whose body broke reaches the client as it came, as it would without RestLab. */
        @Override
        public void refusedBytes(ByteBuffer bytes) {
            if (inBody) {
                bodyBytes(bytes);
            }
        }

        @Override
        public void ended(boolean interim) {
            inBody = false;
            if (interim) {
                return;
            }
            shaping = null;
            synchronized (Relay.this) {
                pending.pollFirst();
                if (targetCloses) {
                    // The target reads no request after this answer, as RestLab's server would not:
                    // requests sent after it get no answer from anyone, and the connection ends.
                    finish();
                    return;
                }
                if (!pending.isEmpty() || finishing) {
                    return;
                }
                if (answerAfterPending != null) {
                    writeToClient(answerAfterPending, 0, answerAfterPending.length);
                    finish();
                } else if (clientDone || lastRequest) {
                    finish();
                }
            }
        }

        @Override
        public void refused(int status, String reason) {
            synchronized (Relay.this) {
                failFirst(targetName + " answered, but " + reason);
                finish();
            }
        }
    }

    /** The target closed or reset its connection: an answer owed and not begun becomes a 502. */
    private void targetEnded(String why) {
        synchronized (this) {
            if (finishing) {
                return;
            }
            failFirst(why);
            finish();
        }
    }

    /** Answers the oldest request 502 when none of the target's answer to it has gone out. Holds the lock. */
    private void failFirst(String why) {
        Pending first = pending.peekFirst();
        if (first != null && !first.answered && !finishing) {
            byte[] answer = LocalAnswer.badGateway(why, first.head);
            writeToClient(answer, 0, answer.length);
        }
    }

    /** The request has reached the target: its answer must begin within the answer timeout. */
    private void awaitAnswer(Pending request) {
        timer.schedule(() -> threads.execute(() -> checkAnswered(request)),
                settings.answerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void checkAnswered(Pending request) {
        synchronized (this) {
            if (finishing || request.answered || !pending.contains(request)) {
                return;
            }
            if (pending.peekFirst() != request) {
                awaitAnswer(request); // an earlier answer is still under way: this one's time starts later
                return;
            }
            failFirst(targetName + " did not answer within " + seconds(settings.answerTimeout().toNanos()));
            finish();
        }
    }

    /** RestLab answers by itself: now when no answer is due before, else after those. */
    private void answer(byte[] answer) {
        synchronized (this) {
            if (finishing) {
                return;
            }
            if (pending.isEmpty()) {
                writeToClient(answer, 0, answer.length);
                finish();
            } else {
                answerAfterPending = answer;
            }
        }
    }

    /** Writes to the client and shows the capture what went out. Holds the lock, so writes keep their order. */
    private void writeToClient(byte[] bytes, int offset, int length) {
        if (closed.get()) {
            return;
        }
        writingToClientSince = System.nanoTime() | 1;
        try {
            client.getOutputStream().write(bytes, offset, length);
        } catch (IOException e) {
            closeAll(); // the client is gone: nobody to relay to
            return;
        } finally {
            writingToClientSince = 0;
        }
        if (capture != null) {
            capture.toClient(ByteBuffer.wrap(bytes, offset, length));
        }
    }

    private void writeToTarget(byte[] bytes, int offset, int length) throws IOException {
        writingToTargetSince = System.nanoTime() | 1;
        try {
            toTarget.write(bytes, offset, length);
        } finally {
            writingToTargetSince = 0;
        }
    }

    /**
     * Nothing more is relayed: the target's connection is closed and the client's is ended
     * after what was written, then closed once the client closes or {@link #LINGER_MILLIS} pass.
     * Closing the client's end at once could reset it and lose the last answer.
     */
    private void finish() {
        Socket toClose;
        boolean now;
        synchronized (this) {
            if (finishing) {
                return;
            }
            finishing = true;
            toClose = target;
            now = clientDone;
        }
        closeQuietly(toClose);
        if (capture != null) {
            capture.closed(); // nothing more goes out: what was answered is recorded now
        }
        if (!now) {
            try {
                client.shutdownOutput();
                timer.schedule(this::closeAll, LINGER_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (IOException | RuntimeException e) {
                // Already closed, or the timer is stopped with the server: close at once.
            }
        }
        closeAll();
    }

    /** A {@code reset} rule: the client's connection is closed with a TCP reset (linger 0), before any answer. */
    private void reset() {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: closing is all that is left to do.
        }
        closeAll();
    }

    /** The fault itself: this request, or this answer's body, is meant to wait. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes both connections at once, and records the client's as closed. Safe to call twice. */
    void closeAll() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Sockets first: a write blocked on a client that does not read holds the lock until then.
        closeQuietly(client);
        closeQuietly(target);
        synchronized (this) {
            finishing = true;
        }
        if (capture != null) {
            capture.closed();
        }
        onClosed.run();
    }

    /**
     * True when the client's request under way has taken longer than the limits allow (its head,
     * or the whole of it), as RestLab's server would close it.
     */
    boolean requestOverdue(long now) {
        MessageFramer framer = requests;
        if (framer == null) {
            return false;
        }
        long started = framer.messageStartedNanos();
        return started != 0 && settings.slowPeers().overdue(now - started, framer.headWhole());
    }

    /** When this relay's client connected. */
    long openedNanos() {
        return openedNanos;
    }

    /** The client's address. */
    InetAddress clientAddress() {
        return client.getInetAddress();
    }

    /** True when a write to either side has been blocked longer than {@code nanos}: a peer that does not read. */
    boolean stalledLongerThan(long nanos, long now) {
        long client = writingToClientSince;
        long target = writingToTargetSince;
        return (client != 0 && now - client > nanos) || (target != 0 && now - target > nanos);
    }

    /** The host of an absolute-form target ({@code GET http://host/ HTTP/1.1}), or null. */
    private static String targetHostOf(MessageFramer.Head head) {
        RequestTarget target = RequestTarget.parse(head.method(), head.uri());
        return target.form() == RequestTarget.Form.ABSOLUTE ? target.host() : null;
    }

    /** The head with {@code Via: 1.1 restlab} as its last field, in the line ends the head uses. */
    static byte[] withVia(byte[] head, HttpVersion version) {
        boolean crlf = head.length >= 4 && head[head.length - 2] == '\r';
        int at = head.length - (crlf ? 2 : 1);
        String protocol = version == HttpVersion.HTTP_1_0 ? "1.0" : "1.1";
        byte[] field = ("Via: " + protocol + " " + VIA + (crlf ? "\r\n" : "\n")).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + field.length];
        System.arraycopy(head, 0, out, 0, at);
        System.arraycopy(field, 0, out, at, field.length);
        System.arraycopy(head, at, out, at + field.length, head.length - at);
        return out;
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    private static String seconds(long nanos) {
        double seconds = nanos / 1e9;
        return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(java.util.Locale.ROOT,
                "%.1f", seconds)) + " s";
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing: nothing left to tell anyone.
            }
        }
    }
}
