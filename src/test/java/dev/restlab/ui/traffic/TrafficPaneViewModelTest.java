package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.WindowTag;
import dev.restlab.http.TargetUrl;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.server.ApiServer;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.LiveTraffic;
import dev.restlab.ui.TrafficModel;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.MessagePieces;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The traffic pane's own job, fed by the real capture: the selected exchange as curl prints it,
 * its facts and explanation, and the copies sent to where the server is now.
 */
class TrafficPaneViewModelTest {

    private final LiveTraffic capture = new LiveTraffic(5);
    private final FakeDialogs dialogs = new FakeDialogs();
    private final TrafficModel traffic = new TrafficModel(capture.log(), capture.threads(), ApiDescription::bundled);
    private final TrafficPaneViewModel pane = new TrafficPaneViewModel(traffic, dialogs, () -> -1);

    @AfterEach
    void stop() throws Exception {
        traffic.close();
        capture.close();
    }

    /** Runs queued FX work until {@code count} exchanges have arrived. */
    private void awaitArrivals(int count) {
        capture.until(count + " exchanges to arrive", () -> traffic.arrivalsProperty().get() >= count);
    }

    @Test
    void every_exchange_arrives_and_the_selected_one_reads_as_curl_prints_it() throws Exception {
        capture.send("curl/8.0", "POST", "/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        awaitArrivals(1);

        Exchange post = traffic.shown().get(0);
        traffic.selectedProperty().set(post);

        assertEquals(CurlText.requestAsSent(post), MessagePieces.plainText(pane.requestPiecesProperty().get()));
        assertTrue(MessagePieces.plainText(pane.requestPiecesProperty().get())
                .startsWith("POST /people/v1/users HTTP/1.1\r\n"));
        assertEquals(CurlText.curlI(post), MessagePieces.plainText(pane.responsePiecesProperty().get()));
        assertTrue(MessagePieces.plainText(pane.responsePiecesProperty().get()).startsWith("HTTP/1.1 201 Created\r\n"));
        assertTrue(pane.explanationProperty().get().startsWith("OpenAPI: createUser: conforms\n201 Created"));
        assertTrue(pane.factsProperty().get().contains("from 127.0.0.1:" + post.connection().clientPort()));
        assertTrue(pane.copyAsCurl().startsWith("curl "));
    }

    @Test
    void in_proxy_mode_the_details_say_who_answered_and_what_was_added() throws Exception {
        ApiServer target = new ApiServer(new InMemoryUserStore());
        try {
            int targetPort = target.start("127.0.0.1", 0);
            capture.server().stop();
            capture.server().setProxyTarget(new TargetUrl("127.0.0.1", targetPort));
            capture.restart();
            capture.send("curl/8.0", "GET", "/people/v1/users", null);
            awaitArrivals(1);
            traffic.selectedProperty().set(traffic.shown().get(0));
            assertTrue(pane.factsProperty().get().endsWith(" · relayed to http://127.0.0.1:" + targetPort),
                    pane.factsProperty().get());
            assertTrue(pane.explanationProperty().get().startsWith("Proxy: relayed to http://127.0.0.1:" + targetPort
                    + ", which got the request with Via: 1.1 restlab added"), pane.explanationProperty().get());

            target.stop(); // now nothing answers there: RestLab's own 502
            capture.send("curl/8.0", "GET", "/people/v1/users", null);
            awaitArrivals(2);
            traffic.selectedProperty().set(traffic.shown().get(1));
            assertEquals(502, traffic.selectedProperty().get().status());
            assertTrue(pane.factsProperty().get().endsWith(" · answered by RestLab, not the target"));
            assertTrue(pane.explanationProperty().get().startsWith("Proxy: answered by RestLab: the target http://127.0.0.1:"
                    + targetPort + " gave no answer"), pane.explanationProperty().get());
        } finally {
            target.stop();
        }
    }

    @Test
    void the_copy_commands_put_the_selected_exchange_on_the_clipboard_and_nothing_without_one() throws Exception {
        pane.copyCurlToClipboard();
        pane.copyPowerShellToClipboard();
        assertEquals(0, dialogs.copies(), "with nothing selected the clipboard is left alone");

        capture.send("curl/8.0", "GET", "/people/v1/users?name=Zoe", null);
        awaitArrivals(1);
        traffic.selectedProperty().set(traffic.shown().get(0));
        pane.copyCurlToClipboard();
        assertEquals(pane.copyAsCurl(), dialogs.clipboard().orElseThrow());
        assertTrue(dialogs.clipboard().orElseThrow().startsWith("curl "));
        assertTrue(dialogs.clipboard().orElseThrow().contains("/people/v1/users?name=Zoe"));
        pane.copyPowerShellToClipboard();
        assertEquals(pane.copyAsPowerShell(), dialogs.clipboard().orElseThrow());
        assertFalse(dialogs.clipboard().orElseThrow().startsWith("curl "));
        assertEquals(List.of(), dialogs.asked(), "copying asks nothing");
    }

    @Test
    void an_old_row_is_copied_to_the_port_the_server_has_now_and_says_so() throws Exception {
        int[] now = {capture.port()};
        TrafficPaneViewModel moving = new TrafficPaneViewModel(traffic, dialogs, () -> now[0]);
        capture.send("curl/8.0", "GET", "/people/v1/users?name=Zoe", null);
        capture.until("the traffic to arrive", () -> !traffic.shown().isEmpty());
        traffic.selectedProperty().set(traffic.shown().get(0));
        assertTrue(moving.copyAsCurl().startsWith("curl -i \\\n  'http://127.0.0.1:" + capture.port() + "/people/v1/users?name=Zoe'"),
                moving.copyAsCurl());

        now[0] = capture.port() + 1; // restarted elsewhere
        assertTrue(moving.copyAsCurl().startsWith("# This request went to port " + capture.port() + "; the server listens on "
                + (capture.port() + 1) + " now, so this goes there.\ncurl -i \\\n  'http://127.0.0.1:" + (capture.port() + 1) + "/"),
                moving.copyAsCurl());
        assertTrue(moving.copyAsPowerShell().contains("-Uri 'http://127.0.0.1:" + (capture.port() + 1) + "/"), moving.copyAsPowerShell());

        now[0] = -1; // stopped: the port it went to
        assertTrue(moving.copyAsCurl().startsWith("curl -i \\\n  'http://127.0.0.1:" + capture.port() + "/"), moving.copyAsCurl());
    }

    @Test
    void a_content_length_0_on_the_windows_get_is_explained_as_javas_not_curls() {
        Exchange window = Exchange.builder().request("GET", "/people/v1/users")
                .requestHeader(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER))
                .requestHeader("Content-Length", "0").status(200, "OK").build();
        assertTrue(TrafficPaneViewModel.explain(window).contains("Content-Length: 0 on this GET comes from the HTTP"
                + " client of Java 17"), TrafficPaneViewModel.explain(window));
        Exchange curl = Exchange.builder().request("GET", "/people/v1/users").requestHeader("Content-Length", "0")
                .status(200, "OK").build();
        assertFalse(TrafficPaneViewModel.explain(curl).contains("Java 17"), "only the window's own requests");
    }

