package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.http.TargetUrl;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.server.ApiServer;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.TrafficLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.Delays;
import dev.restlab.ui.UiThreads;

/**
 * The traffic ViewModel fed by the real capture. Batches reach it through a queue that the test
 * drains on its own thread, standing in for the FX thread.
 */
class TrafficPaneViewModelTest {

    private final List<Runnable> fxQueue = new ArrayList<>();
    private final UiThreads threads = new UiThreads(Runnable::run, work -> {
        synchronized (fxQueue) {
            fxQueue.add(work);
        }
    });
    private final TrafficLog log = new TrafficLog(5);
    private final FakeDialogs dialogs = new FakeDialogs();
    private ApiServer server;
    private TrafficPaneViewModel traffic;
    private int port;

    @BeforeEach
    void start() {
        server = new ApiServer(new InMemoryUserStore(), log);
        port = server.start("127.0.0.1", 0);
        traffic = new TrafficPaneViewModel(log, threads, ApiDescription::bundled, dialogs);
    }

    @AfterEach
    void stop() throws Exception {
        traffic.close();
        server.stop();
    }

    /** Runs queued FX work until {@code count} exchanges have arrived, or fails after 10 s. */
    private void awaitArrivals(int count) {
        awaitUntil(() -> traffic.arrivalsProperty().get() >= count);
    }

