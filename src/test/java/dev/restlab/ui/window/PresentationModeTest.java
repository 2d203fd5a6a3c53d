package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.users.InMemoryUserStore;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.WindowTests;

/** Presentation mode, started and left with the keys and the buttons a teacher uses. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, new Workbench(new InMemoryUserStore(), WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
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
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1)); // the composer
        String normal = fontStyle();
        assertTrue(shown("#usersScroll") != null && shown("#explanationPane") != null);

        robot.push(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.look().presentingProperty().get());
        assertEquals("-fx-font-size: " + LookViewModel.PRESENTING_SIZE + "px;", fontStyle());
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "the traffic tab is shown");
        assertNull(shown("#usersScroll"), "the forms are hidden");
        assertNull(shown("#explanationPane"), "the glossary is hidden");
        assertNull(shown("#usersRow"));
        assertTrue(shown("#trafficTable") != null && shown("#responseText") != null);

        robot.clickOn("#showForms");
        robot.clickOn("#showGlossary");
        assertTrue(shown("#usersScroll") != null, "the forms come back when asked for");
        assertTrue(shown("#explanationPane") != null, "the glossary comes back when asked for");
        robot.clickOn("#showForms");
        assertNull(shown("#usersScroll"));

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.look().presentingProperty().get());
        assertEquals(normal, fontStyle());
        assertTrue(shown("#usersScroll") != null && shown("#explanationPane") != null && shown("#usersRow") != null);
        assertNull(shown("#showForms"), "the presentation's own buttons go with it");
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
}
