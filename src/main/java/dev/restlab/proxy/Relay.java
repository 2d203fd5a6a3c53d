package dev.restlab.proxy;

import dev.restlab.http.RequestTarget;
import dev.restlab.wire.RelayCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
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
    private boolean currentAnswered;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Set once, by the client thread. */
    private volatile Socket target;
    /** Only the client thread uses these. */
    private OutputStream toTarget;
    private boolean targetUnwritable;
    private Pending sending;

    private volatile long writingToClientSince;
    private volatile long writingToTargetSince;

    /** A request forwarded to the target. */
    private static final class Pending {
        final boolean head;
        /** The target has begun answering it. Guarded by the relay. */
        boolean answered;

        Pending(boolean head) {
            this.head = head;
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
            RequestFramer framer = new RequestFramer(new FromClient());
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException silent) {
                    if (isFinishing()) {
                        break;
                    }
                    if (framer.inRequest() || !waitingForAnswers()) {
                        finish(); // idle, or a request stalled half-way: closed as RestLab's server would
                    }
                    continue;
                }
                if (n < 0) {
                    closeAtEnd = clientClosed(framer);
                    break;
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                if (capture != null) {
                    capture.fromClient(bytes);
                }
                if (!isFinishing() && !targetUnwritable) {
                    try {
                        framer.feed(bytes);
                    } catch (IOException targetGone) {
                        // The target stopped reading; its side tells the client what happened.
                        targetUnwritable = true;
                    }
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
    private boolean clientClosed(RequestFramer framer) {
        synchronized (this) {
            if (finishing || target == null || (pending.isEmpty() && !framer.inRequest())) {
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

    /** What the client sends, request by request. Runs on the client thread. */
    private final class FromClient implements RequestFramer.Events {
        @Override
        public boolean head(byte[] bytes, RequestFramer.Head head) throws IOException {
            if (head.hosts().size() > 1) {
                answer(LocalAnswer.of(400, "Bad Request", "Bad Request: more than one Host header", head.isHead()));
                return false;
            }
            String refusal = settings.hosts().refusal(head.method(), targetHostOf(head), head.hosts());
            if (refusal != null) {
                answer(LocalAnswer.of(421, "Misdirected Request", refusal, head.isHead()));
                return false;
            }
            if (target == null && !connect(head.isHead())) {
                return false;
            }
            Pending request = new Pending(head.isHead());
            synchronized (Relay.this) {
                if (finishing) {
                    return false;
                }
                pending.addLast(request);
            }
            sending = request;
            writeToTarget(withVia(bytes, head.version()));
            return true;
        }

        @Override
        public void body(ByteBuffer bytes) throws IOException {
            writeToTarget(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }

        @Override
        public void end() {
            Pending sent = sending;
            sending = null;
            if (sent != null) {
                awaitAnswer(sent);
            }
        }

        @Override
        public void bad(int status, String reason) {
            Pending cut = sending;
            sending = null;
            if (cut != null) {
                synchronized (Relay.this) {
                    if (!cut.answered) {
                        pending.remove(cut); // its body broke half-way: RestLab answers it, not the target
                    }
                }
            }
            String phrase = HttpStatus.getMessage(status);
            answer(LocalAnswer.of(status, phrase, phrase + ": " + (reason == null ? "not a request RestLab's"
                    + " server would read" : reason) + "; RestLab did not pass it on", false));
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
        ResponseFramer framer = new ResponseFramer(new FromTarget());
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = socket.getInputStream();
            while (!isFinishing()) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException silent) {
                    if (framer.inResponse()) {
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

    /** What the target sends, answer by answer. Runs on the target thread. */
    private final class FromTarget implements ResponseFramer.Events {
        @Override
        public boolean answersHead() {
            synchronized (Relay.this) {
                Pending first = pending.peekFirst();
                return first != null && first.head;
            }
        }

        @Override
        public void head(byte[] bytes, int status) {
            synchronized (Relay.this) {
                if (finishing) {
                    return;
                }
                Pending first = pending.peekFirst();
                if (first != null) {
                    first.answered = true;
                }
                if (!currentAnswered && capture != null) {
                    capture.answeredByTarget();
                }
                currentAnswered = true;
                writeToClient(bytes, 0, bytes.length);
            }
        }

        @Override
        public void body(ByteBuffer bytes) {
            synchronized (Relay.this) {
                if (!finishing) {
                    writeToClient(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                }
            }
        }

        @Override
        public void end(boolean interim) {
            if (interim) {
                return;
            }
            synchronized (Relay.this) {
                currentAnswered = false;
                pending.pollFirst();
                if (!pending.isEmpty() || finishing) {
                    return;
                }
                if (answerAfterPending != null) {
                    writeToClient(answerAfterPending, 0, answerAfterPending.length);
                    finish();
                } else if (clientDone) {
                    finish();
                }
            }
        }

        @Override
        public void bad(String reason) {
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

    private void writeToTarget(byte[] bytes) throws IOException {
        writeToTarget(bytes, 0, bytes.length);
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

    /** True when a write to either side has been blocked longer than {@code nanos}: a peer that does not read. */
    boolean stalledLongerThan(long nanos, long now) {
        long client = writingToClientSince;
        long target = writingToTargetSince;
        return (client != 0 && now - client > nanos) || (target != 0 && now - target > nanos);
    }

    /** The host of an absolute-form target ({@code GET http://host/ HTTP/1.1}), or null. */
    private static String targetHostOf(RequestFramer.Head head) {
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
