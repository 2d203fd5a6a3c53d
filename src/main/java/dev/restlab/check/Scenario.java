package dev.restlab.check;

import java.util.List;
import java.util.Optional;

/**
 * What {@code check} sends to a server, case by case, and what the answers should be: data
 * ({@link ScenarioFile} reads it from YAML), not code.
 *
 * @param stages the stages of the program graded (the handout's listings), in order, the last
 *               the final one; empty for a scenario that grades against one expectation per case
 * @param source where it was read from (a file, or {@code handout} for the built-in one)
 */
public record Scenario(String title, String introduction, List<Stage> stages, List<ScenarioCase> cases,
        String source) {

    public Scenario {
        stages = List.copyOf(stages);
        cases = List.copyOf(cases);
    }

    public Optional<ScenarioCase> scenarioCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The program the stages end with (the handout's final listing), if the scenario has stages. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }
}
