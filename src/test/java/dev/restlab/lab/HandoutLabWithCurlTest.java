package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.UserApiClient;
import dev.restlab.testing.Await;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handout lab done as a student does it: each step's own command, run by bash with the real
 * curl against a real server, ticks that step and names the exchange that did it; the window's
 * client does not tick a step meant for the terminal.
 */
class HandoutLabWithCurlTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    // Ticks arrive on the capture's thread, after the tracker has marked the step done.
    private final List<Tick> ticks = new CopyOnWriteArrayList<>();
    private LabTracker lab;
    private AutoCloseable following;

    @BeforeEach
    void followTheTraffic() {
        lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory());
        lab.onTick(ticks::add);
        following = server.traffic().subscribe(lab);
        lab.serverRunning(server.port());
    }

    @AfterEach
    void stopFollowing() throws Exception {
        following.close();
    }

    private void run(String command) throws Exception {
        Requires.bashAndCurl();
        Process bash = new ProcessBuilder("bash", "-c", command + " > /dev/null").redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "hangs: " + command);
        assertEquals(0, bash.exitValue(), "failed: " + command);
    }

    /** Runs the current step's own command and waits until that step is ticked. */
    private Exchange doCurrentStep(String commandOverride) throws Exception {
        Step step = lab.current().orElseThrow();
        run(commandOverride != null ? commandOverride : step.commandFor(server.port(), lab.values()));
        Await.until("step '" + step.id() + "' ticks", () -> lab.tickOf(step).isPresent());
        Tick tick = lab.tickOf(step).orElseThrow();
        Exchange exchange = server.traffic().snapshot().stream().filter(e -> e.id() == tick.exchangeId())
                .findFirst().orElseThrow();
        assertTrue(exchange.request().header("User-Agent").orElse("").startsWith("curl/"), "done with curl");
        return exchange;
    }

    @Test
    void every_step_ticks_from_its_own_curl_command_in_order_naming_its_exchange() throws Exception {
        assertEquals("root", lab.current().orElseThrow().id(), "the running server ticked the first step");
        assertEquals("GET / 200", line(doCurrentStep(null)));
        assertEquals("GET / 200", line(doCurrentStep(null)));
        Exchange created = doCurrentStep(null);
        assertEquals("POST /people/v1/users 201", line(created));
        String id = lab.values().get("id");
        assertTrue(created.response().header("Location").orElseThrow().endsWith(id));
        assertEquals("POST /people/v1/users 400", line(doCurrentStep(null)));
        assertEquals("POST /people/v1/users 415", line(doCurrentStep(null)));
        assertEquals("GET /people/v1/users 200", line(doCurrentStep(null)));
        assertEquals("GET /people/v1/users?name=John 200", line(doCurrentStep(null)));
        assertEquals("GET /people/v1/users?name=Nobody 404", line(doCurrentStep(null)));
        assertEquals("GET /people/v1/users/" + id + " 200", line(doCurrentStep(null)));
        assertEquals("DELETE /people/v1/users/" + id + " 204", line(doCurrentStep(null)));
        assertEquals("GET /people/v1/users/" + id + " 404", line(doCurrentStep(null)));
        assertEquals("GET /openapi.json 200", line(doCurrentStep(null)));
        String browser = "curl -s -H 'Referer: http://127.0.0.1:" + server.port() + "/docs' http://127.0.0.1:"
                + server.port() + "/people/v1/users";
        assertEquals("GET /people/v1/users 200", line(doCurrentStep(browser)));
        assertTrue(lab.current().isEmpty());
        Await.until("all 14 ticks reach the listener", () -> ticks.size() == 14);
        assertEquals(lab.lab().steps().stream().map(Step::id).toList(), ticks.stream().map(Tick::stepId).toList());
    }

    @Test
    void the_windows_requests_and_wrong_answers_do_not_tick_terminal_steps() throws Exception {
        UserApiClient window = new UserApiClient(() -> URI.create("http://127.0.0.1:" + server.port()));
        window.listUsers();
        run("curl -s -o /dev/null http://127.0.0.1:" + server.port() + "/nowhere"); // 404, not the root
        long seen = server.traffic().lastId();
        Await.until("both exchanges reach the lab", () -> server.traffic().snapshot().size() >= 2);
        run("curl -s -o /dev/null http://127.0.0.1:" + server.port() + "/");
        Await.until("the root step ticks", () -> lab.doneCount() == 2);
        Tick root = lab.tickOf(lab.lab().step("root").orElseThrow()).orElseThrow();
        assertTrue(root.exchangeId() > seen, "ticked by the curl to /, not by the window or the 404");
        assertEquals(Map.of(), lab.values());
    }

    private static String line(Exchange e) {
        return e.method() + " " + e.target() + " " + e.status();
    }
}
