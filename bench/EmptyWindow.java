import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The least a JavaFX program can show: an empty window of RestLab's size, announcing itself with
 * the line RestLab prints (-Drestlab.startupMarker=true) when its window is shown. bench/startup.sh
 * starts it on the app image's own runtime with the launcher's options, beside RestLab, so that
 * launch to window is measured as a ratio to what the runtime and JavaFX cost by themselves.
 */
public final class EmptyWindow extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Empty");
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        if (Boolean.getBoolean("restlab.startupMarker")) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
                System.out.println("restlab: window shown");
                System.out.flush();
            });
        }
        stage.show();
    }
}
