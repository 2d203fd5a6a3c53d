package dev.restlab.headless;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What RestLab does when it stops, each on its own: one that fails (a report folder gone, a full
 * disk, even memory running out) is reported on the error stream, and every later one still runs,
 * so the HAR is still written and the user store still closed (no lock or WAL files left behind).
 */
final class StopActions {

    /** One thing to do at the stop; it may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private record Named(String what, Action action) {
    }

    private final List<Named> actions = new ArrayList<>();
    private final PrintStream err;

    StopActions(PrintStream err) {
        this.err = err;
    }

    /** @param what what the action does, for the message if it fails: "writing the HAR file" */
    StopActions add(String what, Action action) {
        actions.add(new Named(what, action));
        return this;
    }

    /** Runs every action in the order added; returns how many failed. */
    int runAll() {
        int failed = 0;
        for (Named named : actions) {
            try {
                named.action().run();
            } catch (Exception | Error e) { // an Error too: the actions after it must still run
                failed++;
                err.println("restlab: while stopping, " + named.what() + " failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                err.flush();
            }
        }
        return failed;
    }
}
