package dev.restlab.app;

import java.io.PrintStream;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Prints {@link #LINE} once, when the window is first shown, if the system property
 * {@value #PROPERTY} is {@code true}; prints nothing otherwise. bench/startup.sh times launch to
 * window by it.
 */
final class StartupMarker {

    static final String PROPERTY = "restlab.startupMarker";
    static final String LINE = "restlab: window shown";

    private StartupMarker() {
    }

    static void printWhenShown(Stage stage) {
        printWhenShown(stage, Boolean.getBoolean(PROPERTY), System.out);
    }

    static void printWhenShown(Stage stage, boolean enabled, PrintStream out) {
        if (!enabled) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                out.println(LINE);
                out.flush();
            }
        });
    }
}
