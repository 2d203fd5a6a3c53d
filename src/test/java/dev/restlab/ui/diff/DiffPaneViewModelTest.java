package dev.restlab.ui.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.diff.DiffPaneViewModel.Kind;
import dev.restlab.ui.diff.DiffPaneViewModel.Line;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.ViewModelTestSupport;

/** Picking two exchanges for a diff, in one view or across the live and an imported one. */
class DiffPaneViewModelTest {

    private TrafficModel traffic;
    private DiffPaneViewModel diff;
    private final Exchange created = Exchange.builder().id(1).request("POST", "/people/v1/users")
            .requestHeader("Content-Type", "application/json").requestBody("{\"name\":\"John\",\"email\":\"j@x\"}")
            .status(201, "Created").responseBody("User created successfully! ID: 1").build();
    private final Exchange refused = Exchange.builder().id(2).request("POST", "/people/v1/users")
            .requestHeader("Content-Type", "text/plain").requestBody("{\"name\":\"John\",\"email\":\"j@x\"}")
            .status(415, "Unsupported Media Type").responseBody("Request must be JSON").build();

    @BeforeEach
    void create() {
        traffic = new TrafficModel(new TrafficLog(100), ViewModelTestSupport.SAME_THREAD, ApiDescription::bundled);
        diff = new DiffPaneViewModel(traffic, ViewModelTestSupport.SAME_THREAD);
        traffic.add(List.of(created, refused));
    }

    @AfterEach
    void close() throws Exception {
        traffic.close();
    }

    @Test
    void two_selected_exchanges_are_compared_the_earlier_on_the_left() {
        assertTrue(diff.actionDisabledProperty().get(), "nothing selected, nothing to compare");
        traffic.setSelection(List.of(created, refused));
        assertEquals("Diff the 2 selected", diff.actionProperty().get());
        assertFalse(diff.actionDisabledProperty().get());

        diff.act();

        assertEquals(1, diff.comparedProperty().get());
        assertTrue(diff.leftTitleProperty().get().startsWith("Left: #1 · live · POST /people/v1/users → 201"));
        assertTrue(diff.rightTitleProperty().get().startsWith("Right: #2 · live · POST /people/v1/users → 415"));
        assertEquals("They differ in: request headers, status line, response body.",
                diff.summaryProperty().get());
        assertTrue(diff.lines().contains(new Line(Kind.SECTION, "Status line", "1 changed")));
        assertTrue(diff.lines().contains(new Line(Kind.CHANGED, "HTTP/1.1 201 Created", "HTTP/1.1 415 Unsupported Media Type")));

        diff.swap();
        assertTrue(diff.lines().contains(new Line(Kind.CHANGED, "HTTP/1.1 415 Unsupported Media Type", "HTTP/1.1 201 Created")));
    }

    @Test
    void the_list_may_show_a_later_exchange_above_an_earlier_one_the_earlier_is_still_left() {
        java.time.Instant now = java.time.Instant.parse("2026-11-26T15:58:45Z");
        Exchange earlier = Exchange.builder().id(7).started(now).status(201, "Created").build();
        Exchange later = Exchange.builder().id(8).started(now.plusMillis(800)).status(415, "Unsupported Media Type").build();
        traffic.add(List.of(later, earlier));
        traffic.setSelection(List.of(later, earlier));
        diff.act();
        assertTrue(diff.leftTitleProperty().get().startsWith("Left: #7"), diff.leftTitleProperty().get());
        assertTrue(diff.rightTitleProperty().get().startsWith("Right: #8"));
    }

    @Test
    void one_kept_exchange_is_compared_with_one_chosen_later_in_another_view() {
        Exchange fromBrowser = Exchange.builder().id(1).request("POST", "/people/v1/users")
                .requestHeader("Content-Type", "application/json").requestBody("{\"email\":\"j@x\",\"name\":\"John\"}")
                .status(201, "Created").responseBody("User created successfully! ID: 9").build();
        traffic.showImport("browser.har", List.of(fromBrowser));
        traffic.setSelection(List.of(fromBrowser));
        assertEquals("Keep for diff", diff.actionProperty().get());
        diff.act();
        assertEquals("Kept for diff: #1 POST /people/v1/users → 201 (browser.har). Select another exchange, here or in"
                + " another view, and press Diff.", diff.keptTextProperty().get());
        assertTrue(diff.actionDisabledProperty().get(), "the kept one is not compared with itself");

        traffic.backToLive();
        traffic.setSelection(List.of(created));
        assertEquals("Diff with #1 (browser.har)", diff.actionProperty().get(), "the live #1 is another exchange");
        diff.act();

        assertTrue(diff.leftTitleProperty().get().startsWith("Left: #1 · browser.har · POST"));
        assertTrue(diff.rightTitleProperty().get().startsWith("Right: #1 · live · POST"));
        assertTrue(diff.lines().contains(new Line(Kind.SECTION, "Request body", "same, in another order")));
        assertTrue(diff.lines().contains(new Line(Kind.CHANGED, "User created successfully! ID: 9", "User created successfully! ID: 1")));

        diff.forgetKept();
        assertEquals("", diff.keptTextProperty().get());
        assertEquals("Keep for diff", diff.actionProperty().get());
    }

    @Test
    void a_very_long_line_is_cut_for_display_and_says_how_much() {
        Exchange longOne = Exchange.builder().id(3).responseBody("x".repeat(5_000)).build();
        Exchange shortOne = Exchange.builder().id(4).responseBody("y").build();
        traffic.add(List.of(longOne, shortOne));
        traffic.setSelection(List.of(longOne, shortOne));
        diff.act();
        Line body = diff.lines().stream().filter(l -> l.kind() == Kind.CHANGED && l.right().equals("y")).findFirst().orElseThrow();
        assertEquals("x".repeat(DiffPaneViewModel.LONGEST_LINE) + " … [3000 more characters]", body.left());
    }

    @Test
    void three_selected_exchanges_are_not_compared() {
        Exchange third = Exchange.builder().id(3).build();
        traffic.add(List.of(third));
        traffic.setSelection(List.of(created, refused, third));
        assertTrue(diff.actionDisabledProperty().get());
        diff.act();
        assertEquals(0, diff.comparedProperty().get());
    }
}
