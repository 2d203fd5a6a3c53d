import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The line RestLab prints when its window is shown (-Drestlab.startupMarker=true), printed by the
 * windows bench/startup.sh starts beside it, so that all are timed to the same moment.
 */
final class WindowShown {

    private WindowShown() {
    }

    static void announce(Stage stage) {
        if (Boolean.getBoolean("restlab.startupMarker")) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
                System.out.println("restlab: window shown");
                System.out.flush();
            });
        }
    }
}
