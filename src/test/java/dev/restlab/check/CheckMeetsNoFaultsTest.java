package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults are never on while a check grades a server: even pointed at RestLab's own port with
 * rules switched on for everyone, the check's requests pass untouched, while curl still meets the
 * rules in the same moment.
 */
class CheckMeetsNoFaultsTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private String curlStatusLine() throws Exception {
        Requires.curl();
        Process curl = new ProcessBuilder("curl", "-s", "-i", "--max-time", "20",
                "http://127.0.0.1:" + server.port() + "/people/v1/users").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        return out.lines().findFirst().orElse("");
    }

    private List<Exchange> checksExchanges() {
        return server.traffic().snapshot().stream()
                .filter(e -> e.request().header("User-Agent").orElse("").startsWith(HttpProbe.USER_AGENT))
                .toList();
    }

    @Test
    void a_check_of_restlabs_own_server_meets_none_of_the_rules_that_are_on() throws Exception {
        server.api().faults().add(FaultRule.parse("status 503"));
        server.api().faults().add(FaultRule.parse("reset on POST"));
        CheckReport report = new ServerCheck(ScenarioFile.handout())
                .run(new TargetUrl("127.0.0.1", server.port()), each -> { });
        assertFalse(report.graded().isEmpty());
        for (CaseResult graded : report.graded()) {
            assertTrue(graded.answer().exchange().isPresent(), "every case was answered: " + graded.verdict());
            Exchange answer = graded.answer().exchange().get();
            assertTrue(answer.status() != 503 && answer.response().header(FaultRule.HEADER).isEmpty(),
                    "no fault touched " + answer);
        }
        List<Exchange> sent = checksExchanges();
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(e -> e.faultRule().isEmpty() && e.answered()), sent.toString());
        assertTrue(curlStatusLine().startsWith("HTTP/1.1 503"), "the rules were on for everyone else");
    }

    @Test
    void a_check_through_proxy_mode_reaches_the_target_untouched() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> "HTTP/1.1 200 OK\r\nContent-Type: application/json"
                + "\r\nContent-Length: 13\r\n\r\n{\"users\": []}")) {
            server.proxyTo(target.url());
            server.api().faults().add(FaultRule.parse("reset"));
            new ServerCheck(ScenarioFile.handout()).run(new TargetUrl("127.0.0.1", server.port()), each -> { });
            List<Exchange> sent = checksExchanges();
            assertFalse(sent.isEmpty());
            assertTrue(sent.stream().allMatch(e -> e.faultRule().isEmpty() && e.status() == 200), sent.toString());
            assertEquals(sent.size(), target.heads().size(), "each of the check's requests reached the target");
            assertEquals("", curlStatusLine(), "curl's own request was reset: no status line");
        }
    }
}
