package dev.restlab.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault rules in proxy mode, in front of a student's server (a scripted target on 127.0.0.1), with
 * real curl: the same rules act as in front of RestLab's own routes, what a rule keeps from the
 * target never reaches it, and the traffic log names the rule on each exchange it touched.
 */
class ProxyFaultsTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static final String BODY = "{\"users\": [{\"name\": \"John\", \"email\": \"john@example.com\"}]}\n";
    private static final String LISTING = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + BODY.length() + "\r\n\r\n" + BODY;
    private static final String CREATED = "User created successfully! Name: Ann, Email: a@x.org\n";
    private static final String CREATED_ANSWER = "HTTP/1.1 201 CREATED\r\nContent-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: " + CREATED.length() + "\r\n\r\n" + CREATED;

    /** curl's exit code, what it printed, and its own measure of the wait for the first answer byte. */
    record Curl(int exit, String out, double secondsToFirstByte) {
        String body() {
            int blank = out.indexOf("\r\n\r\n");
            return blank < 0 ? "" : out.substring(blank + 4);
        }
    }

    private ScriptedTarget target() throws IOException {
        return ScriptedTarget.answering(head -> head.startsWith("POST") ? CREATED_ANSWER : LISTING);
    }

    private void rule(String typed) throws Exception {
        server.api().faults().add(FaultRule.parse(typed));
    }

    private Curl curl(String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "20",
                "-w", "\\n@%{time_starttransfer}@%{time_pretransfer}"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl hangs");
        int mark = out.lastIndexOf("\n@");
        String[] times = out.substring(mark + 2).split("@");
        double wait = Double.parseDouble(times[0]) - Double.parseDouble(times[1]);
        return new Curl(process.exitValue(), out.substring(0, mark), wait);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private Exchange recorded(String method, String path) {
        return server.awaitExchange(e -> e.method().equals(method) && e.target().equals(path));
    }

    @Test
    void a_delay_holds_the_targets_answer_back_by_many_times_an_unfaulted_one() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            rule("delay 500ms on GET /people/v1/users");
            Curl plain = curl(url("/test/"));
            Curl slow = curl(url("/people/v1/users"));
            assertEquals(LISTING, slow.out(), "the target's answer, unchanged");
            assertTrue(slow.secondsToFirstByte() >= 0.5, "at least the delay: " + slow.secondsToFirstByte());
            assertTrue(slow.secondsToFirstByte() > 3 * plain.secondsToFirstByte(),
                    "delayed " + slow.secondsToFirstByte() + " s, unfaulted " + plain.secondsToFirstByte() + " s");
            Exchange delayed = recorded("GET", "/people/v1/users");
            assertTrue(delayed.answered());
            assertEquals(Optional.of("delay 500ms on GET /people/v1/users"), delayed.faultRule());
            assertEquals(Optional.empty(), recorded("GET", "/test/").faultRule());
        }
    }

    @Test
    void a_forced_503_never_reaches_the_target_and_says_when_to_retry() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            rule("status 503 on POST /people/v1/users");
            Curl refused = curl("-X", "POST", "-H", "Content-Type: application/json", "-d",
                    "{\"name\": \"Ann\", \"email\": \"a@x.org\"}", url("/people/v1/users"));
            assertTrue(refused.out().startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused.out());
            assertTrue(refused.out().contains("\r\nRetry-After: 2\r\n"), refused.out());
            assertTrue(refused.out().contains("\r\nRestLab-Fault: status 503 on POST /people/v1/users\r\n"), refused.out());
            assertTrue(refused.body().startsWith("Injected fault"), refused.body());
            Curl listed = curl(url("/people/v1/users"));
            assertEquals(LISTING, listed.out(), "a GET is not touched");
            assertTrue(target.heads().stream().noneMatch(head -> head.startsWith("POST")),
                    "the POST never reached the target, so nothing was stored: " + target.heads());
            Exchange faulted = recorded("POST", "/people/v1/users");
            assertEquals(503, faulted.status());
            assertEquals(Optional.of("status 503 on POST /people/v1/users"), faulted.faultRule());
            assertTrue(faulted.whoAnswered().contains("fault rule"), faulted.whoAnswered());
        }
    }

    @Test
    void a_reset_is_curls_exit_56_and_a_request_with_no_answer_in_the_log() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            rule("reset on DELETE");
            Curl reset = curl("-X", "DELETE", url("/people/v1/users/abc"));
            assertEquals(56, reset.exit(), "curl: (56) Recv failure: Connection reset by peer; printed " + reset.out());
            assertEquals("", reset.out());
            Exchange none = recorded("DELETE", "/people/v1/users/abc");
            assertEquals(Ending.RESET_BY_SERVER, none.ending());
            assertEquals(Optional.of("reset on DELETE"), none.faultRule());
            assertEquals(0, none.status());
            assertTrue(target.heads().isEmpty(), "nothing reached the target: " + target.heads());
        }
    }

    @Test
    void a_truncated_answer_is_half_the_targets_body_then_the_close() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            rule("truncate on GET /people/v1/users");
            Curl cut = curl(url("/people/v1/users"));
            assertEquals(18, cut.exit(), "curl: (18) transfer closed with bytes remaining; printed " + cut.out());
            assertEquals(BODY.substring(0, BODY.length() / 2), cut.body());
            Exchange short1 = recorded("GET", "/people/v1/users");
            assertEquals(Ending.CLOSED_MID_BODY, short1.ending());
            assertEquals(200, short1.status());
            assertEquals(Optional.of("truncate on GET /people/v1/users"), short1.faultRule());
        }
    }

    @Test
    void a_dripped_body_arrives_whole_over_many_times_the_unfaulted_time() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            Curl plain = curl(url("/people/v1/users"));
            rule("drip 100B/s on GET /people/v1/users");
            Curl dripped = curl(url("/people/v1/users"));
            assertEquals(0, dripped.exit());
            assertEquals(LISTING, dripped.out(), "every byte of the target's answer, in order");
            List<Exchange> both = server.awaitExchanges(2);
            Exchange fast = both.get(0);
            Exchange slow = both.get(1);
            assertTrue(slow.timings().receiveMicros() > 10 * Math.max(1, fast.timings().receiveMicros()),
                    "the body took " + slow.timings().receiveMicros() + " us, unfaulted "
                            + fast.timings().receiveMicros() + " us");
            assertEquals(Optional.of("drip 100B/s on GET /people/v1/users"), slow.faultRule());
            assertEquals(Optional.empty(), fast.faultRule());
            assertFalse(plain.out().isEmpty());
        }
    }

    @Test
    void a_client_that_gives_up_on_a_hang_is_recorded_with_the_rule() throws Exception {
        try (ScriptedTarget target = target()) {
            server.proxyTo(target.url());
            rule("hang on GET /test/");
            Curl given = curl("--max-time", "1", url("/test/"));
            assertEquals(28, given.exit(), "curl: (28) Operation timed out");
            Exchange hung = recorded("GET", "/test/");
            assertEquals(Ending.CLIENT_GAVE_UP, hung.ending());
            assertEquals(Optional.of("hang on GET /test/"), hung.faultRule());
            assertTrue(target.heads().isEmpty(), "nothing reached the target: " + target.heads());
        }
    }
}
