package dev.restlab.lab;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Switches a lab's fault rules on the server as the lab moves: the current step's {@code faults:}
 * replace the ones the lab switched on before, and when the lab is finished or closed (another
 * lab opened, RestLab stopped) the lab's rules go. Rules a teacher added by hand stay: the lab
 * removes only what it added itself, and never adds a rule that is already there.
 */
public final class LabFaults implements AutoCloseable {

    private final LabTracker tracker;
    private final FaultRules rules;
    private final List<FaultRule> added = new ArrayList<>();
    private boolean closed;

    private LabFaults(LabTracker tracker, FaultRules rules) {
        this.tracker = tracker;
        this.rules = rules;
    }

    /** Applies the current step's rules now and again each time the lab moves, until closed. */
    public static LabFaults follow(LabTracker tracker, FaultRules rules) {
        LabFaults faults = new LabFaults(tracker, rules);
        tracker.onMoved(faults::apply);
        faults.apply();
        return faults;
    }

    /** The rules the lab has switched on now. */
    public synchronized List<FaultRule> switchedOn() {
        return List.copyOf(added);
    }

    synchronized void apply() {
        if (closed) {
            return;
        }
        List<FaultRule> wanted = tracker.complete() ? List.of()
                : tracker.current().map(Step::faults).orElse(List.of());
        for (FaultRule rule : added) {
            if (!wanted.contains(rule)) {
                rules.remove(rule);
            }
        }
        added.retainAll(wanted);
        List<FaultRule> present = rules.entries().stream().map(FaultRules.Entry::rule).toList();
        for (FaultRule rule : wanted) {
            if (!present.contains(rule)) {
                rules.add(rule);
                added.add(rule);
            }
        }
    }

    /** Removes the lab's rules; the lab switches nothing on from now on. */
    @Override
    public synchronized void close() {
        closed = true;
        added.forEach(rules::remove);
        added.clear();
    }
}
