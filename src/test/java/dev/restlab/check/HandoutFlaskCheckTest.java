package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.ServerExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The check run against the handout's own Flask program (In [7] with the ?name= filter of In [6]):
 * it answers every step of the handout as RestLab does, and differs exactly where the handout's
 * code has its faults: a 500 for a JSON array, a 2 MiB body taken, the name echoed as HTML.
 */
class HandoutFlaskCheckTest {

    @RegisterExtension
    static final ServerExtension RESTLAB = new ServerExtension().withoutTraffic();

    private static HandoutFlaskServer flask;
    private static CheckReport report;

    @BeforeAll
    static void checkTheHandoutsServer() throws Exception {
        flask = new HandoutFlaskServer();
        report = new ServerCheck(ScenarioFile.handout())
                .run(new TargetUrl(Api.LOOPBACK, flask.port()), new TargetUrl(Api.LOOPBACK, RESTLAB.port()));
    }

    @AfterAll
    static void stopFlask() {
        if (flask != null) {
            flask.close();
        }
    }

    @Test
    void the_report_differs_from_restlab_exactly_where_the_handouts_code_does() {
        Map<String, List<String>> differing = new LinkedHashMap<>();
        report.cases().stream().filter(c -> !c.same())
                .forEach(c -> differing.put(c.scenarioCase().id(), c.differences().stream().map(Difference::what).toList()));

        assertEquals(List.of("json-array", "huge-body", "script-name"), List.copyOf(differing.keySet()),
                report.text());
        assertEquals(List.of("status", "content type", "body"), differing.get("json-array"));
        assertEquals(List.of("status", "body"), differing.get("huge-body"));
        assertEquals(List.of("content type"), differing.get("script-name"));
        assertEquals("14 of 17 as the handout expects", report.summary());
        assertTrue(report.handoutCasesMatch(), "every step of the handout is answered as RestLab answers it");
    }

    @Test
    void each_difference_names_what_flask_did_and_what_restlab_does() {
        assertTrue(sentences("json-array").contains("status: 500 INTERNAL SERVER ERROR here, RestLab 400 Bad Request"),
                sentences("json-array").toString());
        assertTrue(sentences("huge-body").contains("status: 201 CREATED here, RestLab 413 Payload Too Large"),
                sentences("huge-body").toString());
        assertEquals(List.of("content type: text/html here, RestLab text/plain"), sentences("script-name"));
    }

    @Test
    void flask_got_each_request_once_in_the_scenarios_order() {
        String log = flask.output();
        List<String> requests = log.lines().filter(line -> line.contains("\" ")).map(line ->
                line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'))).toList();
        assertEquals(17, requests.size(), log);
        assertEquals("GET / HTTP/1.1", requests.get(0));
        assertTrue(requests.get(14).startsWith("POST /people/v1/users"), requests.get(14));
        assertTrue(log.contains("\"POST /people/v1/users HTTP/1.1\" 500"), log);
    }

    @Test
    void the_flask_answers_are_in_the_markdown_report_as_they_came() {
        String markdown = report.markdown();
        assertTrue(markdown.contains("Server: Werkzeug/"), "Flask's own headers, as sent");
        assertTrue(markdown.contains("HTTP/1.1 500 INTERNAL SERVER ERROR"), "Flask's reason phrases, as sent");
        String html = report.html();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the echoed name is escaped");
        assertTrue(!html.contains("<script>"), "no markup from the wire reaches the page");
    }

    private static List<String> sentences(String id) {
        return report.cases().stream().filter(c -> c.scenarioCase().id().equals(id)).findFirst().orElseThrow()
                .differences().stream().map(Difference::sentence).toList();
    }
}
