package dev.restlab;

import dev.restlab.server.ApiServer;
import dev.restlab.server.ServedAddresses;
import dev.restlab.server.ServerStartException;
import dev.restlab.users.InMemoryUserStore;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The window: starts the server on open and stops it on close. */
public final class App extends Application {

    private final ApiServer server = new ApiServer(new InMemoryUserStore());

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        String host = named.getOrDefault("host", ApiServer.LOOPBACK);
        int port = Integer.parseInt(named.getOrDefault("port", "" + ApiServer.DEFAULT_PORT));
        Label status = new Label();
        try {
            int bound = server.start(host, port);
            status.setText("Serving the lab's user API on " + ServedAddresses.urls(host, bound));
        } catch (ServerStartException e) {
            status.setText(e.getMessage());
        }
        VBox root = new VBox(status);
        root.setPadding(new Insets(16));
        stage.setTitle("RestLab");
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
