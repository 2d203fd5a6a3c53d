package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tooltip;
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

/** A menu and a tooltip take the window's text size when they open and while they are open. */
@ExtendWith(ApplicationExtension.class)
class PopupLookTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void a_menu_and_a_tooltip_follow_the_text_size(FxRobot robot) {
        for (int press = 0; press < 3; press++) {
            robot.interact(workbench.look()::larger);
        }
        int size = workbench.look().fontSizeProperty().get();
        assertEquals(20, size);
        MenuButton har = Fx.get(() -> robot.lookup("#harMenu").queryAs(MenuButton.class));
        robot.interact(har::show);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(size, popupTextSize(har.getItems().get(0).getText()), 0.5, "the HAR menu at " + size + " px");

        robot.interact(workbench.look()::smaller);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(size - 2, popupTextSize(har.getItems().get(0).getText()), 0.5, "the open menu follows A−");
        robot.interact(har::hide);

        Tooltip tip = new Tooltip("Sent by this window");
        robot.interact(() -> tip.show(stage));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(size - 2, popupTextSize("Sent by this window"), 0.5, "a tooltip, whose theme says 14 px");
        robot.interact(tip::hide);
    }

    /** The font size of the label reading {@code text} in an open popup of the window. */
    private double popupTextSize(String text) {
        List<Window> popups = Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList();
        assertTrue(!popups.isEmpty(), "no popup is open");
        for (Window popup : popups) {
            Set<Node> labels = new HashSet<>(popup.getScene().getRoot().lookupAll(".label"));
            labels.addAll(popup.getScene().getRoot().lookupAll(".tooltip"));
            for (Node node : labels) {
                if (node instanceof Labeled label && text.equals(label.getText())) {
                    return label.getFont().getSize();
                }
            }
        }
        throw new AssertionError("no open popup shows '" + text + "'");
    }
}
