package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.TestClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The check against the handout's own listings, In [3] to In [7], each run as printed: each is
 * recognised as its own listing and answers every graded case as that listing does; only the
 * final one passes; the extras show what the handout's code leaves out without failing it.
 */
class HandoutListingsCheckTest {

    private static CheckReport check(HandoutFlaskServer flask) throws TargetUnreachable {
        return new ServerCheck(ScenarioFile.handout()).run(new TargetUrl(Api.LOOPBACK, flask.port()));
    }

    @ParameterizedTest(name = "{0} is recognised as {1}")
    @CsvSource({"in3.py, In [3], differs", "in4.py, In [4], differs", "in5.py, In [5], differs",
        "in6.py, In [6], differs", "in7.py, In [7], pass"})
    void each_listing_is_recognised_as_its_own_and_answers_as_it(String file, String listing, String verdict)
            throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing(file)) {
            CheckReport report = check(flask);

            assertEquals(listing, report.listing(), report.text());
            assertEquals(report.graded().size(), report.asHandout(), report.text());
            assertEquals(13, report.graded().size());
            assertEquals(verdict, report.verdict().word(), report.text());
            assertTrue(report.summary().startsWith("matches "), report.summary());
        }
    }

    @Test
    void the_final_listing_passes_and_the_report_says_so_in_words() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            CheckReport report = check(flask);

            assertEquals(Verdict.PASS, report.verdict());
            assertEquals("matches the handout's final listing, In [7], in all 13 of its cases;"
                    + " `?name=` is not in that listing, as in the handout", report.summary());
            assertTrue(report.text().contains("Verdict: pass."), report.text());
            Map<String, Outcome> extras = report.extras().stream()
                    .collect(Collectors.toMap(c -> c.scenarioCase().id(), CaseResult::outcome));
            assertEquals(Map.of("wrong-method", Outcome.AS_EXPECTED, "json-array", Outcome.DIFFERS,
                    "huge-body", Outcome.DIFFERS, "script-name", Outcome.DIFFERS), extras);
            assertEquals("extras (not graded): 1 of 4 as a careful server answers", report.extrasSummary());
            CaseResult byName = caseNamed(report, "by-name");
            assertEquals(Outcome.AS_EXPECTED, byName.outcome());
            assertTrue(byName.notes().contains("In [7] has no ?name=: the whole list comes back, as in the handout"),
                    byName.notes().toString());
        }
    }

    @Test
    void a_plain_string_answered_as_html_is_as_the_handout_with_the_openapi_view_explained_apart() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            CaseResult create = caseNamed(check(flask), "create");

            assertEquals(Outcome.AS_EXPECTED, create.outcome());
            assertEquals("as the handout", create.verdict());
            assertTrue(create.openApi().contains("does not conform"), create.openApi());
            assertTrue(create.openApiWhy().startsWith("Flask sends a returned string as text/html unless told"
                    + " otherwise"), create.openApiWhy());
            assertTrue(create.openApiWhy().contains("not a difference from the handout"), create.openApiWhy());
        }
    }

    @Test
    void after_a_check_the_final_listing_holds_the_users_it_held_before() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            TestClient client = new TestClient(flask.port());
            client.postJson(Api.USERS, "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}");
            String before = client.get(Api.USERS).body();

            CheckReport report = check(flask);

            assertEquals(before, client.get(Api.USERS).body());
            assertEquals(3, report.cleanup().created(), "John, Big (2 MiB) and the <script> name");
            assertEquals(List.of(), report.cleanup().left());
            assertTrue(report.cleanup().sentence().startsWith("Left no trace: the 3 users the check created were"
                    + " deleted again"), report.cleanup().sentence());
            assertTrue(flask.output().contains("\"DELETE /people/v1/users/"), flask.output());
        }
    }

    @Test
    void a_listing_without_delete_is_told_which_users_were_left() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in5.py")) {
            CheckReport report = check(flask);

            assertEquals(List.of("John <john@example.com> (its 201 gave no id to delete it by)",
                    "Big <big@example.com> (its 201 gave no id to delete it by)",
                    "<script>alert(1)</script> <x@example.com> (its 201 gave no id to delete it by)"),
                    report.cleanup().left());
            assertTrue(report.text().contains("Left 3 users on the server"), report.text());
        }
    }

    @Test
    void a_program_with_one_bug_differs_in_that_case_only() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("bug_missing_email.py")) {
            CheckReport report = check(flask);

            assertEquals(Verdict.DIFFERS, report.verdict());
            assertEquals("In [7]", report.listing());
            List<CaseResult> differing = report.graded().stream().filter(c -> !c.outcome().fine()).toList();
            assertEquals(List.of("missing-field"), differing.stream().map(c -> c.scenarioCase().id()).toList());
            assertEquals(List.of("status: 201 CREATED here; In [7] answers 400",
                    "body: text \"User created successfully! ID: <uuid>, Name: John, Email: None\" here;"
                    + " In [7] answers text \"Missing required fields (name and email)\""),
                    differing.get(0).differences().stream().map(Difference::sentence).toList());
            assertTrue(report.summary().contains("differs in: A missing email answers 400"), report.summary());
            assertEquals(List.of(), report.cleanup().left(), "the user the bug created is deleted too");
        }
    }

    private static CaseResult caseNamed(CheckReport report, String id) {
        return report.cases().stream().filter(c -> c.scenarioCase().id().equals(id)).findFirst().orElseThrow();
    }
}
