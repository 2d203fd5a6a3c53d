package dev.restlab.check;

import java.util.List;

/**
 * One case of a check: the scenario's case, the answers of the checked server and of RestLab's
 * own API to the same request, how they differ, and whether the checked server's answer
 * conforms to the OpenAPI document.
 *
 * @param number  the case's place in the scenario, from 1
 * @param notes   what the check had to make up, e.g. an id the server never gave
 * @param openApi the OpenAPI verdict on the checked server's answer, one line
 */
public record CaseResult(int number, ScenarioCase scenarioCase, Answer target, Answer reference, List<Difference> differences,
        List<String> notes, String openApi) {

    public CaseResult {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** True when the checked server answered as RestLab's API does. */
    public boolean same() {
        return differences.isEmpty();
    }

    /** True for one of the handout's own curl commands. */
    public boolean handout() {
        return scenarioCase.handout();
    }

    /** {@code same} or e.g. {@code differs in status, body}. */
    public String verdict() {
        if (same()) {
            return "same";
        }
        return "differs in " + String.join(", ", differences.stream().map(Difference::what).toList());
    }
}
