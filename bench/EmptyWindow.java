import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The least a JavaFX program can show: an empty window of RestLab's size, announcing itself with
 * the line RestLab prints when its window is shown ({@link WindowShown}). bench/startup.sh
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
        WindowShown.announce(stage);
        stage.show();
    }
}
