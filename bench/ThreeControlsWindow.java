import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The empty window with RestLab's theme and three controls in it, a label, a text field and a
 * button: the least a window with a form shows. bench/startup.sh starts it beside the empty window
 * to show what the first controls and text cost by themselves (the classes, skins, theme and fonts
 * every window with text needs, whatever it holds).
 */
public final class ThreeControlsWindow extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle("Three controls");
        stage.setScene(new Scene(new VBox(new Label("Name"), new TextField("John"), new Button("Create (POST)")), 1280, 800));
        WindowShown.announce(stage);
        stage.show();
    }
}
