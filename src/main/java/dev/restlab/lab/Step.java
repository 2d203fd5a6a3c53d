package dev.restlab.lab;

import dev.restlab.fault.FaultRule;
import java.util.List;
import java.util.Map;

/**
 * One step of a lab: what to do (a text, and the exact command to run with {@code {port}} and
 * {@code {id}} filled in), why it matters, a question a teacher would ask with its answer, and
 * the checks that tick it: one exchange each, in order.
 *
 * @param reference     the RFC 9110 section (or other source) where the concept is defined, or empty
 * @param serverRunning true for a step ticked by the server running, not by an exchange
 * @param remembers     the name under which this step keeps the user id its answer gave (e.g.
 *                      {@code id}), for later steps' commands and checks; empty for none
 * @param optional      true for a step the lab adds to what it follows: it can be skipped, and in
 *                      a lab not in strict order it never holds back a later step
 * @param note          a remark shown with the step (e.g. what RestLab's server does beyond the
 *                      handout's), never a reason for no tick; empty for none
 * @param beside        a step whose exchange is shown beside this one's, to compare; empty for none
 * @param faults        the fault rules the server applies while this is the current step (see
 *                      {@link LabFaults}); empty for none
 */
public record Step(String id, String title, String task, String command, String explanation,
        String reference, String question, String answer, List<Expectation> checks, boolean serverRunning,
        String remembers, boolean optional, String note, String beside, List<FaultRule> faults) {

    /** What an unknown {@code {id}} is shown as: the handout's own way of writing "a UUID". */
    public static final String UNKNOWN_ID = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

    public Step {
        checks = List.copyOf(checks);
        faults = List.copyOf(faults);
    }

    /** The command with {@code {port}} and remembered values such as {@code {id}} filled in. */
    public String commandFor(int port, Map<String, String> remembered) {
        return fill(command, port, remembered);
    }

    /** The task, filled in as the command is. */
    public String taskFor(int port, Map<String, String> remembered) {
        return fill(task, port, remembered);
    }

    /**
     * {@code {port}} and each remembered value filled into a text; an {@code {id}} not yet known
     * is written as the handout writes one.
     */
    public static String fill(String text, int port, Map<String, String> remembered) {
        String filled = text.replace("{port}", String.valueOf(port));
        for (Map.Entry<String, String> value : remembered.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled.replace("{id}", UNKNOWN_ID);
    }
}
