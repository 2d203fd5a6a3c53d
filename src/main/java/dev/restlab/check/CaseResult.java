package dev.restlab.check;

import java.util.List;

/**
 * One case of a check: the scenario's case, what the checked server answered, and one verdict on
 * it, graded against the listing the server matches best (an extra: against what a careful server
 * answers); beside it, apart, what the OpenAPI document says.
 *
 * @param number      the case's place in the scenario, from 1
 * @param against     who answers as expected, e.g. {@code In [7]} or {@code a careful server}
 * @param differences how the answer differs (empty unless {@link Outcome#DIFFERS})
 * @param credits     what the server did beyond the listing, in words
 * @param notes       what the check had to make up (an id the server never gave) or what the
 *                    listing itself leaves out (In [7] has no {@code ?name=})
 * @param openApi     the OpenAPI document's verdict on the answer, one line, or why there is none
 * @param openApiWhy  when the document and the handout disagree, why, as a teaching point; or empty
 */
public record CaseResult(int number, ScenarioCase scenarioCase, Answer answer, Outcome outcome, String against,
        List<Difference> differences, List<String> credits, List<String> notes, String openApi, String openApiWhy) {

    public CaseResult {
        differences = List.copyOf(differences);
        credits = List.copyOf(credits);
        notes = List.copyOf(notes);
    }

    /** True for a case of the handout's program (graded); false for an extra. */
    public boolean handout() {
        return scenarioCase.handout();
    }

    /** E.g. {@code as the handout}, {@code differs, in status, body}, {@code no answer within 10 s}. */
    public String verdict() {
        return switch (outcome) {
            case AS_EXPECTED -> handout() ? "as the handout" : "as a careful server answers";
            case FURTHER -> "went further than " + against;
            case DIFFERS -> "differs, in " + String.join(", ", differences.stream().map(Difference::what).toList());
            case NO_ANSWER, NOT_SENT -> answer.problem();
        };
    }
}
