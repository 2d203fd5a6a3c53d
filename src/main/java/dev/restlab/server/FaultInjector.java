package dev.restlab.server;

import dev.restlab.fault.FaultAction;
import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRules;
import dev.restlab.http.Api;
import dev.restlab.wire.WireCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Makes the built-in server misbehave as the {@link FaultRules} say, in front of the routes: a
 * request no switched-on rule touches passes untouched, and so does every request a check sends
 * ({@link Api#sentByCheck}): a grade never meets a fault. Every answer a rule shaped carries
 * {@value FaultRule#HEADER}, so that the student sees on the wire (and the traffic list, {@code --trace}
 * and HAR show) which rule was at work; a reset or a hang has no answer to carry it, so the capture
 * is told the rule before it acts ({@link WireCapture#noteFault}) and records the request as one
 * that got no answer, naming the rule.
 */
final class FaultInjector extends HandlerWrapper {

    private static final String HEADER = FaultRule.HEADER;
    /** How long a 503 or 429 asks the client to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = FaultRule.RETRY_AFTER_SECONDS;
    private static final long DRIP_STEP_MILLIS = 100;

    private final FaultRules rules;
    private final long idleTimeoutMillis;

    FaultInjector(FaultRules rules, long idleTimeoutMillis, Handler next) {
        this.rules = rules;
        this.idleTimeoutMillis = idleTimeoutMillis;
        setHandler(next);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, javax.servlet.ServletException {
        Optional<FaultRule> touched = rules.isEmpty() || Api.sentByCheck(request.getHeader("User-Agent")) ? Optional.empty()
                : rules.pick(request.getMethod(), base.getHttpURI().getDecodedPath());
        if (touched.isEmpty()) {
            super.handle(target, base, request, response);
            return;
        }
        FaultRule rule = touched.get();
        // Before the rule acts: a reset or a hang leaves no answer to name it, so the capture is told.
        WireCapture.noteFault(base.getHttpChannel().getEndPoint(), rule.text(), rule.action() == FaultAction.RESET);
        switch (rule.action()) {
            case DELAY -> {
                pause(rule.delay().toMillis() + rules.spread(rule.jitter().toMillis()));
                response.setHeader(HEADER, rule.text());
                super.handle(target, base, request, response);
            }
            case STATUS -> answerInstead(base, response, rule);
            case RESET -> {
                base.setHandled(true);
                reset(base.getHttpChannel().getEndPoint());
            }
            case HANG -> hang(base, request);
            case TRUNCATE, DRIP -> {
                BufferedAnswer answer = new BufferedAnswer(response);
                super.handle(target, base, request, answer);
                answer.flushBuffer();
                byte[] body = answer.body();
                response.setHeader(HEADER, rule.text());
                response.setContentLength(body.length);
                if (rule.action() == FaultAction.TRUNCATE) {
                    sendThenClose(base, response, body, body.length / 2);
                } else {
                    drip(response, body, rule.bytesPerSecond());
                }
            }
        }
    }

    private static void answerInstead(Request base, HttpServletResponse response, FaultRule rule) throws IOException {
        base.setHandled(true);
        byte[] body = ("Injected fault: RestLab answered " + rule.status() + " because of the rule '" + rule.text()
                + "'; the route did not run and nothing was stored.\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(rule.status());
        response.setHeader(HEADER, rule.text());
        if (FaultAction.carriesRetryAfter(rule.status())) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Closes the connection with a TCP reset (linger 0), so the client reads "connection reset by peer". */
    private static void reset(EndPoint endPoint) {
        if (endPoint instanceof SocketChannelEndPoint socketEnd) {
            try {
                Socket socket = socketEnd.getSocket();
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // The socket is already gone: closing it below is all that is left to do.
            }
        }
        endPoint.close();
    }

    /**
     * No answer; once the idle timeout passes, the connection is closed with none. A client that
     * gives up first is noticed at once (Jetty reads nothing while a request waits), so the
     * capture records when it gave up, not when the idle timeout struck.
     */
    private void hang(Request base, HttpServletRequest request) {
        EndPoint endPoint = base.getHttpChannel().getEndPoint();
        // The hang's own timer ends it, not the connection's idle timeout, on which Jetty would answer 500.
        endPoint.setIdleTimeout(2 * idleTimeoutMillis);
        watchForClientEnd(endPoint);
        AsyncContext waiting = request.startAsync();
        waiting.setTimeout(idleTimeoutMillis);
        waiting.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                base.getHttpChannel().getEndPoint().close();
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }

    /**
     * Closes the connection when the client closes its side. Anything else the client sends on a
     * hung connection (a pipelined request) would never be answered either, so it is read and left.
     */
    private static void watchForClientEnd(EndPoint endPoint) {
        endPoint.tryFillInterested(new Callback() {
            @Override
            public void succeeded() {
                try {
                    int read = endPoint.fill(BufferUtil.allocate(1024));
                    if (read < 0) {
                        endPoint.close();
                    } else if (endPoint.isOpen()) {
                        watchForClientEnd(endPoint);
                    }
                } catch (IOException e) {
                    endPoint.close();
                }
            }

            @Override
            public InvocationType getInvocationType() {
                return InvocationType.NON_BLOCKING;
            }
        });
    }

    private static void sendThenClose(Request base, HttpServletResponse response, byte[] body, int sent)
            throws IOException {
        ServletOutputStream out = response.getOutputStream();
        out.write(body, 0, sent);
        out.flush();
        base.setHandled(true);
        base.getHttpChannel().getEndPoint().close();
    }

    private static void drip(HttpServletResponse response, byte[] body, long bytesPerSecond) throws IOException {
        ServletOutputStream out = response.getOutputStream();
        int step = (int) Math.max(1, bytesPerSecond * DRIP_STEP_MILLIS / 1000);
        long stepMillis = step * 1000L / bytesPerSecond;
        for (int at = 0; at < body.length; at += step) {
            if (at > 0) {
                pause(stepMillis);
            }
            out.write(body, at, Math.min(step, body.length - at));
            out.flush();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the fault itself: this request's answer is meant to wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps what the route writes, so that the fault decides how it goes out. */
    private static final class BufferedAnswer extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the routes write blocking");
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }
        };

        BufferedAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // the length is set again from what was kept
        }

        @Override
        public void setContentLengthLong(long length) {
            // the length is set again from what was kept
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        byte[] body() {
            return bytes.toByteArray();
        }
    }
}
