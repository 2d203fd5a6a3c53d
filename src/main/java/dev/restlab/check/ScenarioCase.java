package dev.restlab.check;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One case of a scenario: a request to send and what of its answer is compared.
 *
 * @param command    the curl command a person would type for it ({@code {port}}, {@code {id}} as
 *                   placeholders), or empty
 * @param remembersId true when the user id this case's answer gives is kept for later cases' {@code {id}}
 * @param handout    true for one of the handout's own curl commands: {@code check} fails (exit 1)
 *                   only when one of these differs
 * @param compare    what of the answers must agree
 */
public record ScenarioCase(String id, String title, String command, String explanation, boolean remembersId,
        ScenarioRequest request, boolean handout, Set<Aspect> compare) {

    public ScenarioCase {
        compare = compare.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(compare));
    }
}
