package dev.restlab.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send one request, and how many slow ones may be under way at
 * once, the same in API mode and in proxy mode. A minimum rate alone lets a client that sends
 * just enough hold a connection (and, while a body arrives, a thread) for hours; a deadline for
 * the whole head and the whole request ends it, and a cap on what is under way keeps room for a
 * client that has just come: past it, the oldest connection of the client holding the most is
 * closed.
 *
 * @param head from a request's first byte to the end of its head
 * @param request from a request's first byte to the end of its body
 * @param busyAtOnce in API mode, requests whose body is still arriving (each holds a thread); in
 *     proxy mode, connections relayed (each holds two)
 */
public record SlowPeerLimits(Duration head, Duration request, int busyAtOnce) {

    /**
     * A request typed by hand into {@code nc -C} takes a few seconds a line; any program sends a
     * whole request, and a body of the largest size the API takes (1 MiB) at 20 KB/s, within a
     * minute. 150 of the server's 200 threads may wait for bodies, leaving 50 for everyone else.
     */
    public static final SlowPeerLimits DEFAULT = new SlowPeerLimits(Duration.ofSeconds(20), Duration.ofSeconds(60), 150);

    public SlowPeerLimits {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(request, "request");
        if (head.isNegative() || head.isZero() || request.compareTo(head) < 0) {
            throw new IllegalArgumentException("a positive time for the head, and at least as long for the whole"
                    + " request: " + head + ", " + request);
        }
        if (busyAtOnce < 1) {
            throw new IllegalArgumentException("at least one busy request at once, not " + busyAtOnce);
        }
    }

    /** True when a request begun {@code elapsedNanos} ago, its head whole or not, has taken too long. */
    public boolean overdue(long elapsedNanos, boolean headWhole) {
        return elapsedNanos > request.toNanos() || (!headWhole && elapsedNanos > head.toNanos());
    }
}
