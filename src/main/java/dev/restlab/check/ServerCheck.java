package dev.restlab.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.http.TargetUrl;
import dev.restlab.wire.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a scenario ({@link ScenarioFile#handout()} or a teacher's own) against a server, grades the
 * answers against the handout's listing the server matches best, and deletes the users its cases
 * created. Every answer has a time limit for the whole of it, and the check one for all of it.
 */
public final class ServerCheck {

    /** How long a connection and each whole answer may take. */
    public static final Duration DEFAULT_CASE_TIMEOUT = Duration.ofSeconds(10);
    /** How long the whole check may take; cases not sent by then are reported as not sent. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Sent for {@code {id}} when a server gave no id to remember: no user has it. */
    static final String NO_ID = "00000000-0000-0000-0000-000000000000";
    /** How the answer of a case that was never sent begins. */
    static final String NOT_SENT = "not sent";

    private final Scenario scenario;
    private final Duration caseTimeout;
    private final Duration timeout;
    private final HttpProbe probe;

    public ServerCheck(Scenario scenario, Duration caseTimeout, Duration timeout) {
        if (caseTimeout.isNegative() || caseTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("time limits must be more than zero");
        }
        this.scenario = scenario;
        this.caseTimeout = caseTimeout;
        this.timeout = timeout;
        this.probe = new HttpProbe(caseTimeout);
    }

    public ServerCheck(Scenario scenario) {
        this(scenario, DEFAULT_CASE_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Sends every case to {@code target}, grades the answers, cleans up, and tells {@code eachCase}
     * each graded case.
     *
     * @throws TargetUnreachable when no connection to {@code target} can be made at the start
     */
    public CheckReport run(TargetUrl target, Consumer<CaseResult> eachCase) throws TargetUnreachable {
        long started = System.nanoTime();
        probe.reach(target);
        Deadline whole = new Deadline(timeout);
        List<Answer> answers = new ArrayList<>();
        List<List<String>> notes = new ArrayList<>();
        List<CreatedUser> created = new ArrayList<>();
        List<CreatedUser> present = new ArrayList<>();
        String remembered = null;
        for (ScenarioCase c : scenario.cases()) {
            List<String> made = new ArrayList<>();
            notes.add(made);
            if (whole.passed()) {
                answers.add(Answer.notSent(NOT_SENT + ": the check's " + whole.words() + " were up"));
                continue;
            }
            String path = c.request().path();
            if (path.contains("{id}")) {
                if (remembered == null) {
                    made.add("the server gave no user id earlier (no Location, no UUID in the body),"
                            + " so {id} became " + NO_ID);
                }
                path = path.replace("{id}", remembered == null ? NO_ID : remembered);
            }
            Answer answer = probe.send(target, bytes(c.request(), path, target), whole.atMost(caseTimeout));
            answers.add(answer);
            Optional<Exchange> exchange = answer.exchange().filter(e -> answer.complete());
            if (c.remembersId()) {
                remembered = exchange.flatMap(GivenId::of).orElse(remembered);
            }
            if (exchange.isPresent()) {
                track(c, exchange.get(), created, present);
            }
        }
        Grading grading = new Grading(scenario);
        Optional<Stage> stage = grading.bestStage(answers);
        List<CaseResult> cases = grading.grade(stage, answers, notes);
        Cleanup cleanup = cleanUp(target, created, present);
        cases.forEach(eachCase);
        return new CheckReport(scenario, target, Instant.now(), stage, cases, cleanup,
                Duration.ofNanos(System.nanoTime() - started));
    }

    public CheckReport run(TargetUrl target) throws TargetUnreachable {
        return run(target, result -> { });
    }

    /** Keeps each user a POST created; forgets one a DELETE took (answered 2xx at its /{id}). */
    private static void track(ScenarioCase c, Exchange exchange, List<CreatedUser> created, List<CreatedUser> present) {
        String method = c.request().method();
        if (method.equals("POST") && exchange.status() == 201) {
            CreatedUser user = new CreatedUser(c.id(), who(c.request().body()), GivenId.of(exchange),
                    c.request().path().split("\\?", 2)[0]);
            created.add(user);
            present.add(user);
        } else if (method.equals("DELETE") && exchange.status() / 100 == 2) {
            String path = exchange.path();
            present.removeIf(user -> user.id().map(id -> path.equals(user.collection() + "/" + id)).orElse(false));
        }
    }

    /**
     * Deletes each user still there by the id its 201 gave, each within the case time limit even
     * when the check's own time is up (a trace left is worse than a late end).
     */
    private Cleanup cleanUp(TargetUrl target, List<CreatedUser> created, List<CreatedUser> present) {
        List<String> left = new ArrayList<>();
        for (CreatedUser user : present) {
            if (user.id().isEmpty()) {
                left.add(user.who() + " (its 201 gave no id to delete it by)");
                continue;
            }
            String path = user.collection() + "/" + user.id().get();
            ScenarioRequest delete = new ScenarioRequest("DELETE", path, Map.of(), "", 0);
            Answer answer = probe.send(target, bytes(delete, path, target), caseTimeout);
            int status = answer.exchange().filter(e -> answer.complete()).map(Exchange::status).orElse(0);
            if (status / 100 != 2) {
                left.add(user.who() + " (DELETE " + path + ": " + answer.statusText() + ")");
            }
        }
        return new Cleanup(created.size(), created.size() - left.size(), left);
    }

    /** The name and email a POST sent, e.g. {@code John <john@example.com>}, for saying who was left. */
    private static String who(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject user = json.getAsJsonObject();
                return text(user, "name") + " <" + text(user, "email") + ">";
            }
        } catch (RuntimeException notJson) {
            // said below
        }
        return "a user from the body " + (body.length() > 40 ? body.substring(0, 40) + "…" : body);
    }

    private static String text(JsonObject user, String field) {
        JsonElement value = user.get(field);
        if (value == null || value.isJsonNull()) {
            return "no " + field;
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
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
