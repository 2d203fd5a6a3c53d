package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Uses a stage of its own, so that the shared primary stage of the window tests is left alone. */
@ExtendWith(ApplicationExtension.class)
class StartupMarkerTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        stage.setScene(new Scene(new Label("RestLab"), 200, 100));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void prints_one_line_the_first_time_the_window_is_shown(FxRobot robot) {
        robot.interact(() -> StartupMarker.printWhenShown(stage, true, out));
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
        robot.interact(() -> {
            stage.show();
            stage.hide();
            stage.show();
        });
        assertEquals(StartupMarker.LINE + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void prints_nothing_when_not_asked(FxRobot robot) {
        robot.interact(() -> {
            StartupMarker.printWhenShown(stage, false, out);
            stage.show();
        });
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
