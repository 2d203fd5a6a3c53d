package dev.restlab.ui;

import java.time.Duration;

/**
 * Runs an action once after a delay, on the FX thread; what it returns cancels it. The window
 * passes {@link FxDelays}; tests pass a clock they move themselves, so no test waits for real time.
 */
public interface Delays {

    /** Schedules {@code action}; runs the returned handle to cancel it (harmless once it has run). */
    Runnable after(Duration delay, Runnable action);

    /** No delay at all: the action runs at once (for ViewModels whose tests do not care about time). */
    Delays AT_ONCE = (delay, action) -> {
        action.run();
        return () -> { };
    };
}
