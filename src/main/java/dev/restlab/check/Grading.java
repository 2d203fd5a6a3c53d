package dev.restlab.check;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.openapi.Conformance;
import dev.restlab.wire.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grades a server's answers: finds the stage (the handout's listing) whose answers the server's
 * are most alike, ties going to the later listing, then judges each graded case against that
 * stage and each extra against what a careful server answers.
 */
final class Grading {

    private final Scenario scenario;

    Grading(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The stage the answers match best; empty for a scenario without stages. */
    Optional<Stage> bestStage(List<Answer> answers) {
        Stage best = null;
        long bestScore = -1;
        for (Stage stage : scenario.stages()) {
            long score = 0;
            for (int i = 0; i < answers.size(); i++) {
                ScenarioCase c = scenario.cases().get(i);
                if (c.handout() && c.expected(stage.id()).met(answers.get(i))) {
                    score++;
                }
            }
            if (score >= bestScore) { // a tie goes to the later listing, the one the handout is heading for
                best = stage;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    List<CaseResult> grade(Optional<Stage> stage, List<Answer> answers, List<List<String>> notes) {
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            results.add(grade(i + 1, scenario.cases().get(i), stage, answers.get(i), notes.get(i)));
        }
        return results;
    }

    private static CaseResult grade(int number, ScenarioCase c, Optional<Stage> stage, Answer answer,
            List<String> made) {
        boolean byStage = c.handout() && stage.isPresent();
        String against = byStage ? stage.get().title() : c.handout() ? "the scenario" : "a careful server";
        Expectation expected = c.expected(byStage ? stage.get().id() : ScenarioCase.ANY_STAGE);
        List<String> notes = new ArrayList<>(made);
        List<String> credits = new ArrayList<>();
        List<Difference> differences = List.of();
        Outcome outcome;
        if (answer.exchange().isEmpty() && answer.problem().startsWith(ServerCheck.NOT_SENT)) {
            outcome = Outcome.NOT_SENT;
        } else if (!answer.complete()) {
            outcome = Outcome.NO_ANSWER;
        } else {
            Exchange exchange = answer.exchange().orElseThrow();
            differences = expected.differences(exchange, against + " answers");
            Optional<Further> further = c.further().stream().filter(f -> f.expect().met(answer)).findFirst();
            if (differences.isEmpty()) {
                outcome = Outcome.AS_EXPECTED;
                if (!expected.note().isEmpty()) {
                    notes.add(expected.note());
                }
            } else if (further.isPresent()) {
                outcome = Outcome.FURTHER;
                credits.add(further.get().says());
                differences = List.of();
            } else {
                outcome = Outcome.DIFFERS;
            }
            if (exchange.status() == 201 && exchange.response().header("Location").isPresent()) {
                credits.add("sends Location: " + exchange.response().header("Location").orElseThrow()
                        + " with its 201, which the handout's listings do not");
            }
        }
        String openApi = "no answer to judge";
        String openApiWhy = "";
        if (answer.exchange().isPresent() && answer.complete()) {
            Conformance conformance = ApiDescription.bundled().check(answer.exchange().get());
            openApi = conformance.summary();
            openApiWhy = why(conformance, answer.exchange().get(), c.handout(), outcome);
        }
        return new CaseResult(number, c, answer, outcome, against, differences, credits, notes, openApi, openApiWhy);
    }

    /** Where the OpenAPI document and Flask's way part, the teaching point that reconciles them. */
    private static String why(Conformance conformance, Exchange exchange, boolean graded, Outcome outcome) {
        if (conformance.conforms()) {
            return "";
        }
        String type = exchange.response().header("Content-Type").orElse("");
        if (type.startsWith("text/html") && conformance.reason().contains("text/html is not documented")) {
            String flask = "Flask sends a returned string as text/html unless told otherwise (return body, status,"
                    + " {'Content-Type': 'text/plain'}); the OpenAPI document says text/plain, which a browser"
                    + " shows as text rather than running it as a page.";
            if (graded) {
                return flask + " The handout's listings do the same, so this is not a difference from the handout.";
            }
            return outcome.fine() ? flask + " This extra judges the status only." : flask;
        }
        return "";
    }
}
