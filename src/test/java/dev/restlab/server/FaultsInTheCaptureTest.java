package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.testing.Await;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the capture records when a fault rule leaves a request without a whole answer: the request
 * itself, how it ended and which rule did it, so that the traffic log shows the fault, with real
 * curl against the built-in server.
 */
class FaultsInTheCaptureTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @AfterEach
    void noFaultsLeft() {
        SERVER.api().faults().clear();
    }

    private static void rule(String typed) throws Exception {
        SERVER.api().faults().add(FaultRule.parse(typed));
    }

    /** curl's exit code; its output is not needed here. */
    private static int curl(String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl hangs");
        return process.exitValue();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + SERVER.port() + path;
    }

    /** The first exchange of that method and target recorded after {@code before}, once the capture has it. */
    private static Exchange recorded(long before, String method, String target) {
        return Await.value(method + " " + target + " recorded", () -> {
            for (Exchange e : SERVER.traffic().snapshot()) {
                if (e.id() <= before) {
                    continue;
                }
                if (e.method().equals(method) && e.target().equals(target)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        });
    }

    /** The id of the latest exchange recorded so far, or 0. */
    private static long lastId() {
        List<Exchange> all = SERVER.traffic().snapshot();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    @Test
    void a_reset_is_recorded_as_a_request_with_no_answer_that_names_its_rule() throws Exception {
        long before = lastId();
        rule("reset on DELETE");
        assertEquals(56, curl("-X", "DELETE", url("/people/v1/users/gone-1")));
        Exchange reset = recorded(before, "DELETE", "/people/v1/users/gone-1");
        assertFalse(reset.answered());
        assertEquals(Ending.RESET_BY_SERVER, reset.ending());
        assertEquals(Optional.of("connection reset by the server before any answer"), reset.noAnswerReason());
        assertEquals(Optional.of("reset on DELETE"), reset.faultRule());
        assertEquals(0, reset.status());
        assertEquals("HTTP/1.1 0 (no answer: connection reset by the server before any answer)",
                reset.response().statusLine());
        assertTrue(reset.response().headers().isEmpty());
        assertFalse(reset.rejected(), "the routes were reached: Jetty refused nothing");
        assertTrue(reset.connection().closed().isPresent());
    }

    @Test
    void a_truncated_answer_is_recorded_as_closed_mid_body() throws Exception {
        long before = lastId();
        rule("truncate on GET /");
        assertEquals(18, curl(url("/")));
        Exchange cut = recorded(before, "GET", "/");
        assertFalse(cut.answered());
        assertEquals(Ending.CLOSED_MID_BODY, cut.ending());
        assertTrue(cut.ending().answerBegan());
        assertEquals(200, cut.status(), "the head came whole");
        long promised = Long.parseLong(cut.response().header("Content-Length").orElseThrow());
        assertTrue(cut.response().body().size() < promised, "the body is short of its Content-Length");
        assertEquals(Optional.of("truncate on GET /"), cut.faultRule());
    }

    @Test
    void a_client_that_gives_up_on_a_hang_is_recorded_when_it_gives_up() throws Exception {
        long before = lastId();
        rule("hang on GET /test/");
        assertEquals(28, curl("--max-time", "1", url("/test/")));
        Exchange hung = recorded(before, "GET", "/test/");
        assertEquals(Ending.CLIENT_GAVE_UP, hung.ending());
        assertEquals(Optional.of("hang on GET /test/"), hung.faultRule());
        assertEquals(Optional.of("the client gave up and closed the connection before any answer"),
                hung.noAnswerReason());
    }

    @Test
    void a_delayed_answer_is_whole_and_names_its_rule() throws Exception {
        long before = lastId();
        rule("delay 10ms on GET /people/v1/users");
        assertEquals(0, curl(url("/people/v1/users")));
        Exchange delayed = recorded(before, "GET", "/people/v1/users");
        assertTrue(delayed.answered());
        assertEquals(Optional.empty(), delayed.noAnswerReason());
        assertEquals(Optional.of("delay 10ms on GET /people/v1/users"), delayed.faultRule());
    }

    @Test
    void an_untouched_exchange_names_no_rule_and_nothing_extra_is_recorded() throws Exception {
        rule("reset on DELETE");
        long before = lastId();
        assertEquals(0, curl(url("/test/")));
        Exchange plain = recorded(before, "GET", "/test/");
        assertTrue(plain.answered());
        assertEquals(Optional.empty(), plain.faultRule());
        Await.until("the connection closed", () -> plain.connection().closed().isPresent());
        assertEquals(before + 1, lastId(), "one request, one exchange: the close adds none");
    }

    @Test
    void the_capture_and_the_rules_name_the_fault_header_alike() {
        assertEquals(FaultRule.HEADER, Exchange.FAULT_HEADER);
    }

    @Test
    void a_hang_the_server_ends_is_recorded_as_closed_by_the_server() throws Exception {
        // curl waits longer than the server: the server's idle timeout ends the hang first.
        SERVER.api().setIdleTimeout(Duration.ofSeconds(1));
        SERVER.restart();
        try {
            long before = lastId();
            rule("hang on GET /");
            assertEquals(52, curl("--max-time", "20", url("/")), "curl: (52) Empty reply from server");
            Exchange hung = recorded(before, "GET", "/");
            assertEquals(Ending.CLOSED_BY_SERVER, hung.ending());
            assertEquals(Optional.of("hang on GET /"), hung.faultRule());
        } finally {
            SERVER.api().setIdleTimeout(ApiServer.DEFAULT_IDLE_TIMEOUT);
            SERVER.restart();
        }
    }
}
