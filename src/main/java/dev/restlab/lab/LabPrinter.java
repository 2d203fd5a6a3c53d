package dev.restlab.lab;

import dev.restlab.wire.TerminalText;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A lab in a terminal: the lab's title and its current step with the command to run, then one
 * line per tick as it happens ({@code ✓ 4/14 Create a user with POST — exchange #7, POST …, 201})
 * followed by the next step, and one line for each exchange that ticked nothing, saying why
 * ({@code ✗ exchange #12, GET …, 200, is step 8; step 4 comes first}). Everything from a lab file
 * or the wire is printed terminal-safe.
 */
public final class LabPrinter {

    /** What the student types in RestLab's terminal to skip the current step when it is optional. */
    public static final String SKIP = "skip";

    private final LabTracker tracker;
    private final PrintStream out;
    private final String reportHint;

    /**
     * @param reportHint what to do with the report once the lab is complete, e.g. "RestLab
     *                   writes the report to r.html when you stop it (Ctrl+C)"
     */
    public LabPrinter(LabTracker tracker, PrintStream out, String reportHint) {
        this.tracker = tracker;
        this.out = out;
        this.reportHint = reportHint;
    }

    /** Prints the lab and where it stands, then follows its ticks and the reasons for no tick. */
    public void start() {
        Lab lab = tracker.lab();
        print("Lab: " + lab.title() + " (" + lab.steps().size() + " steps, " + tracker.doneCount() + " done)");
        tracker.onTick(this::ticked);
        tracker.onReason(reason -> print("✗ " + reason.text()));
        printCurrent();
    }

    /** A line the student typed in RestLab's terminal: {@code skip} skips the current optional step. */
    public void typed(String line) {
        if (!line.strip().equalsIgnoreCase(SKIP)) {
            if (!line.isBlank()) {
                print("(type " + SKIP + " and Enter to skip a step RestLab adds; curl goes in another terminal)");
            }
            return;
        }
        Optional<Step> current = tracker.current();
        if (current.isEmpty()) {
            print("Nothing to skip: the lab is complete.");
        } else if (!tracker.skip(current.get())) {
            print("Step " + tracker.lab().number(current.get()) + " is part of the handout: it cannot be skipped.");
        } else {
            print("↷ Skipped step " + tracker.lab().number(current.get()) + ": " + current.get().title());
            printCurrent();
        }
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
        if (tracker.complete()) {
            long required = lab.requiredCount();
            print("Lab complete: " + tracker.doneCount() + " of " + lab.steps().size() + " steps done, every one of the "
                    + required + " the lab requires. " + reportHint);
            if (current.isEmpty()) {
                return;
            }
        } else if (current.isEmpty()) {
            return;
        }
        Step step = current.get();
        StringBuilder text = new StringBuilder("→ Step " + lab.number(step) + "/" + lab.steps().size() + ": "
                + step.title() + (step.optional() ? " (RestLab adds it: type " + SKIP + " to skip it)" : ""));
        if (!step.task().isEmpty()) {
            text.append("\n  ").append(tracker.fill(step.task()));
        }
        if (!step.command().isEmpty()) {
            text.append("\n  $ ").append(tracker.fill(step.command()));
        }
        if (!step.note().isEmpty()) {
            text.append("\n  Note: ").append(tracker.fill(step.note()));
        }
        print(text.toString());
    }

    private synchronized void print(String line) {
        out.println(TerminalText.safe(line));
        out.flush();
    }
}