    @Test
    void an_ipv6_client_is_written_short_and_in_brackets_before_its_port() {
        Exchange e = Exchange.builder().client("0:0:0:0:0:0:0:1", 40312).request("GET", "/").status(200, "OK").build();
        assertEquals("[::1]:40312", TrafficPaneViewModel.client(e));
        Exchange v4 = Exchange.builder().client("127.0.0.1", 40312).request("GET", "/").status(200, "OK").build();
        assertEquals("127.0.0.1:40312", TrafficPaneViewModel.client(v4));
    }

    @Test
    void pretty_json_indents_the_body_only() throws Exception {
        capture.send("curl/8.0", "POST", "/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        capture.send("curl/8.0", "GET", "/people/v1/users", null);
        awaitArrivals(2);
        // Two connections: the capture may record them in either order.
        traffic.selectedProperty().set(traffic.shown().stream()
                .filter(e -> e.method().equals("GET")).findFirst().orElseThrow());
        String compact = MessagePieces.plainText(pane.responsePiecesProperty().get());
        pane.prettyJsonProperty().set(true);
        String pretty = MessagePieces.plainText(pane.responsePiecesProperty().get());
        assertTrue(compact.endsWith("{\"users\":[{\"email\":\"john@example.com\","
                + compact.substring(compact.indexOf("\"id\""), compact.indexOf("\"name\"")) + "\"name\":\"John\"}]}\n"));
        assertTrue(pretty.contains("\n  \"users\": [\n    {\n"), pretty);
        assertEquals(compact.substring(0, compact.indexOf("\r\n\r\n")), pretty.substring(0, pretty.indexOf("\r\n\r\n")));
        assertTrue(pretty.contains("[Pretty JSON: RestLab re-indented this body"), "the pane says the body was reformatted");
    }

    @Test
    void several_rows_may_be_selected_while_the_detail_pane_shows_the_focused_one() throws Exception {
        capture.send("curl/8.0", "GET", "/", null);
        capture.send("curl/8.0", "GET", "/test/", null);
        capture.send("curl/8.0", "PUT", "/people/v1/users", null);
        awaitArrivals(3);
        List<Exchange> rows = List.copyOf(traffic.shown());

        traffic.setSelection(List.of(rows.get(0), rows.get(2)));
        traffic.selectedProperty().set(rows.get(2));
        assertEquals(List.of(rows.get(0), rows.get(2)), traffic.selectedExchanges());
        assertEquals(CurlText.curlI(rows.get(2)), MessagePieces.plainText(pane.responsePiecesProperty().get()),
                "the detail pane shows the focused exchange only");

        assertTrue(traffic.select(rows.get(1).id()));
        assertEquals(List.of(rows.get(1)), traffic.selectedExchanges(), "selecting one by id selects it alone");

        traffic.clear();
        assertEquals(List.of(), traffic.selectedExchanges());
        assertEquals(null, traffic.selectedProperty().get());
    }
}
