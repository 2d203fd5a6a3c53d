package dev.restlab.lab;

import java.util.List;
import java.util.Optional;

/**
 * A lab: a title, an introduction and ordered steps, each ticked by the live traffic. Labs are
 * data ({@link LabFile} reads them from YAML), not code.
 *
 * @param source      where the lab was read from (a file, or {@code handout} for the built-in one)
 * @param strictOrder true when every step waits for the one before it, optional ones included
 *                    (until done or skipped); false when a step waits only for the required steps
 *                    before it
 */
public record Lab(String title, String introduction, List<Step> steps, String source, boolean strictOrder) {

    public Lab {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst();
    }

    /** The step's place in the lab, from 1; 0 when it is not a step of this lab. */
    public int number(Step step) {
        return steps.indexOf(step) + 1;
    }

    /** The steps that are not optional: the lab is complete when these are done. */
    public long requiredCount() {
        return steps.stream().filter(step -> !step.optional()).count();
    }
}
