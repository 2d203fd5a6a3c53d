package dev.restlab.wire;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Polls for a condition with a deadline, for tests: never a fixed sleep. */
final class Wait {

    private Wait() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Waits until the log holds {@code count} exchanges and returns them. */
    static List<Exchange> forExchanges(TrafficLog log, int count) {
        until(count + " exchanges, have " + log.snapshot().size(), () -> log.snapshot().size() >= count);
        return log.snapshot();
    }

    /** Waits for the first exchange that matches and returns it. */
    static Exchange forExchange(TrafficLog log, Predicate<Exchange> match) {
        until("a matching exchange in " + log.snapshot(), () -> log.snapshot().stream().anyMatch(match));
        return log.snapshot().stream().filter(match).findFirst().orElseThrow();
    }
}
