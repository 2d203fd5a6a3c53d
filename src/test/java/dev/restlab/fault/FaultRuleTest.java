package dev.restlab.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultRuleTest {

    @Test
    void the_issues_examples_read_as_written() throws Exception {
        FaultRule delay = FaultRule.parse("delay 300ms on GET /people/v1/users");
        assertEquals(FaultAction.DELAY, delay.action());
        assertEquals(Duration.ofMillis(300), delay.delay());
        assertEquals(Optional.of("GET"), delay.method());
        assertEquals(Optional.of("/people/v1/users"), delay.path());

        FaultRule status = FaultRule.parse("status 503 rate 0.5 on POST /people/v1/users");
        assertEquals(503, status.status());
        assertEquals(0.5, status.rate());
        assertEquals("status 503 rate 0.5 on POST /people/v1/users", status.text());

        FaultRule reset = FaultRule.parse("reset on DELETE");
        assertEquals(Optional.of("DELETE"), reset.method());
        assertEquals(Optional.empty(), reset.path());

        FaultRule drip = FaultRule.parse("drip 100B/s");
        assertEquals(100, drip.bytesPerSecond());
        assertEquals(1.0, drip.rate());

        FaultRule jitter = FaultRule.parse("  DELAY 1.5s jitter 200ms  ");
        assertEquals(Duration.ofMillis(1500), jitter.delay());
        assertEquals(Duration.ofMillis(200), jitter.jitter());
        assertEquals("delay 1500ms jitter 200ms", jitter.text());
    }

    @Test
    void a_trailing_star_matches_a_prefix_and_a_method_only_its_own() throws Exception {
        FaultRule users = FaultRule.parse("hang on /people/v1/users/*");
        assertTrue(users.matches("GET", "/people/v1/users/abc"));
        assertTrue(users.matches("DELETE", "/people/v1/users/"));
        assertFalse(users.matches("GET", "/people/v1/users"));
        FaultRule exact = FaultRule.parse("truncate on GET /people/v1/users");
        assertTrue(exact.matches("GET", "/people/v1/users"));
        assertFalse(exact.matches("POST", "/people/v1/users"));
        assertFalse(exact.matches("GET", "/people/v1/users/x"));
        assertTrue(FaultRule.parse("reset").matches("PATCH", "/anything"));
    }

    @Test
    void a_wrong_rule_is_refused_with_the_word_at_fault() {
        assertRefused("explode", "'explode' is not an action");
        assertRefused("", "a rule starts with an action");
        assertRefused("delay", "delay needs a time");
        assertRefused("delay 3 minutes", "'3' is not a time");
        assertRefused("delay 60s", "at most 25s");
        assertRefused("status 200", "'200' is not an error status");
        assertRefused("status abc", "'abc' is not an error status");
        assertRefused("drip fast", "'fast' is not a rate");
        assertRefused("reset rate 2", "'2' is not a share");
        assertRefused("reset rate 0", "'0' is not a share");
        assertRefused("reset on", "'on' needs a method");
        assertRefused("reset on GET /x extra", "'extra' is not understood");
        assertRefused("hang now", "'now' is not understood");
    }

    @Test
    void rates_are_drawn_from_the_given_source_so_a_seed_repeats_them() throws Exception {
        FaultRule half = FaultRule.parse("status 503 rate 0.5");
        int[] touched = new int[2];
        for (int run = 0; run < 2; run++) {
            FaultRules rules = new FaultRules(new Random(42));
            rules.add(half);
            for (int i = 0; i < 200; i++) {
                touched[run] += rules.pick("GET", "/").isPresent() ? 1 : 0;
            }
        }
        assertEquals(touched[0], touched[1], "the same seed touches the same requests");
        assertTrue(touched[0] > 0 && touched[0] < 200, "some requests are touched and some are not: " + touched[0]);
    }

    @Test
    void a_rule_switched_off_or_removed_touches_nothing() throws Exception {
        FaultRules rules = new FaultRules(new Random(1));
        FaultRule reset = FaultRule.parse("reset on GET");
        assertTrue(rules.isEmpty());
        rules.add(reset);
        assertEquals(Optional.of(reset), rules.pick("GET", "/"));
        assertEquals(Optional.empty(), rules.pick("POST", "/"));
        rules.switchTo(reset, false);
        assertTrue(rules.isEmpty());
        assertEquals(Optional.empty(), rules.pick("GET", "/"));
        rules.switchTo(reset, true);
        rules.remove(reset);
        assertEquals(Optional.empty(), rules.pick("GET", "/"));
    }

    @Test
    void each_action_says_what_a_client_sees_and_what_a_good_client_does() throws Exception {
        for (String typed : new String[] {"delay 1s", "status 503", "status 404", "reset", "truncate", "drip 10B/s",
                "hang"}) {
            FaultRule rule = FaultRule.parse(typed);
            assertFalse(rule.explanation().isBlank(), typed);
            assertTrue(rule.advice().startsWith("A good client"), typed);
        }
        assertTrue(FaultRule.parse("status 503").explanation().contains("Retry-After"));
        assertFalse(FaultRule.parse("status 500").explanation().contains("Retry-After"));
    }

    private static void assertRefused(String typed, String reason) {
        FaultRuleException refused = assertThrows(FaultRuleException.class, () -> FaultRule.parse(typed));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
