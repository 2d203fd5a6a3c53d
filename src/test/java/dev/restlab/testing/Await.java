package dev.restlab.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes: how tests wait for asynchronous work,
 * never with a fixed sleep. A timeout fails the test with what was awaited.
 */
public final class Await {

    /** Long enough for a loaded 2-core CI machine; a healthy run waits milliseconds. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} after 20 s. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(() -> what, limit, condition);
    }

    /**
     * As {@link #until(String, Duration, BooleanSupplier)}; {@code what} is asked only on timeout,
     * so it can describe the state the condition was stuck in.
     */
    public static void until(Supplier<String> what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + limit.toMillis() + " ms waiting for: " + what.get());
            }
            LockSupport.parkNanos(POLL_NANOS); // poll gently: the server under test shares the cores
        }
    }

    /** Waits until {@code probe} finds a value and returns it; fails naming {@code what} after 20 s. */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        return value(what, DEFAULT_LIMIT, probe);
    }

    /** Waits until {@code probe} finds a value and returns it; fails naming {@code what} after {@code limit}. */
    public static <T> T value(String what, Duration limit, Supplier<Optional<T>> probe) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, limit, () -> {
            Optional<T> value = probe.get();
            value.ifPresent(found::set);
            return value.isPresent();
        });
        return found.get();
    }
}
