import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

/**
 * RestLab's first view with none of RestLab's code: the server bar, the users pane and the Traffic
 * tab, read from RestLab's own FXML and styled by the same theme and style sheet, but with no
 * controller (a plain object stands in for each, so nothing is wired, bound or filled in), no
 * server, no store and no traffic log. bench/startup.sh starts it on the app image's runtime with
 * the launcher's options, beside RestLab and the empty window: what it costs over the empty window
 * is what JavaFX needs to show these controls at all, a floor that no change to RestLab's own code
 * goes below short of showing fewer controls.
 */
public final class FirstViewFloor extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FXMLLoader window = loader("/fxml/window/MainWindow.fxml");
        Parent root = load(window);
        Tab traffic = (Tab) window.getNamespace().get("trafficTab");
        ScrollPane scroll = new ScrollPane(load(loader("/fxml/traffic/TrafficPane.fxml")));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        traffic.setContent(scroll);
        root.getStylesheets().add(FirstViewFloor.class.getResource("/css/restlab.css").toExternalForm());
        stage.setTitle("First view, no RestLab code");
        stage.setScene(new Scene(root, 1280, 800));
        WindowShown.announce(stage);
        stage.show();
    }

    /** A loader for one of RestLab's views whose controllers, its own and its includes', are plain objects. */
    private static FXMLLoader loader(String view) {
        FXMLLoader loader = new FXMLLoader(FirstViewFloor.class.getResource(view));
        loader.setControllerFactory(type -> new Object());
        return loader;
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
