package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.WrongServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerCheckTest {

    @RegisterExtension
    final ServerExtension restlab = new ServerExtension().withoutTraffic();

    private final ServerCheck check = new ServerCheck(ScenarioFile.handout());

    private static TargetUrl url(int port) {
        return new TargetUrl(Api.LOOPBACK, port);
    }

    @Test
    void restlab_itself_matches_the_final_listing_and_goes_further() throws Exception {
        List<CaseResult> told = new ArrayList<>();
        CheckReport report = check.run(url(restlab.port()), told::add);

        assertEquals(17, report.cases().size());
        assertEquals(report.cases(), told, "each case is told");
        assertEquals("In [7]", report.listing());
        assertEquals(Verdict.PASS, report.verdict(), report.text());
        assertEquals(Outcome.FURTHER, caseNamed(report, "by-name").outcome(), "it kept In [6]'s ?name=");
        assertEquals(Outcome.FURTHER, caseNamed(report, "unknown-name").outcome());
        assertTrue(report.credits().contains("?name= still finds him, as in In [6]: kept beyond the listing"),
                report.credits().toString());
        assertTrue(report.credits().stream().anyMatch(c -> c.startsWith("sends Location: /people/v1/users/")),
                report.credits().toString());
        assertEquals(4, report.extrasFine(), report.text());
        for (CaseResult c : report.cases()) {
            assertTrue(c.openApi().contains(": conforms"), c.scenarioCase().id() + ": " + c.openApi());
            assertEquals("", c.openApiWhy());
        }
    }

    @Test
    void the_check_leaves_the_store_as_it_found_it() throws Exception {
        restlab.store().create("Ann", "ann@example.com");
        var before = restlab.store().all();

        CheckReport report = check.run(url(restlab.port()));

        assertEquals(before, restlab.store().all());
        assertEquals(List.of(), report.cleanup().left());
    }

    @Test
    void a_wrong_server_has_each_of_its_mistakes_named_against_the_listing() throws Exception {
        try (WrongServer wrong = new WrongServer()) {
            CheckReport report = check.run(url(wrong.port()));

            Map<String, List<String>> differences = report.cases().stream().collect(Collectors.toMap(
                    c -> c.scenarioCase().id(), c -> c.differences().stream().map(Difference::sentence).toList()));
            assertEquals("In [7]", report.listing());
            assertEquals(List.of("status: 200 OK here; In [7] answers 201"), differences.get("create"));
            assertTrue(differences.get("gone").contains("status: 200 OK here; In [7] answers 404"),
                    differences.get("gone").toString());
            assertTrue(differences.get("unknown-id").contains("status: 200 OK here; In [7] answers 404"),
                    differences.get("unknown-id").toString());
            assertEquals(List.of("status: 204 No Content here; In [7] answers 404"), differences.get("delete-again"));
            assertEquals(List.of(), differences.get("root"));
            assertEquals(Verdict.DIFFERS, report.verdict());
            String text = report.text();
            assertTrue(text.contains("✗ GET after the DELETE answers 404"), text);
            assertTrue(text.contains("Verdict: differs."), text);
        }
    }

    @Test
    void a_server_nobody_listens_on_is_unreachable() throws Exception {
        int closed = ScriptedTarget.downPort();
        TargetUnreachable e = assertThrows(TargetUnreachable.class, () -> check.run(url(closed)));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void a_server_that_drips_its_answer_ends_at_the_case_limit_and_the_rest_still_run() throws Exception {
        try (DrippingServer dripping = new DrippingServer("GET / ")) {
            CheckReport report = new ServerCheck(ScenarioFile.handout(), Duration.ofSeconds(1), Duration.ofSeconds(60))
                    .run(url(dripping.port()));

            CaseResult root = caseNamed(report, "root");
            assertEquals(Outcome.NO_ANSWER, root.outcome());
            assertTrue(root.answer().problem().startsWith("no answer within 1 s ("), root.answer().problem());
            assertTrue(report.text().contains("no answer within 1 s"), report.text());
            assertEquals(Outcome.AS_EXPECTED, caseNamed(report, "delete-again").outcome(),
                    "the rest were sent and answered (404 to everything else)");
            assertTrue(dripping.bytesSent() > 0, "it did drip");
        }
    }

    @Test
    void a_check_past_its_whole_time_reports_the_rest_as_not_sent() throws Exception {
        try (DrippingServer dripping = new DrippingServer("")) {
            CheckReport report = new ServerCheck(ScenarioFile.handout(), Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .run(url(dripping.port()));

            assertEquals(Outcome.NO_ANSWER, report.cases().get(0).outcome());
            CaseResult last = report.cases().get(report.cases().size() - 1);
            assertEquals(Outcome.NOT_SENT, last.outcome());
            assertEquals("not sent: the check's 2 s were up", last.answer().problem());
            assertEquals(Verdict.DIFFERS, report.verdict());
        }
    }

    private static CaseResult caseNamed(CheckReport report, String id) {
        return report.cases().stream().filter(c -> c.scenarioCase().id().equals(id)).findFirst().orElseThrow();
    }
}
