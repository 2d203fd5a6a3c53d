package dev.restlab.check;

import dev.restlab.http.TargetUrl;
import dev.restlab.openapi.ApiDescription;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a scenario ({@link ScenarioFile#handout()} or a teacher's own) against
 * a server and, step by step beside it, against RestLab's own API, and compares the answers.
 * Each side keeps its own remembered ids: the checked server's {@code {id}} is the id it gave.
 */
public final class ServerCheck {

    /** How long a connection and each answer may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Sent for {@code {id}} when a server gave no id to remember: no user has it. */
    static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    private final Scenario scenario;
    private final HttpProbe probe;

    public ServerCheck(Scenario scenario, Duration timeout) {
        this.scenario = scenario;
        this.probe = new HttpProbe(timeout);
    }

    public ServerCheck(Scenario scenario) {
        this(scenario, DEFAULT_TIMEOUT);
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Runs every step against {@code target} and {@code reference} (RestLab's own API, fresh),
     * telling {@code eachCase} each result as it is made.
     *
     * @throws TargetUnreachable when no connection to {@code target} can be made at the start
     */
    public CheckReport run(TargetUrl target, TargetUrl reference, Consumer<CaseResult> eachCase)
            throws TargetUnreachable {
        probe.reach(target);
        Side checked = new Side(target);
        Side restlab = new Side(reference);
        List<CaseResult> cases = new ArrayList<>();
        for (ScenarioCase scenarioCase : scenario.cases()) {
            List<String> notes = new ArrayList<>();
            Answer targetAnswer = checked.send(scenarioCase, notes);
            Answer referenceAnswer = restlab.send(scenarioCase, new ArrayList<>());
            String openApi = targetAnswer.exchange()
                    .map(exchange -> ApiDescription.bundled().check(exchange).summary())
                    .orElse("no answer to check");
            CaseResult result = new CaseResult(cases.size() + 1, scenarioCase, targetAnswer, referenceAnswer,
                    Comparison.of(targetAnswer, referenceAnswer, scenarioCase.compare()), notes, openApi);
            cases.add(result);
            eachCase.accept(result);
        }
        return new CheckReport(scenario.title(), target, Instant.now(), cases);
    }

    public CheckReport run(TargetUrl target, TargetUrl reference) throws TargetUnreachable {
        return run(target, reference, result -> { });
    }

    /** One server and the ids it gave. */
    private final class Side {
        private final TargetUrl server;
        private final Map<String, String> remembered = new LinkedHashMap<>();

        Side(TargetUrl server) {
            this.server = server;
        }

        Answer send(ScenarioCase scenarioCase, List<String> notes) {
            ScenarioRequest request = scenarioCase.request();
            String path = request.path();
            if (path.contains("{id}")) {
                String id = remembered.values().stream().reduce((first, last) -> last).orElse(null);
                if (id == null) {
                    notes.add("the server gave no user id earlier (no Location, no UUID in the body),"
                            + " so {id} became " + NO_ID);
                    id = NO_ID;
                }
                path = path.replace("{id}", id);
            }
            Answer answer = probe.send(server, bytes(request, path, server));
            if (scenarioCase.remembersId()) {
                answer.exchange().flatMap(GivenId::of).ifPresent(id -> remembered.put(scenarioCase.id(), id));
            }
            return answer;
        }
    }

    /** The request as it goes on the wire, much as curl sends it, with {@code Connection: close}. */
    static byte[] bytes(ScenarioRequest request, String path, TargetUrl server) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        int length = Math.max(body.length, request.padTo());
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.authority()).append("\r\n")
                .append("User-Agent: ").append(HttpProbe.USER_AGENT).append("\r\n")
                .append("Accept: */*\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (length > 0 || request.method().matches("POST|PUT|PATCH")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        bytes.writeBytes(" ".repeat(length - body.length).getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }
}
