package dev.restlab.check;

import java.util.List;
import java.util.Map;

/**
 * One case of a scenario: a request to send and what its answer should be.
 *
 * @param command     the curl command a person would type for it ({@code {port}}, {@code {id}} as
 *                    placeholders), or empty
 * @param remembersId true when the user id this case's answer gives is kept for later cases' {@code {id}}
 * @param handout     true for a case of the handout's program, graded: {@code check} fails (exit 1)
 *                    only when one of these differs; false for an extra, reported apart
 * @param expected    what each stage answers (by stage id, every stage present), or for a scenario
 *                    without stages and for an extra, one expectation under {@link #ANY_STAGE}
 * @param further     answers that go further than the matched stage: credit, not a difference
 */
public record ScenarioCase(String id, String title, String command, String explanation, boolean remembersId,
        ScenarioRequest request, boolean handout, Map<String, Expectation> expected, List<Further> further) {

    /** The key of the one expectation of a case that does not depend on the stage. */
    public static final String ANY_STAGE = "*";

    public ScenarioCase {
        expected = Map.copyOf(expected);
        further = List.copyOf(further);
    }

    /** What {@code stage} answers (for a case that does not depend on the stage, its one expectation). */
    public Expectation expected(String stage) {
        Expectation expectation = expected.get(stage);
        return expectation != null ? expectation : expected.get(ANY_STAGE);
    }
}
