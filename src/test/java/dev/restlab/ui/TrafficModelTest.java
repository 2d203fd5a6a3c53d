package dev.restlab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.restlab.client.UserApiClient;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's traffic, fed by the real capture, without any pane: the list and its capacity,
 * the filter, the selection, Clear and its undo, and a HAR import shown in place of live traffic.
 */
class TrafficModelTest {

    private final LiveTraffic capture = new LiveTraffic(5);
    private final TrafficModel traffic = new TrafficModel(capture.log(), capture.threads(), ApiDescription::bundled);

    @AfterEach
    void stop() throws Exception {
        traffic.close();
        capture.close();
    }

    /** The model is shared by panes and tested without a Stage: properties and lists, never nodes. */
    @Test
    void the_model_and_its_interfaces_know_no_scene_graph() {
        JavaClasses classes = new ClassFileImporter().importClasses(TrafficModel.class, TrafficSelection.class,
                TrafficImport.class, Verdicts.class, ExchangeFocus.class);
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(classes);
    }

    /** Runs queued FX work until {@code count} exchanges have arrived. */
    private void awaitArrivals(int count) {
        capture.until(count + " exchanges to arrive", () -> traffic.arrivalsProperty().get() >= count);
    }

    @Test
    void a_form_request_asked_for_is_selected_when_it_arrives_not_another_clients() throws Exception {
        traffic.showNext("GET", "/people/v1/users");
        capture.send("curl/8.0", "GET", "/people/v1/users", null);
        capture.send(UserApiClient.USER_AGENT, "GET", "/people/v1/users?name=John", null);
        awaitArrivals(2);
        Exchange selected = traffic.selectedProperty().get();
        assertTrue(selected != null && TrafficModel.isOwn(selected));
        assertEquals("/people/v1/users?name=John", selected.target());
    }

    @Test
    void filter_and_the_window_toggle_narrow_the_list() throws Exception {
        capture.send(UserApiClient.USER_AGENT, "GET", "/people/v1/users", null);
        capture.send("curl/8.0", "GET", "/test/", null);
        capture.send("curl/8.0", "PUT", "/people/v1/users", null);
        awaitArrivals(3);

        traffic.filterProperty().set("405");
        assertEquals(List.of("PUT"), traffic.shown().stream().map(Exchange::method).toList());
        traffic.filterProperty().set("");
        traffic.showOwnProperty().set(false);
        assertEquals(java.util.Set.of("/test/", "/people/v1/users"),
                traffic.shown().stream().map(Exchange::target).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, traffic.shown().size());
        assertFalse(traffic.shown().stream().anyMatch(TrafficModel::isOwn));
    }

    @Test
    void the_windows_background_requests_are_hidden_until_asked_for_apart_from_its_forms_requests() throws Exception {
        UserApiClient forms = new UserApiClient(() -> URI.create("http://127.0.0.1:" + capture.port()));
        forms.listUsers();
        forms.background().listUsers();
        capture.send("curl/8.0", "GET", "/test/", null);
        capture.until("the traffic to arrive", () -> capture.log().lastId() == 3);
        capture.until("the traffic to arrive", () -> traffic.shown().size() == 2);

        assertEquals(List.of("/people/v1/users", "/test/"), traffic.shown().stream().map(Exchange::target).toList());
        assertFalse(traffic.shown().stream().anyMatch(TrafficModel::isBackground));
        assertFalse(traffic.showBackgroundProperty().get(), "hidden by default");

        traffic.showBackgroundProperty().set(true);
        assertEquals(3, traffic.shown().size());
        assertEquals(1, traffic.shown().stream().filter(TrafficModel::isBackground).count());

        traffic.showBackgroundProperty().set(false);
        long background = capture.log().snapshot().stream().filter(TrafficModel::isBackground).findFirst()
                .orElseThrow().id();
        assertTrue(traffic.select(background), "selecting a hidden background request shows it");
        assertTrue(traffic.showBackgroundProperty().get());
    }

