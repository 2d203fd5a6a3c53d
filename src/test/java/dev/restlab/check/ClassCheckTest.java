package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restlab.http.TargetUrl;
import dev.restlab.testing.ScriptedTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClassCheckTest {

    /**
     * Two servers that answer their first request only once both have one: checked one after the
     * other, the first would wait for the second and get no answer within its time.
     */
    @Test
    void the_servers_of_a_class_are_checked_at_the_same_time() throws Exception {
        CountDownLatch bothAsked = new CountDownLatch(2);
        try (ScriptedTarget first = waitingForBoth(bothAsked); ScriptedTarget second = waitingForBoth(bothAsked)) {
            List<RosterEntry> roster = List.of(new RosterEntry(1, "first", first.url()),
                    new RosterEntry(2, "second", second.url()));
            List<String> told = new CopyOnWriteArrayList<>();

            ClassReport report = new ClassCheck(ScenarioFile.handout(), Duration.ofSeconds(5), Duration.ofSeconds(60), 2)
                    .run(roster, student -> told.add(student.entry().student()));

            for (StudentResult student : report.students()) {
                assertEquals(Outcome.AS_EXPECTED, student.report().orElseThrow().cases().get(0).outcome(),
                        student.entry().student() + " answered the root only when both were asked at once");
            }
            assertEquals(List.of("first", "second"), report.students().stream().map(s -> s.entry().student()).toList(),
                    "the report keeps the roster's order");
            assertEquals(2, told.size());
        }
    }

    @Test
    void an_unreachable_server_is_a_verdict_too() throws Exception {
        int closed = ScriptedTarget.downPort();
        ClassReport report = new ClassCheck(ScenarioFile.handout(), Duration.ofSeconds(5), Duration.ofSeconds(60), 8)
                .run(List.of(new RosterEntry(1, "nobody", new TargetUrl("127.0.0.1", closed))), student -> { });

        assertEquals(Verdict.UNREACHABLE, report.students().get(0).verdict());
        assertEquals("1 student: 0 pass, 0 differs, 1 unreachable", report.summary());
        assertEquals(ClassReport.CSV_HEADER + "\r\nnobody,http://127.0.0.1:" + closed + ",,,,,unreachable,"
                + report.students().get(0).seconds() + "\r\n", report.csv());
    }

    @Test
    void a_csv_field_never_becomes_a_formula_or_breaks_the_row() {
        assertEquals("'=HYPERLINK(1)", ClassReport.field("=HYPERLINK(1)"));
        assertEquals("\"Rossi, Anna\"", ClassReport.field("Rossi, Anna"));
        assertEquals("\"say \"\"hi\"\"\"", ClassReport.field("say \"hi\""));
        assertEquals("In [7]", ClassReport.field("In [7]"));
    }

    private static ScriptedTarget waitingForBoth(CountDownLatch bothAsked) throws IOException {
        return ScriptedTarget.start(peer -> {
            String head = peer.readRequest();
            if (head == null) {
                return;
            }
            if (head.startsWith("GET / ")) {
                bothAsked.countDown();
                try {
                    bothAsked.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                peer.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\nConnection: close\r\n\r\n"
                        + "<h1>The server is up and running!</h1>\n");
            } else {
                peer.send("HTTP/1.1 404 NOT FOUND\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
    }
}
