package dev.restlab.wire;

/**
 * When each phase of an exchange happened on the capture's own clock ({@link System#nanoTime()}):
 * the request's first and last byte, the response's first and last byte. The phases a waterfall
 * and HAR's {@code timings} show are derived from these.
 */
public record Timings(long requestFirstNanos, long requestLastNanos, long responseFirstNanos,
        long responseLastNanos) {

    public Timings {
        requestLastNanos = Math.max(requestLastNanos, requestFirstNanos);
        responseFirstNanos = Math.max(responseFirstNanos, requestFirstNanos);
        responseLastNanos = Math.max(responseLastNanos, responseFirstNanos);
    }

    /** All four moments at once, e.g. for tests and imported traffic. */
    public static Timings at(long nanos) {
        return new Timings(nanos, nanos, nanos, nanos);
    }

    /** Sending the request: its first byte to its last. */
    public long sendMicros() {
        return (requestLastNanos - requestFirstNanos) / 1_000;
    }

    /** The server's time: the request's last byte to the response's first. */
    public long waitMicros() {
        return Math.max(0, responseFirstNanos - requestLastNanos) / 1_000;
    }

    /** Sending the response: its first byte to its last. */
    public long receiveMicros() {
        return (responseLastNanos - responseFirstNanos) / 1_000;
    }

    /** From the request's first byte to the last byte either way. */
    public long totalMicros() {
        return (Math.max(requestLastNanos, responseLastNanos) - requestFirstNanos) / 1_000;
    }
}
