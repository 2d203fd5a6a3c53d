package dev.restlab.lab;

import java.util.List;
import java.util.Map;

/**
 * One step of a lab: what to do (a text, and the exact command to run with {@code {port}} and
 * {@code {id}} filled in), why it matters, a question a teacher would ask with its answer, and
 * the checks that tick it: one exchange each, in order.
 *
 * @param reference the RFC 9110 section (or other source) where the concept is defined, or empty
 * @param serverRunning true for a step ticked by the server running, not by an exchange
 * @param remembers     the name under which this step keeps the user id its answer gave (e.g.
 *                      {@code id}), for later steps' commands and checks; empty for none
 */
public record Step(String id, String title, String task, String command, String explanation,
        String reference, String question, String answer, List<Check> checks, boolean serverRunning,
        String remembers) {

    public Step {
        checks = List.copyOf(checks);
    }

    /** The command with {@code {port}} and remembered values such as {@code {id}} filled in. */
    public String commandFor(int port, Map<String, String> remembered) {
        String filled = command.replace("{port}", String.valueOf(port));
        for (Map.Entry<String, String> value : remembered.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