    private void awaitUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            List<Runnable> work;
            synchronized (fxQueue) {
                work = new ArrayList<>(fxQueue);
                fxQueue.clear();
            }
            work.forEach(Runnable::run);
            assertTrue(System.nanoTime() < deadline, "only " + traffic.arrivalsProperty().get() + " arrived");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private HttpResponse<String> send(String userAgent, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", userAgent);
        if (userAgent.equals(UserApiClient.USER_AGENT)) { // as the window's forms send it
            request.header(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_exchange_arrives_and_the_selected_one_reads_as_curl_prints_it() throws Exception {
        send("curl/8.0", "POST", "/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        awaitArrivals(1);

        Exchange post = traffic.shown().get(0);
        traffic.selectedProperty().set(post);

        assertEquals(CurlText.requestAsSent(post), MessagePieces.plainText(traffic.requestPiecesProperty().get()));
        assertTrue(MessagePieces.plainText(traffic.requestPiecesProperty().get())
                .startsWith("POST /people/v1/users HTTP/1.1\r\n"));
        assertEquals(CurlText.curlI(post), MessagePieces.plainText(traffic.responsePiecesProperty().get()));
        assertTrue(MessagePieces.plainText(traffic.responsePiecesProperty().get()).startsWith("HTTP/1.1 201 Created\r\n"));
        assertTrue(traffic.explanationProperty().get().startsWith("OpenAPI: createUser: conforms\n201 Created"));
        assertTrue(traffic.factsProperty().get().contains("from 127.0.0.1:" + post.connection().clientPort()));
        assertTrue(traffic.copyAsCurl().startsWith("curl "));
    }

    @Test
    void in_proxy_mode_the_details_say_who_answered_and_what_was_added() throws Exception {
        ApiServer target = new ApiServer(new InMemoryUserStore());
        try {
            int targetPort = target.start("127.0.0.1", 0);
            server.stop();
            server.setProxyTarget(new TargetUrl("127.0.0.1", targetPort));
            port = server.start("127.0.0.1", 0);
            send("curl/8.0", "GET", "/people/v1/users", null);
            awaitArrivals(1);
            traffic.selectedProperty().set(traffic.shown().get(0));
            assertTrue(traffic.factsProperty().get().endsWith(" · relayed to http://127.0.0.1:" + targetPort),
                    traffic.factsProperty().get());
            assertTrue(traffic.explanationProperty().get().startsWith("Proxy: relayed to http://127.0.0.1:" + targetPort
                    + ", which got the request with Via: 1.1 restlab added"), traffic.explanationProperty().get());

            target.stop(); // now nothing answers there: RestLab's own 502
            send("curl/8.0", "GET", "/people/v1/users", null);
            awaitArrivals(2);
            traffic.selectedProperty().set(traffic.shown().get(1));
            assertEquals(502, traffic.selectedProperty().get().status());
            assertTrue(traffic.factsProperty().get().endsWith(" · answered by RestLab, not the target"));
            assertTrue(traffic.explanationProperty().get().startsWith("Proxy: answered by RestLab: the target http://127.0.0.1:"
                    + targetPort + " gave no answer"), traffic.explanationProperty().get());
        } finally {
            target.stop();
        }
    }

    @Test
    void the_copy_commands_put_the_selected_exchange_on_the_clipboard_and_nothing_without_one() throws Exception {
        traffic.copyCurlToClipboard();
        traffic.copyPowerShellToClipboard();
        assertEquals(0, dialogs.copies(), "with nothing selected the clipboard is left alone");

        send("curl/8.0", "GET", "/people/v1/users?name=Zoe", null);
        awaitArrivals(1);
        traffic.selectedProperty().set(traffic.shown().get(0));
        traffic.copyCurlToClipboard();
        assertEquals(traffic.copyAsCurl(), dialogs.clipboard().orElseThrow());
        assertTrue(dialogs.clipboard().orElseThrow().startsWith("curl "));
        assertTrue(dialogs.clipboard().orElseThrow().contains("/people/v1/users?name=Zoe"));
        traffic.copyPowerShellToClipboard();
        assertEquals(traffic.copyAsPowerShell(), dialogs.clipboard().orElseThrow());
        assertFalse(dialogs.clipboard().orElseThrow().startsWith("curl "));
        assertEquals(List.of(), dialogs.asked(), "copying asks nothing");
    }

    @Test
    void an_old_row_is_copied_to_the_port_the_server_has_now_and_says_so() throws Exception {
        int[] now = {port};
        TrafficPaneViewModel moving = new TrafficPaneViewModel(log, threads, ApiDescription::bundled, dialogs,
                () -> now[0]);
        try (moving) {
            send("curl/8.0", "GET", "/people/v1/users?name=Zoe", null);
            awaitUntil(() -> !moving.shown().isEmpty());
            moving.selectedProperty().set(moving.shown().get(0));
            assertTrue(moving.copyAsCurl().startsWith("curl -i \\\n  'http://127.0.0.1:" + port + "/people/v1/users?name=Zoe'"),
                    moving.copyAsCurl());

            now[0] = port + 1; // restarted elsewhere
            assertTrue(moving.copyAsCurl().startsWith("# This request went to port " + port + "; the server listens on "
                    + (port + 1) + " now, so this goes there.\ncurl -i \\\n  'http://127.0.0.1:" + (port + 1) + "/"),
                    moving.copyAsCurl());
            assertTrue(moving.copyAsPowerShell().contains("-Uri 'http://127.0.0.1:" + (port + 1) + "/"), moving.copyAsPowerShell());

            now[0] = -1; // stopped: the port it went to
            assertTrue(moving.copyAsCurl().startsWith("curl -i \\\n  'http://127.0.0.1:" + port + "/"), moving.copyAsCurl());
        }
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
    void a_form_request_asked_for_is_selected_when_it_arrives_not_another_clients() throws Exception {
        traffic.showNext("GET", "/people/v1/users");
        send("curl/8.0", "GET", "/people/v1/users", null);
        send(UserApiClient.USER_AGENT, "GET", "/people/v1/users?name=John", null);
        awaitArrivals(2);
        Exchange selected = traffic.selectedProperty().get();
        assertTrue(selected != null && TrafficPaneViewModel.isOwn(selected));
        assertEquals("/people/v1/users?name=John", selected.target());
    }

    @Test
    void pretty_json_indents_the_body_only() throws Exception {
        send("curl/8.0", "POST", "/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        send("curl/8.0", "GET", "/people/v1/users", null);
        awaitArrivals(2);
        // Two connections: the capture may record them in either order.
        traffic.selectedProperty().set(traffic.shown().stream()
                .filter(e -> e.method().equals("GET")).findFirst().orElseThrow());
        String compact = MessagePieces.plainText(traffic.responsePiecesProperty().get());
        traffic.prettyJsonProperty().set(true);
        String pretty = MessagePieces.plainText(traffic.responsePiecesProperty().get());
        assertTrue(compact.endsWith("{\"users\":[{\"email\":\"john@example.com\","
                + compact.substring(compact.indexOf("\"id\""), compact.indexOf("\"name\"")) + "\"name\":\"John\"}]}\n"));
        assertTrue(pretty.contains("\n  \"users\": [\n    {\n"), pretty);
        assertEquals(compact.substring(0, compact.indexOf("\r\n\r\n")), pretty.substring(0, pretty.indexOf("\r\n\r\n")));
        assertTrue(pretty.contains("[Pretty JSON: RestLab re-indented this body"), "the pane says the body was reformatted");
    }

    @Test
    void filter_and_the_window_toggle_narrow_the_list() throws Exception {
        send(UserApiClient.USER_AGENT, "GET", "/people/v1/users", null);
        send("curl/8.0", "GET", "/test/", null);
        send("curl/8.0", "PUT", "/people/v1/users", null);
        awaitArrivals(3);

        traffic.filterProperty().set("405");
        assertEquals(List.of("PUT"), traffic.shown().stream().map(Exchange::method).toList());
        traffic.filterProperty().set("");
        traffic.showOwnProperty().set(false);
        assertEquals(java.util.Set.of("/test/", "/people/v1/users"),
                traffic.shown().stream().map(Exchange::target).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, traffic.shown().size());
        assertFalse(traffic.shown().stream().anyMatch(TrafficPaneViewModel::isOwn));
    }

    @Test
    void the_windows_background_requests_are_hidden_until_asked_for_apart_from_its_forms_requests() throws Exception {
        UserApiClient forms = new UserApiClient(() -> URI.create("http://127.0.0.1:" + port));
        forms.listUsers();
        forms.background().listUsers();
        send("curl/8.0", "GET", "/test/", null);
        awaitUntil(() -> log.lastId() == 3);
        awaitUntil(() -> traffic.shown().size() == 2);

        assertEquals(List.of("/people/v1/users", "/test/"), traffic.shown().stream().map(Exchange::target).toList());
        assertFalse(traffic.shown().stream().anyMatch(TrafficPaneViewModel::isBackground));
        assertFalse(traffic.showBackgroundProperty().get(), "hidden by default");

        traffic.showBackgroundProperty().set(true);
        assertEquals(3, traffic.shown().size());
        assertEquals(1, traffic.shown().stream().filter(TrafficPaneViewModel::isBackground).count());

        traffic.showBackgroundProperty().set(false);
        long background = log.snapshot().stream().filter(TrafficPaneViewModel::isBackground).findFirst()
                .orElseThrow().id();
        assertTrue(traffic.select(background), "selecting a hidden background request shows it");
        assertTrue(traffic.showBackgroundProperty().get());
    }

    @Test
    void the_list_is_bounded_by_the_log_capacity_and_clear_empties_both() throws Exception {
        for (int i = 0; i < 8; i++) {
            send("curl/8.0", "GET", "/", null);
        }
        // A listener that falls behind may get only the newest exchanges: wait for the last one.
        awaitUntil(() -> !traffic.shown().isEmpty()
                && traffic.shown().get(traffic.shown().size() - 1).id() == log.lastId());
        assertEquals(5, traffic.shown().size());

        traffic.clear();
        assertEquals(0, traffic.shown().size());
        assertEquals(List.of(), log.snapshot());
    }

    /** A clock the test moves: the delays it was asked for, run when the test says time has passed. */
    private static final class FakeDelays implements Delays {
        final List<Runnable> pending = new ArrayList<>();
        final List<java.time.Duration> asked = new ArrayList<>();

        @Override
        public Runnable after(java.time.Duration delay, Runnable action) {
            asked.add(delay);
            pending.add(action);
            return () -> pending.remove(action);
        }

        void timePasses() {
            List<Runnable> due = new ArrayList<>(pending);
            pending.clear();
            due.forEach(Runnable::run);
        }
    }

    @Test
    void clear_can_be_undone_for_a_few_seconds_and_then_the_log_forgets() throws Exception {
        FakeDelays clock = new FakeDelays();
        traffic.useUndoDelays(clock);
        send("curl/8.0", "GET", "/", null);
        send("curl/8.0", "GET", "/test/", null);
        awaitArrivals(2);
        List<Exchange> before = List.copyOf(traffic.shown());

        traffic.clear();
        assertEquals(List.of(), traffic.shown());
        assertEquals("Undo clear (2)", traffic.undoClearTextProperty().get());
        assertEquals(List.of(TrafficPaneViewModel.UNDO_CLEAR_WINDOW), clock.asked);
        assertEquals(2, log.snapshot().size(), "the log keeps them while the clear can be undone");
        send("curl/8.0", "PUT", "/people/v1/users", null); // arrives after the clear
        awaitArrivals(3);
        traffic.undoClear();
        assertEquals(before, traffic.shown().subList(0, 2), "the cleared ones come back first");
        assertEquals("PUT", traffic.shown().get(2).method());
        assertEquals("", traffic.undoClearTextProperty().get());
        assertEquals(List.of(), clock.pending, "the undo cancelled the forgetting");

        traffic.clear();
        clock.timePasses();
        assertEquals("", traffic.undoClearTextProperty().get());
        assertEquals(List.of(), log.snapshot(), "once the time is up the log forgets them too");
        traffic.undoClear();
        assertEquals(List.of(), traffic.shown(), "too late to undo");
    }

    @Test
    void an_undocumented_answer_is_flagged_with_its_reason() throws Exception {
        send("curl/8.0", "GET", "/people/v1/users?name=Nobody", null);
        send("curl/8.0", "DELETE", "/", null);
        awaitArrivals(2);
        Exchange list = traffic.shown().stream().filter(e -> e.method().equals("GET")).findFirst().orElseThrow();
        Exchange wrongMethod = traffic.shown().stream().filter(e -> e.method().equals("DELETE")).findFirst().orElseThrow();
        assertEquals("listUsers: conforms", traffic.conformance(list).summary());
        assertTrue(traffic.conformance(wrongMethod).conforms(),
                "a 405 for a method the path does not take is documented");
    }

    @Test
    void several_rows_may_be_selected_while_the_detail_pane_shows_the_focused_one() throws Exception {
        send("curl/8.0", "GET", "/", null);
        send("curl/8.0", "GET", "/test/", null);
        send("curl/8.0", "PUT", "/people/v1/users", null);
        awaitArrivals(3);
        List<Exchange> rows = List.copyOf(traffic.shown());

        traffic.setSelection(List.of(rows.get(0), rows.get(2)));
        traffic.selectedProperty().set(rows.get(2));
        assertEquals(List.of(rows.get(0), rows.get(2)), traffic.selectedExchanges());
        assertEquals(CurlText.curlI(rows.get(2)), MessagePieces.plainText(traffic.responsePiecesProperty().get()),
                "the detail pane shows the focused exchange only");

        assertTrue(traffic.select(rows.get(1).id()));
        assertEquals(List.of(rows.get(1)), traffic.selectedExchanges(), "selecting one by id selects it alone");

        traffic.clear();
        assertEquals(List.of(), traffic.selectedExchanges());
        assertEquals(null, traffic.selectedProperty().get());
    }

    @Test
    void the_selection_is_read_only_outside_the_view_model() {
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> traffic.selectedExchanges().add(null));
    }

    private static Exchange imported(long id, String target) {
        return Exchange.builder().id(id).request("GET", target).requestHeader("Host", "shop.example")
                .status(200, "OK").build();
    }

    @Test
    void an_import_is_shown_read_only_while_live_traffic_keeps_arriving_and_nothing_is_lost() throws Exception {
        send("curl/8.0", "GET", "/", null);
        awaitArrivals(1);
        Exchange live = traffic.shown().get(0);
        traffic.selectedProperty().set(live);
        traffic.setSelection(List.of(live));
        String liveVerdict = traffic.conformance(live).summary();

        traffic.showImport("session.har", List.of(imported(live.id(), "/account"), imported(live.id() + 1, "/api/cart")));

        assertEquals("session.har", traffic.importedFromProperty().get());
        assertEquals(List.of("/account", "/api/cart"), traffic.shown().stream().map(Exchange::target).toList());
        assertEquals(null, traffic.selectedProperty().get(), "nothing of the live view stays selected");
        assertEquals(List.of(), traffic.selectedExchanges());
        assertFalse(traffic.conformance(traffic.shown().get(0)).summary().equals(liveVerdict),
                "the imported exchange with the live one's id gets its own verdict, not the cached one");

        send("curl/8.0", "GET", "/test/", null);
        awaitArrivals(2);
        assertEquals(1, traffic.liveMeanwhileProperty().get());
        assertEquals(2, traffic.shown().size(), "live traffic does not mix into the import");
        traffic.clear();
        assertEquals(2, log.snapshot().size(), "Clear does nothing to the unseen live traffic while an import is shown");

        traffic.backToLive();
        assertEquals("", traffic.importedFromProperty().get());
        assertEquals(List.of("/", "/test/"), traffic.shown().stream().map(Exchange::target).toList());
        assertEquals(live, traffic.selectedProperty().get(), "the exchange selected before the import is selected again");
        assertEquals(liveVerdict, traffic.conformance(live).summary());
    }

    @Test
    void showing_a_live_exchange_by_id_leaves_the_import() throws Exception {
        send("curl/8.0", "GET", "/", null);
        awaitArrivals(1);
        long id = traffic.shown().get(0).id();
        traffic.showImport("session.har", List.of(imported(id, "/account")));

        assertTrue(traffic.select(id));

        assertFalse(traffic.isImportShown());
        assertEquals("/", traffic.selectedProperty().get().target());
    }

    @Test
    void a_forms_request_does_not_replace_the_import_on_view() throws Exception {
        traffic.showImport("session.har", List.of(imported(1, "/account")));
        traffic.showNext("GET", "/people/v1/users");
        send(UserApiClient.USER_AGENT, "GET", "/people/v1/users", null);
        awaitArrivals(1);
        assertEquals(null, traffic.selectedProperty().get());
        assertEquals(List.of("/account"), traffic.shown().stream().map(Exchange::target).toList());
    }
}
