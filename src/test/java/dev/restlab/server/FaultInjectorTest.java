package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real curl against the built-in server with fault rules switched on, as a student meets them. */
class FaultInjectorTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String JOHN = "{\"name\": \"John\", \"email\": \"john@example.com\"}";

    record Curl(int exit, String out, long millis) {
    }

    @AfterEach
    void noFaultsLeft() {
        SERVER.api().faults().clear();
    }

    private static void rule(String typed) throws Exception {
        SERVER.api().faults().add(FaultRule.parse(typed));
    }

    private static Curl curl(String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "20"));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl hangs");
        return new Curl(process.exitValue(), out, (System.nanoTime() - start) / 1_000_000);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + SERVER.port() + path;
    }

    @Test
    void a_delay_holds_the_answer_back_and_names_its_rule() throws Exception {
        Curl plain = curl(url("/people/v1/users"));
        rule("delay 600ms on GET /people/v1/users");
        Curl slow = curl(url("/people/v1/users"));
        Curl other = curl(url("/"));
        assertTrue(slow.out().startsWith("HTTP/1.1 200"), slow.out());
        assertTrue(slow.out().contains("RestLab-Fault: delay 600ms on GET /people/v1/users"), slow.out());
        assertTrue(slow.millis() >= 600, "the answer waited at least the delay: " + slow.millis() + " ms");
        assertFalse(plain.out().contains("RestLab-Fault"), plain.out());
        assertFalse(other.out().contains("RestLab-Fault"), "another path is untouched: " + other.out());
    }

    @Test
    void a_forced_503_runs_no_route_stores_nothing_and_says_when_to_retry() throws Exception {
        int before = SERVER.store().size();
        rule("status 503 on POST /people/v1/users");
        Curl refused = curl("-X", "POST", "-H", "Content-Type: application/json", "-d", JOHN, url("/people/v1/users"));
        assertTrue(refused.out().startsWith("HTTP/1.1 503"), refused.out());
        assertTrue(refused.out().contains("Retry-After: 2"), refused.out());
        assertTrue(refused.out().contains("Injected fault"), refused.out());
        assertEquals(before, SERVER.store().size(), "nothing stored");
        SERVER.api().faults().clear();
        Curl created = curl("-X", "POST", "-H", "Content-Type: application/json", "-d", JOHN, url("/people/v1/users"));
        assertTrue(created.out().startsWith("HTTP/1.1 201"), "without the rule the same POST is stored");
    }

    @Test
    void curl_retry_waits_for_retry_after_and_a_404_has_none() throws Exception {
        rule("status 404 on GET /test/");
        Curl missing = curl(url("/test/"));
        assertTrue(missing.out().startsWith("HTTP/1.1 404"), missing.out());
        assertFalse(missing.out().contains("Retry-After"), missing.out());
    }

    @Test
    void a_reset_is_curls_exit_56() throws Exception {
        rule("reset on DELETE");
        Curl reset = curl("-X", "DELETE", url("/people/v1/users/nobody"));
        assertEquals(56, reset.exit(), "curl: (56) Recv failure: Connection reset by peer; printed " + reset.out());
        assertEquals("", reset.out());
        Curl get = curl(url("/people/v1/users/nobody"));
        assertTrue(get.out().startsWith("HTTP/1.1 404"), "a GET is not touched: " + get.out());
    }

    @Test
    void a_truncated_answer_is_short_of_its_length_and_curl_says_so() throws Exception {
        rule("truncate on GET /");
        Curl cut = curl(url("/"));
        assertEquals(18, cut.exit(), "curl: (18) transfer closed with bytes remaining; printed " + cut.out());
        assertTrue(cut.out().startsWith("HTTP/1.1 200"), cut.out());
        int length = Integer.parseInt(cut.out().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        String body = cut.out().substring(cut.out().indexOf("\r\n\r\n") + 4);
        assertTrue(body.length() < length, "the body is cut: " + body.length() + " of " + length);
        assertTrue(cut.out().contains("RestLab-Fault: truncate on GET /"), cut.out());
    }

    @Test
    void a_dripped_body_arrives_over_time_whole() throws Exception {
        Curl whole = curl(url("/"));
        String expected = whole.out().substring(whole.out().indexOf("\r\n\r\n") + 4);
        rule("drip 200B/s on GET /");
        Curl dripped = curl(url("/"));
        assertEquals(0, dripped.exit());
        assertEquals(expected, dripped.out().substring(dripped.out().indexOf("\r\n\r\n") + 4), "the same body");
        long leastMillis = (expected.length() - 20) * 1000L / 200; // the first piece goes out at once
        assertTrue(dripped.millis() >= leastMillis, "at 200 B/s " + expected.length() + " bytes take at least "
                + leastMillis + " ms; took " + dripped.millis());
    }

    @Test
    void a_hang_gives_no_answer_until_the_client_gives_up() throws Exception {
        rule("hang on GET /test/");
        Curl given = curl("--max-time", "1", url("/test/"));
        assertEquals(28, given.exit(), "curl: (28) Operation timed out; printed " + given.out());
        assertEquals("", given.out());
        Curl root = curl(url("/"));
        assertTrue(root.out().startsWith("HTTP/1.1 200"), "the server still answers others: " + root.out());
    }

    @Test
    void with_no_rules_nothing_is_touched() throws Exception {
        Curl plain = curl(url("/"));
        assertEquals(0, plain.exit());
        assertFalse(plain.out().contains("RestLab-Fault"));
    }
}
