package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRules;
import dev.restlab.wire.Exchange;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lab's {@code faults:} read from the file, and switched on and off in the server's rules as its steps advance. */
class LabFaultsTest {

    private static final String LAB = """
            title: Faults by step
            steps:
              - id: start
                title: Start
                server: running
              - id: slow
                title: Slow
                faults:
                  - "delay 300ms on GET /people/v1/users"
                  - "status 503 on DELETE"
                check:
                  method: GET
              - id: plain
                title: Nothing on purpose
                check:
                  method: PUT
              - id: again
                title: Again
                faults: ["reset on POST /people/v1/users"]
                check:
                  method: POST
            """;

    private static Lab lab() throws LabFileException {
        return LabFile.read(new StringReader(LAB), "faults.yaml");
    }

    private static Exchange exchange(long id, String method, String target, int status) {
        return Exchange.builder().id(id).request(method, target).requestHeader("User-Agent", "curl/8.5.0")
                .status(status, "").build();
    }

    private static List<String> on(FaultRules rules) {
        return rules.entries().stream().filter(FaultRules.Entry::on).map(entry -> entry.rule().text()).toList();
    }

    @Test
    void each_step_reads_its_rules_checked_as_the_faults_panel_checks_them() throws Exception {
        Lab lab = lab();
        assertEquals(List.of(FaultRule.parse("delay 300ms on GET /people/v1/users"), FaultRule.parse("status 503 on DELETE")),
                lab.step("slow").orElseThrow().faults());
        assertTrue(lab.step("plain").orElseThrow().faults().isEmpty());
    }

    @Test
    void a_wrong_rule_is_refused_with_its_line_and_its_reason() {
        String yaml = "title: x\nsteps:\n  - id: a\n    title: A\n    faults:\n      - \"delay 300ms\"\n"
                + "      - \"explode on GET\"\n    check:\n      method: GET\n";
        LabFileException e = assertThrows(LabFileException.class, () -> LabFile.read(new StringReader(yaml), "x.yaml"));
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("'explode' is not an action"), e.getMessage());
    }

    @Test
    void faults_must_be_a_list_of_rules() {
        String yaml = "title: x\nsteps:\n  - id: a\n    title: A\n    faults: \"delay 1s\"\n    check:\n      method: GET\n";
        LabFileException e = assertThrows(LabFileException.class, () -> LabFile.read(new StringReader(yaml), "x.yaml"));
        assertEquals(5, e.line(), e.getMessage());
    }

    @Test
    void the_current_steps_rules_replace_the_labs_earlier_ones_and_a_teachers_own_rule_stays() throws Exception {
        FaultRules rules = new FaultRules();
        FaultRule teachers = FaultRule.parse("drip 100B/s on GET /");
        rules.add(teachers);
        LabTracker tracker = new LabTracker(lab(), ProgressStore.inMemory());
        LabFaults faults = LabFaults.follow(tracker, rules);
        assertEquals(List.of("drip 100B/s on GET /"), on(rules), "the first step switches nothing on");

        tracker.serverRunning(5001);
        assertEquals(List.of("drip 100B/s on GET /", "delay 300ms on GET /people/v1/users", "status 503 on DELETE"),
                on(rules), "the slow step's rules, beside the teacher's");

        tracker.accept(exchange(1, "GET", "/people/v1/users", 200));
        assertEquals(List.of("drip 100B/s on GET /"), on(rules), "the step without faults switches the lab's off");

        tracker.accept(exchange(2, "PUT", "/people/v1/users/1", 200));
        assertEquals(List.of("drip 100B/s on GET /", "reset on POST /people/v1/users"), on(rules));

        tracker.restart();
        assertEquals(List.of("drip 100B/s on GET /"), on(rules), "back at the first step");
        tracker.serverRunning(5001);
        tracker.accept(exchange(3, "GET", "/people/v1/users", 200));
        tracker.accept(exchange(4, "PUT", "/people/v1/users/1", 200));
        tracker.accept(exchange(5, "POST", "/people/v1/users", 201));
        assertTrue(tracker.complete());
        assertEquals(List.of("drip 100B/s on GET /"), on(rules), "a finished lab leaves only the teacher's rule");
        faults.close();
        assertEquals(List.of("drip 100B/s on GET /"), on(rules));
    }

    @Test
    void closing_the_lab_takes_its_rules_away_and_it_switches_nothing_on_after() throws Exception {
        FaultRules rules = new FaultRules();
        LabTracker tracker = new LabTracker(lab(), ProgressStore.inMemory());
        LabFaults faults = LabFaults.follow(tracker, rules);
        tracker.serverRunning(5001);
        assertEquals(2, on(rules).size());
        faults.close();
        assertTrue(rules.entries().isEmpty(), "another lab opened: this lab's rules go");
        tracker.accept(exchange(1, "GET", "/people/v1/users", 200));
        tracker.accept(exchange(2, "PUT", "/people/v1/users/1", 200));
        assertTrue(rules.entries().isEmpty(), "a closed lab switches nothing on");
    }
}
