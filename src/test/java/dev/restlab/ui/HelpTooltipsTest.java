package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A control's help becomes its tooltip when the mouse first comes over it, and shows as a tooltip does. */
@ExtendWith(ApplicationExtension.class)
class HelpTooltipsTest {

    private Button helped;
    private Button plain;
    private Button ownTooltip;
    private Tooltip own;

    @Start
    void start(Stage stage) {
        helped = new Button("Create (POST)");
        helped.setAccessibleHelp("POST /people/v1/users with this name and email");
        plain = new Button("No help");
        ownTooltip = new Button("Own tooltip");
        ownTooltip.setAccessibleHelp("Help for a screen reader");
        own = new Tooltip("Its own tooltip");
        ownTooltip.setTooltip(own);
        VBox view = new VBox(12, helped, plain, ownTooltip);
        HelpTooltips.install(view);
        stage.setScene(new Scene(view, 320, 200));
        stage.show();
        stage.requestFocus();
    }

    @Test
    void the_help_becomes_a_tooltip_on_the_first_hover_and_shows(FxRobot robot) {
        assertNull(helped.getTooltip(), "no tooltip is made before anyone hovers");
        robot.moveTo(helped);
        robot.moveBy(3, 1);
        WindowTests.waitUntil(() -> helped.getTooltip() != null);
        assertEquals("POST /people/v1/users with this name and email", helped.getTooltip().getText());
        WindowTests.waitUntil(() -> helped.getTooltip().isShowing());

        robot.moveTo(plain);
        robot.moveBy(3, 1);
        robot.moveTo(ownTooltip);
        robot.moveBy(3, 1);
        WindowTests.waitUntil(own::isShowing);
        assertNull(plain.getTooltip(), "a control with no help gets no tooltip");
        assertSame(own, ownTooltip.getTooltip(), "a tooltip given in the view stays");
    }
}
