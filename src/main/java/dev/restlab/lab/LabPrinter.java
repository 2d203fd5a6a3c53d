package dev.restlab.lab;

import dev.restlab.wire.TerminalText;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A lab in a terminal: the lab's title and its current step with the command to run, then one
 * line per tick as it happens ({@code ✓ 3/14 Create a user with POST — exchange #7, POST …, 201})
 * followed by the next step. Everything from a lab file or the wire is printed terminal-safe.
 */
public final class LabPrinter {

    private final LabTracker tracker;
    private final PrintStream out;
    private final int port;

    public LabPrinter(LabTracker tracker, PrintStream out, int port) {
        this.tracker = tracker;
        this.out = out;
        this.port = port;
    }

    /** Prints the lab and where it stands, then follows its ticks. */
    public void start() {
        Lab lab = tracker.lab();
        print("Lab: " + lab.title() + " (" + lab.steps().size() + " steps, " + tracker.doneCount() + " done)");
        tracker.onTick(this::ticked);
        printCurrent();
    }

    private void ticked(Tick tick) {
        Lab lab = tracker.lab();
        Step step = lab.step(tick.stepId()).orElseThrow();
        print("✓ " + lab.number(step) + "/" + lab.steps().size() + " " + step.title() + " — " + tick.summary());
        printCurrent();
    }

    private void printCurrent() {
        Lab lab = tracker.lab();
        Optional<Step> current = tracker.current();
        if (current.isEmpty()) {
            print("Lab complete: " + tracker.doneCount() + " of " + lab.steps().size() + " steps done.");
            return;
        }
        Step step = current.get();
        StringBuilder text = new StringBuilder("→ Step " + lab.number(step) + "/" + lab.steps().size() + ": "
                + step.title());
        if (!step.task().isEmpty()) {
            text.append("\n  ").append(step.task());
        }
        if (!step.command().isEmpty()) {
            text.append("\n  $ ").append(step.commandFor(port, tracker.values()));
        }
        print(text.toString());
    }

    private synchronized void print(String line) {
        out.println(TerminalText.safe(line));
        out.flush();
    }
}
