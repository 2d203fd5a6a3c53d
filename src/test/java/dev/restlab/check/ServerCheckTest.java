package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.WrongServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerCheckTest {

    @RegisterExtension
    final ServerExtension target = new ServerExtension().withoutTraffic();

    @RegisterExtension
    final ServerExtension reference = new ServerExtension().withoutTraffic();

    private final ServerCheck check = new ServerCheck(ScenarioFile.handout());

    private TargetUrl url(int port) {
        return new TargetUrl(Api.LOOPBACK, port);
    }

    @Test
    void restlab_checked_against_itself_matches_in_every_case() throws Exception {
        List<CaseResult> told = new ArrayList<>();
        CheckReport report = check.run(url(target.port()), url(reference.port()), told::add);

        assertEquals(17, report.cases().size());
        assertEquals(report.cases(), told, "each case is told as it is made");
        for (CaseResult c : report.cases()) {
            assertTrue(c.same(), c.number() + " " + c.scenarioCase().id() + ": " + c.differences());
            assertTrue(c.target().complete(), c.scenarioCase().id());
            assertTrue(c.openApi().contains(": conforms"), c.scenarioCase().id() + ": " + c.openApi());
        }
        assertEquals("17 of 17 as the handout expects", report.summary());
        assertTrue(report.handoutCasesMatch());
        assertEquals(8, report.cases().stream().filter(CaseResult::handout).count());
    }

    @Test
    void each_side_uses_the_id_its_own_server_gave() throws Exception {
        CheckReport report = check.run(url(target.port()), url(reference.port()));

        CaseResult byId = caseNamed(report, "by-id");
        String targetId = target.store().all().isEmpty() ? "" : "";
        assertEquals(200, byId.target().exchange().orElseThrow().status());
        String targetPath = byId.target().exchange().orElseThrow().path();
        String referencePath = byId.reference().exchange().orElseThrow().path();
        assertTrue(targetPath.startsWith(Api.USERS + "/"), targetPath);
        assertFalse(targetPath.equals(referencePath), "two servers, two random ids: " + targetPath + targetId);
        String created = caseNamed(report, "create").target().exchange().orElseThrow().response().body().text();
        assertTrue(created.contains(targetPath.substring(Api.USERS.length() + 1)), created);
    }

    @Test
    void a_wrong_server_has_each_of_its_mistakes_reported() throws Exception {
        try (WrongServer wrong = new WrongServer()) {
            CheckReport report = check.run(url(wrong.port()), url(reference.port()));

            Map<String, List<String>> differences = report.cases().stream().collect(Collectors.toMap(
                    c -> c.scenarioCase().id(), c -> c.differences().stream().map(Difference::sentence).toList()));
            assertTrue(differences.get("create").contains("status: 200 OK here, RestLab 201 Created"),
                    differences.get("create").toString());
            assertEquals(List.of("content type: text/html here, RestLab application/json"), differences.get("list"));
            assertTrue(differences.get("gone").contains("status: 200 OK here, RestLab 404 Not Found"),
                    differences.get("gone").toString());
            assertTrue(differences.get("unknown-id").contains("status: 200 OK here, RestLab 404 Not Found"),
                    differences.get("unknown-id").toString());
            assertTrue(differences.get("delete-again").contains("status: 204 No Content here, RestLab 404 Not Found"),
                    differences.get("delete-again").toString());
            assertEquals(List.of(), differences.get("root"));
            assertEquals(List.of(), differences.get("by-name"));
            assertEquals(List.of(), differences.get("missing-field"));
            assertFalse(report.handoutCasesMatch());
            assertTrue(caseNamed(report, "gone").openApi().contains("does not conform"),
                    caseNamed(report, "gone").openApi());
            String text = report.text();
            assertTrue(text.contains("✗ GET after the DELETE answers 404"), text);
            assertTrue(text.contains(report.summary()), text);
        }
    }

    @Test
    void a_server_nobody_listens_on_is_unreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(Api.LOOPBACK))) {
            closed = socket.getLocalPort();
        }
        TargetUnreachable e = assertThrows(TargetUnreachable.class,
                () -> check.run(url(closed), url(reference.port())));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    private static CaseResult caseNamed(CheckReport report, String id) {
        return report.cases().stream().filter(c -> c.scenarioCase().id().equals(id)).findFirst().orElseThrow();
    }
}
