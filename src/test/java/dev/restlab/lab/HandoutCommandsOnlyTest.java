package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.check.HandoutFlaskServer;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.Await;
import dev.restlab.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A student who types only what the handout prints, in its order, with real curl: the handout's
 * commands, then the requests its Flask logs show (a ?name= that finds nobody, DELETE, DELETE
 * again, GET again). That completes every step the handout teaches, against RestLab's server and,
 * through proxy mode, against the handout's final listing In [7] as printed. The lab's start is
 * held back until the first requests are answered, as on a loaded machine: they still count.
 */
class HandoutCommandsOnlyTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private final List<String> reasons = new CopyOnWriteArrayList<>();

    private static void curl(String arguments) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "curl -s " + arguments + " > /dev/null")
                .redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "hangs: curl " + arguments);
        assertEquals(0, bash.exitValue(), "failed: curl " + arguments);
    }

    /** The handout's commands as printed (only the port is this test's), and the requests its logs show. */
    private LabTracker typeTheHandout(int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        curl(base);
        curl("-i " + base);
        // The lab's start is held back until now: the two requests above were answered before it.
        LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory());
        lab.usePort(port);
        lab.onReason(reason -> reasons.add(reason.text()));
        AutoCloseable following = server.traffic().subscribe(lab, 0);
        try {
            curl("-i -X POST -H \"Content-Type: application/json\" -d '{\"name\": \"John\", \"email\":"
                    + " \"john@example.com\"}' " + base + "/people/v1/users");
            Await.until("the POST ticks", () -> lab.values().containsKey("id"));
            String id = lab.values().get("id");
            curl("-i " + base + "/people/v1/users");
            curl("-i " + base + "/people/v1/users?name=John");
            curl("-i " + base + "/people/v1/users?name=Nobody");
            curl("-i " + base + "/people/v1/users/" + id);
            curl("-i -X DELETE " + base + "/people/v1/users/" + id);
            curl("-i -X DELETE " + base + "/people/v1/users/" + id);
            curl("-i " + base + "/people/v1/users/" + id);
            Await.until("all ten requests reach the lab", () -> reasons.size() + lab.doneCount() >= 11);
        } finally {
            following.close();
        }
        return lab;
    }

    @Test
    void the_handouts_commands_alone_complete_the_lab_though_its_start_was_late() throws Exception {
        LabTracker lab = typeTheHandout(server.port());
        assertTrue(lab.complete(), "every step the handout teaches: " + reasons);
        assertEquals("the server answered exchange #1", lab.tickOf(lab.lab().step("start").orElseThrow())
                .orElseThrow().summary(), "the first answer proved the server started");
        assertEquals(List.of("root", "root-i", "create", "list", "by-name", "unknown-name", "by-id", "delete", "gone"),
                lab.lab().steps().stream().filter(step -> !step.serverRunning() && lab.tickOf(step).isPresent())
                        .map(Step::id).toList());
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).endsWith("404 Not Found, is step 12 again, which is done already"), reasons.get(0));
    }

    @Test
    void through_proxy_mode_the_handouts_final_listing_completes_the_lab() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            server.proxyTo(new TargetUrl("127.0.0.1", flask.port()));
            LabTracker lab = typeTheHandout(server.port());
            assertTrue(lab.complete(), "In [7] as printed completes the lab: " + reasons);
            assertTrue(lab.tickOf(lab.lab().step("unknown-name").orElseThrow()).isEmpty(),
                    "In [7] has no ?name= filter, and that step is optional");
            assertTrue(reasons.stream().anyMatch(reason -> reason.contains("?name=Nobody, 200 OK, is step 9, but the"
                    + " answer is 200; the step wants 404")), reasons.toString());
        }
    }

    @Test
    void an_exchange_out_of_order_prints_its_reason_naming_the_step() throws Exception {
        LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new LabPrinter(lab, new PrintStream(printed, true, StandardCharsets.UTF_8), "").start();
        lab.serverRunning(server.port());
        AutoCloseable following = server.traffic().subscribe(lab, 0);
        try {
            curl("http://127.0.0.1:" + server.port() + "/people/v1/users");
            Await.until("the reason is printed", () -> printed.toString(StandardCharsets.UTF_8).contains("✗"));
        } finally {
            following.close();
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("✗ exchange #1, GET /people/v1/users, 200 OK,"
                + " is step 7; step 2 comes first\n"), printed.toString(StandardCharsets.UTF_8));
    }
}
