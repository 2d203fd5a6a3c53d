package dev.restlab.ui.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Faults tab's rules act in proxy mode too: in front of the student's server, seen with real curl. */
class FaultsPaneInProxyModeTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private int curlDelete(String path) throws IOException, InterruptedException {
        Requires.curl();
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "--max-time", "20", "-X", "DELETE",
                "http://127.0.0.1:" + server.port() + path).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        return curl.exitValue();
    }

    @Test
    void a_rule_added_in_the_tab_resets_a_relayed_request_and_switched_off_lets_it_through() throws Exception {
        try (ScriptedTarget target = ScriptedTarget.answering(head -> "HTTP/1.1 204 NO CONTENT\r\n\r\n")) {
            server.proxyTo(target.url());
            FaultsPaneViewModel faults = new FaultsPaneViewModel(server.api().faults());
            faults.typedProperty().set("reset on DELETE");
            faults.add();
            assertEquals(56, curlDelete("/people/v1/users/one"), "curl: (56) Connection reset by peer");
            Exchange reset = server.awaitExchange(e -> e.target().equals("/people/v1/users/one"));
            assertEquals(Ending.RESET_BY_SERVER, reset.ending());
            assertEquals(Optional.of("reset on DELETE"), reset.faultRule());

            faults.toggle(faults.rows().get(0));
            assertEquals(0, curlDelete("/people/v1/users/two"));
            Exchange through = server.awaitExchange(e -> e.target().equals("/people/v1/users/two"));
            assertEquals(204, through.status());
            assertEquals(Optional.empty(), through.faultRule());
            assertEquals(1, target.heads().size(), "only the second DELETE reached the target: " + target.heads());
        }
    }
}
