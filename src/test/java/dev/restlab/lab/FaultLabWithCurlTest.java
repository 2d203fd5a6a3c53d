package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRules;
import dev.restlab.testing.Await;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in lab "When the server misbehaves" done with each step's own curl command against a
 * real server: the step switches its faults on, curl meets them, and the lab ticks from the live
 * traffic.
 */
class FaultLabWithCurlTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private AutoCloseable following;
    private LabFaults faults;

    @AfterEach
    void stop() throws Exception {
        if (faults != null) {
            faults.close();
        }
        if (following != null) {
            following.close();
        }
    }

    private static List<FaultRule> on(FaultRules rules) {
        return rules.entries().stream().filter(FaultRules.Entry::on).map(FaultRules.Entry::rule).toList();
    }

    @Test
    void every_step_ticks_from_its_own_curl_command_while_its_faults_are_on() throws Exception {
        Requires.bashAndCurl();
        LabTracker lab = new LabTracker(LabFile.load(LabFile.FAULTS), ProgressStore.inMemory());
        following = server.traffic().subscribe(lab);
        FaultRules rules = server.api().faults();
        faults = LabFaults.follow(lab, rules);
        lab.serverRunning(server.port());

        Step slow = lab.current().orElseThrow();
        assertEquals("slow-list", slow.id());
        assertEquals(List.of(FaultRule.parse("delay 2s on GET /people/v1/users")), on(rules));
        run(slow.commandFor(server.port(), lab.values()));
        Await.until("the slow list ticks", () -> lab.tickOf(slow).isPresent());

        Step retry = lab.current().orElseThrow();
        assertEquals("retry-after", retry.id());
        List<FaultRule> only503 = List.of(FaultRule.parse("status 503 rate 0.5 on GET /people/v1/users"));
        Await.until("the delay is off, the 503 on", () -> on(rules).equals(only503));
        // Half the requests get a 503: a run whose first answer is a 200 does not tick, so run again (bounded).
        for (int run = 0; run < 12 && lab.tickOf(retry).isEmpty(); run++) {
            long before = server.traffic().lastId();
            run(retry.commandFor(server.port(), lab.values()));
            Await.until("the lab sees the run", () -> lab.tickOf(retry).isPresent()
                    || server.traffic().lastId() > before);
        }
        Await.until("a 503 with Retry-After and then a 200 tick the step", () -> lab.tickOf(retry).isPresent());

        Step reset = lab.current().orElseThrow();
        assertEquals("reset", reset.id());
        List<FaultRule> resetDelete = List.of(FaultRule.parse("reset on DELETE /people/v1/users/*"));
        Await.until("the 503 is off, the reset on", () -> on(rules).equals(resetDelete));
        assertEquals(56, run(reset.commandFor(server.port(), lab.values())), "curl: (56) Connection reset by peer");
        Await.until("the DELETE that got no answer ticks the step", () -> lab.tickOf(reset).isPresent());
        Tick resetTick = lab.tickOf(reset).orElseThrow();
        assertTrue(resetTick.summary().contains("0 (no answer: connection reset by the server before any answer)"),
                resetTick.summary());
        assertTrue(resetTick.fault().startsWith("Fault on purpose: reset on DELETE /people/v1/users/*."),
                resetTick.fault());
        assertTrue(resetTick.fault().contains("This DELETE is idempotent"), resetTick.fault());

        Step duplicate = lab.current().orElseThrow();
        assertEquals("duplicate-post", duplicate.id());
        List<FaultRule> slowPost = List.of(FaultRule.parse("delay 3s on POST /people/v1/users"));
        Await.until("the reset is off, the slow POST on", () -> on(rules).equals(slowPost));
        run(duplicate.commandFor(server.port(), lab.values()));
        Await.until("two POSTs of Twice answered 201 tick the step", Duration.ofSeconds(20),
                () -> lab.tickOf(duplicate).isPresent());
        assertEquals(2L, (long) server.store().findByName("Twice").size(),
                "the retried POST left a duplicate user");

        assertTrue(lab.complete());
        Await.until("the finished lab switched its faults off", () -> rules.entries().isEmpty());

        String report = LabReport.markdown(lab, "Ann", java.time.Instant.now());
        assertTrue(report.contains("**Fault met:** Fault on purpose: delay 2000ms on GET /people/v1/users. The answer"
                + " comes 2000ms late. A good client sets a time limit"), report);
        assertTrue(report.contains("**Fault met:** Fault on purpose: reset on DELETE /people/v1/users/\\*."), report);
        assertTrue(report.contains("No answer: connection reset by the server before any answer."), report);
        assertTrue(report.contains("**OpenAPI:** deleteUser: no answer to judge"), report);
        assertTrue(report.contains("does not know whether the server did it: a good client never blindly"
                + " retries it."), "the duplicate POST's lesson: " + report);
    }

    /** Runs a command with bash and returns its exit code: the lesson's, not the test's (a timeout exits 28). */
    private static int run(String command) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", command + " > /dev/null 2>&1").redirectErrorStream(true).start();
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "hangs: " + command);
        return bash.exitValue();
    }
}
