package dev.restlab.check;

import java.time.Duration;

/** A time limit started now: what is left of it, and how a report says it ("10 s", "500 ms"). */
final class Deadline {

    private final Duration limit;
    private final long endsAt;

    Deadline(Duration limit) {
        this.limit = limit;
        this.endsAt = System.nanoTime() + limit.toNanos();
    }

    boolean passed() {
        return System.nanoTime() - endsAt >= 0;
    }

    Duration remaining() {
        long left = endsAt - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** What is left, for a socket timeout: at least 1 ms, since 0 would mean no limit at all. */
    int remainingMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    /** The smaller of {@code limit} and what is left. */
    Duration atMost(Duration other) {
        Duration left = remaining();
        return left.compareTo(other) < 0 ? left : other;
    }

    String words() {
        return words(limit);
    }

    static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
