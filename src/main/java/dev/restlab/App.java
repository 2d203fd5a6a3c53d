package dev.restlab;

import dev.restlab.server.ApiServer;
import dev.restlab.server.ServedAddresses;
import dev.restlab.server.ServerStartException;
import dev.restlab.users.StoreChoice;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The window: starts the server on open and stops it on close. */
public final class App extends Application {

    private UserStore store;
    private ApiServer server;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        String host = named.getOrDefault("host", ApiServer.LOOPBACK);
        int port = Integer.parseInt(named.getOrDefault("port", "" + ApiServer.DEFAULT_PORT));
        Label status = new Label();
        status.setWrapText(true);
        try {
            store = StoreChoice.fromAppArguments(named).open();
            server = new ApiServer(store);
            int bound = server.start(host, port);
            status.setText("Serving the lab's user API on " + ServedAddresses.urls(host, bound)
                    + "\nUsers kept in " + store.location());
        } catch (StoreUnavailableException | ServerStartException e) {
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
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }
}
