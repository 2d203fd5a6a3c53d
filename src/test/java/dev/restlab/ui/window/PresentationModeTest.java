package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.WindowTests;
import dev.restlab.ui.Fx;

/** Presentation mode, started and left with the keys and the buttons a teacher uses. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private String fontStyle() {
        return workbench.root().getStyle();
    }

    private Node shown(String id) {
        Node node = workbench.root().lookup(id);
        return node != null && node.isVisible() && node.getScene() != null ? node : null;
    }

    @Test
    void f11_presents_the_traffic_large_and_esc_returns_to_the_normal_layout(FxRobot robot) {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        robot.interact(() -> tabs.getSelectionModel().select(0)); // the traffic
        String normal = fontStyle();
        assertTrue(shown("#usersScroll") != null && shown("#explanationPane") != null);

        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.look().presentingProperty().get());
        assertEquals("-fx-font-size: " + LookViewModel.PRESENTING_SIZE + "px;", fontStyle());
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "the traffic tab is still shown");
        assertNull(shown("#trafficTools"), "the list's tools give their room to the exchange");
        assertNull(shown("#usersScroll"), "the forms are hidden");
        assertNull(shown("#explanationPane"), "the glossary is hidden");
        assertNull(shown("#usersRow"));
        assertTrue(shown("#trafficTable") != null && shown("#responseText") != null);

        robot.clickOn("#showForms");
        robot.clickOn("#showGlossary");
        assertTrue(shown("#usersScroll") != null, "the forms come back when asked for");
        assertTrue(shown("#explanationPane") != null, "the glossary comes back when asked for");
        SplitPane pair = Fx.get(() -> robot.lookup("#requestAndResponse").queryAs(SplitPane.class));
        assertSame(workbench.root().lookup("#explanationPane"), pair.getItems().get(0),
                "the explanation takes the request's place, with the exchange's height");
        assertNull(shown("#requestText"));
        robot.clickOn("#showForms");
        assertNull(shown("#usersScroll"));

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.look().presentingProperty().get());
        assertEquals(normal, fontStyle());
        assertTrue(shown("#usersScroll") != null && shown("#explanationPane") != null && shown("#usersRow") != null);
        assertTrue(shown("#requestText") != null && shown("#trafficTools") != null, "the request and the tools are back");
        assertNull(shown("#showForms"), "the presentation's own buttons go with it");
    }

    /**
     * A window that opened on the Lab tab has not built its Traffic view yet: presenting from
     * there, then opening Traffic, shows it arranged for presenting all the same (tools hidden, the
     * list at its three rows), and leaving brings its tools and the list's height back.
     */
    @Test
    void a_traffic_view_built_while_presenting_is_arranged_for_it(FxRobot robot) throws Exception {
        Stage second = Fx.call(Stage::new);
        Workbench late = Fx.call(() -> {
            Workbench opened = WindowTests.inMemoryWorkbench();
            opened.tabs().select("labTab"); // the tab the window was left on
            return WindowTests.show(second, opened, 1024, 768);
        });
        try {
            assertNull(late.root().lookup("#trafficTools"), "the Traffic view is built only when first needed");
            robot.interact(() -> late.look().presentingProperty().set(true));
            robot.interact(() -> late.tabs().select("trafficTab"));
            WaitForAsyncUtils.waitForFxEvents();
            Node tools = late.root().lookup("#trafficTools");
            assertTrue(tools != null && !tools.isVisible() && !tools.isManaged(), "the list's tools give their room");
            Node exchangeTools = late.root().lookup("#exchangeTools");
            assertTrue(!exchangeTools.isVisible() && !exchangeTools.isManaged());
            SplitPane list = (SplitPane) late.root().lookup("#listAndExchange");
            Region table = (Region) late.root().lookup("#trafficTable");
            assertTrue(table.getHeight() <= table.minHeight(-1) + 1,
                    "the list at its least, three rows: " + table.getHeight() + " high, at least " + table.minHeight(-1));

            robot.interact(() -> late.look().presentingProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(tools.isVisible() && exchangeTools.isVisible(), "the tools are back");
            assertTrue(list.getDividerPositions()[0] > 0.2, "the list has its height back: " + list.getDividerPositions()[0]);
        } finally {
            Fx.run(() -> {
                late.close();
                second.close();
            });
        }
    }

    @Test
    void the_present_button_and_f11_both_toggle_and_esc_does_nothing_outside_it(FxRobot robot) {
        robot.clickOn("#present");
        assertTrue(workbench.look().presentingProperty().get());
        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.look().presentingProperty().get());
        assertTrue(shown("#usersScroll") != null);

        String normal = fontStyle();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.look().presentingProperty().get());
        assertEquals(normal, fontStyle());
    }

    @Test
    void f11_keeps_the_tab_shown_and_esc_closes_an_open_list_before_it_leaves(FxRobot robot) {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> "labTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(lab));
        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.look().presentingProperty().get());
        assertSame(lab, tabs.getSelectionModel().getSelectedItem(), "F11 keeps the Lab tab");

        Tab diagram = tabs.getTabs().stream().filter(t -> "diagramTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(diagram));
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<?> source = Fx.get(() -> robot.lookup("#diagramSource").queryAs(ChoiceBox.class));
        robot.interact(() -> {
            source.requestFocus(); // as a click on it does
            source.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(source.isShowing());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(source.isShowing(), "Esc closes the list");
        assertTrue(Window.getWindows().stream().noneMatch(w -> w instanceof PopupWindow && w.isShowing()), "no popup is left open");
        assertTrue(workbench.look().presentingProperty().get(), "and only the menu");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.look().presentingProperty().get(), "the next Esc leaves presentation mode");
        assertSame(diagram, tabs.getSelectionModel().getSelectedItem(), "leaving keeps the tab too");
    }
}