    @Test
    void the_list_is_bounded_by_the_log_capacity_and_clear_empties_both() throws Exception {
        for (int i = 0; i < 8; i++) {
            capture.send("curl/8.0", "GET", "/", null);
        }
        // A listener that falls behind may get only the newest exchanges: wait for the last one.
        capture.until("the traffic to arrive", () -> !traffic.shown().isEmpty()
                && traffic.shown().get(traffic.shown().size() - 1).id() == capture.log().lastId());
        assertEquals(5, traffic.shown().size());

        traffic.clear();
        assertEquals(0, traffic.shown().size());
        assertEquals(List.of(), capture.log().snapshot());
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
        capture.send("curl/8.0", "GET", "/", null);
        capture.send("curl/8.0", "GET", "/test/", null);
        awaitArrivals(2);
        List<Exchange> before = List.copyOf(traffic.shown());

        traffic.clear();
        assertEquals(List.of(), traffic.shown());
        assertEquals("Undo clear (2)", traffic.undoClearTextProperty().get());
        assertEquals(List.of(TrafficModel.UNDO_CLEAR_WINDOW), clock.asked);
        assertEquals(2, capture.log().snapshot().size(), "the log keeps them while the clear can be undone");
        capture.send("curl/8.0", "PUT", "/people/v1/users", null); // arrives after the clear
        awaitArrivals(3);
        traffic.undoClear();
        assertEquals(before, traffic.shown().subList(0, 2), "the cleared ones come back first");
        assertEquals("PUT", traffic.shown().get(2).method());
        assertEquals("", traffic.undoClearTextProperty().get());
        assertEquals(List.of(), clock.pending, "the undo cancelled the forgetting");

        traffic.clear();
        clock.timePasses();
        assertEquals("", traffic.undoClearTextProperty().get());
        assertEquals(List.of(), capture.log().snapshot(), "once the time is up the log forgets them too");
        traffic.undoClear();
        assertEquals(List.of(), traffic.shown(), "too late to undo");
    }

    @Test
    void an_undocumented_answer_is_flagged_with_its_reason() throws Exception {
        capture.send("curl/8.0", "GET", "/people/v1/users?name=Nobody", null);
        capture.send("curl/8.0", "DELETE", "/", null);
        awaitArrivals(2);
        Exchange list = traffic.shown().stream().filter(e -> e.method().equals("GET")).findFirst().orElseThrow();
        Exchange wrongMethod = traffic.shown().stream().filter(e -> e.method().equals("DELETE")).findFirst().orElseThrow();
        assertEquals("listUsers: conforms", traffic.conformance(list).summary());
        assertTrue(traffic.conformance(wrongMethod).conforms(),
                "a 405 for a method the path does not take is documented");
    }

    @Test
    void the_selection_is_read_only_outside_the_model() {
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> traffic.selectedExchanges().add(null));
    }

    private static Exchange imported(long id, String target) {
        return Exchange.builder().id(id).request("GET", target).requestHeader("Host", "shop.example")
                .status(200, "OK").build();
    }

    @Test
    void an_import_is_shown_read_only_while_live_traffic_keeps_arriving_and_nothing_is_lost() throws Exception {
        capture.send("curl/8.0", "GET", "/", null);
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

        capture.send("curl/8.0", "GET", "/test/", null);
        awaitArrivals(2);
        assertEquals(1, traffic.liveMeanwhileProperty().get());
        assertEquals(2, traffic.shown().size(), "live traffic does not mix into the import");
        traffic.clear();
        assertEquals(2, capture.log().snapshot().size(), "Clear does nothing to the unseen live traffic while an import is shown");

        traffic.backToLive();
        assertEquals("", traffic.importedFromProperty().get());
        assertEquals(List.of("/", "/test/"), traffic.shown().stream().map(Exchange::target).toList());
        assertEquals(live, traffic.selectedProperty().get(), "the exchange selected before the import is selected again");
        assertEquals(liveVerdict, traffic.conformance(live).summary());
    }

    @Test
    void showing_a_live_exchange_by_id_leaves_the_import() throws Exception {
        capture.send("curl/8.0", "GET", "/", null);
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
        capture.send(UserApiClient.USER_AGENT, "GET", "/people/v1/users", null);
        awaitArrivals(1);
        assertEquals(null, traffic.selectedProperty().get());
        assertEquals(List.of("/account"), traffic.shown().stream().map(Exchange::target).toList());
    }
}
