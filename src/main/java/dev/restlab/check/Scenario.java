package dev.restlab.check;

import java.util.List;
import java.util.Optional;

/**
 * What {@code check} sends to a server, case by case, and how it judges the answers: data
 * ({@link ScenarioFile} reads it from YAML), not code.
 *
 * @param source where it was read from (a file, or {@code handout} for the built-in one)
 */
public record Scenario(String title, String introduction, List<ScenarioCase> cases, String source) {

    public Scenario {
        cases = List.copyOf(cases);
    }

    public Optional<ScenarioCase> scenarioCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
