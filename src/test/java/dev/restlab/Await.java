package dev.restlab;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: how tests wait, never with a fixed sleep. */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code failure} after {@code limit}. */
    public static void until(BooleanSupplier condition, Duration limit, Supplier<String> failure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(failure.get());
            }
            LockSupport.parkNanos(POLL_NANOS); // poll gently: the server under test shares 2 cores
        }
    }
}
