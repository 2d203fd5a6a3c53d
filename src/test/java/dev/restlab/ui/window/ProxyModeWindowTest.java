package dev.restlab.ui.window;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.check.HandoutFlaskServer;
import dev.restlab.client.UserRow;
import dev.restlab.http.Api;
import dev.restlab.server.ApiServer;
import dev.restlab.ui.Fx;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import dev.restlab.ui.serverbar.ServerBarController;
import dev.restlab.ui.WindowTests;

/**
 * The real window switched to proxy mode, relaying to another server that speaks the handout's
 * API (a second RestLab API here, as a student's Flask app would): the form's POST reaches that
 * server, the users table lists its users, and the traffic list shows the relayed exchange; and
 * against the handout's Flask server, where the users live while proxying and after.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyModeWindowTest {

    private final InMemoryUserStore ownStore = new InMemoryUserStore();
    private final InMemoryUserStore targetStore = new InMemoryUserStore();
    private final ApiServer target = new ApiServer(targetStore);
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        target.start(Api.LOOPBACK, 0);
        workbench = WindowTests.show(stage, new Workbench(ownStore, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
    }

    @AfterEach
    void close() {
        workbench.close();
        target.stop();
    }

    private static void typeInto(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Exchange> trafficTable(FxRobot robot) {
        return robot.lookup("#trafficTable").queryAs(TableView.class);
    }

    @Test
    void switched_to_proxy_mode_the_forms_reach_the_other_server_and_its_exchanges_are_shown(FxRobot robot)
            throws Exception {
        WindowTests.port(workbench);
        robot.clickOn("#startStop");
        waitUntil(() -> !workbench.serverBar().runningProperty().get() && !workbench.serverBar().busyProperty().get());

        @SuppressWarnings("unchecked")
        ChoiceBox<String> serves = Fx.get(() -> robot.lookup("#serves").queryAs(ChoiceBox.class));
        robot.interact(() -> serves.getSelectionModel().select(ServerBarController.PROXY));
        String targetUrl = "http://127.0.0.1:" + target.port();
        typeInto(robot, "#proxyUrl", targetUrl);
        robot.clickOn("#startStop");
        Label status = Fx.get(() -> robot.lookup("#status").queryAs(Label.class));
        waitUntil(() -> status.getText().startsWith("Proxy to " + targetUrl + " on http://127.0.0.1:"));

        typeInto(robot, "#name", "Grace");
        typeInto(robot, "#email", "grace@example.com");
        robot.clickOn("#create");
        waitUntil(() -> targetStore.size() == 1);
        assertEquals(0, ownStore.size(), "RestLab's own users are not touched in proxy mode");

        waitUntil(() -> trafficTable(robot).getItems().stream().anyMatch(e -> e.method().equals("POST")));
        Exchange post = trafficTable(robot).getItems().stream().filter(e -> e.method().equals("POST"))
                .findFirst().orElseThrow();
        assertEquals(201, post.status());
        assertEquals(targetUrl, post.connection().relayedTo().orElseThrow());
        assertTrue(post.response().body().text().startsWith("User created successfully! ID: "));
        @SuppressWarnings("unchecked")
        TableView<?> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        waitUntil(() -> users.getItems().size() == 1);
    }

    /**
     * Against the handout's own Flask server (In [7]): while proxying, the bar says the users live
     * there and offers no reset of the users kept here; the table lists the Flask server's users,
     * including one a curl-like client created through the proxy; once stopped, the table lists
     * the users kept here again and the bar offers their reset.
     */
    @Test
    void while_proxying_the_bar_and_the_table_show_the_targets_users_and_after_stop_the_ones_kept_here(FxRobot robot)
            throws Exception {
        ownStore.create("Ada", "ada@example.com");
        @SuppressWarnings("unchecked")
        TableView<UserRow> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        Label usersLocation = Fx.get(() -> robot.lookup("#usersLocation").queryAs(Label.class));
        Node reset = Fx.get(() -> robot.lookup("#reset").query());
        WindowTests.port(workbench);
        robot.interact(() -> workbench.serverBar().stop());
        waitUntil(() -> !workbench.serverBar().runningProperty().get() && !workbench.serverBar().busyProperty().get());

        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            String flaskUrl = "http://127.0.0.1:" + flask.port();
            @SuppressWarnings("unchecked")
            ChoiceBox<String> serves = Fx.get(() -> robot.lookup("#serves").queryAs(ChoiceBox.class));
            robot.interact(() -> serves.getSelectionModel().select(ServerBarController.PROXY));
            typeInto(robot, "#proxyUrl", flaskUrl);
            robot.clickOn("#startStop");
            int proxyPort = WindowTests.port(workbench);
            waitUntil(() -> usersLocation.getText().equals("Users kept by " + flaskUrl));
            assertFalse(reset.isVisible(), "Reset users… is offered while the users live in the Flask server");
            assertFalse(usersLocation.getText().contains(ownStore.location()), usersLocation.getText());

            // The handout's POST, as curl sends it, through the proxy: Flask answers 201 with no Location.
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxyPort + "/people/v1/users"))
                    .header("Content-Type", "application/json").header("User-Agent", "curl/8.5.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            waitUntil(() -> names(users).equals(List.of("John")));
            assertTrue(flask.output().contains("GET /people/v1/users HTTP/1.1\" 200"),
                    "the table asked the Flask server itself: " + flask.output());

            robot.interact(() -> workbench.serverBar().stop());
            waitUntil(() -> names(users).equals(List.of("Ada")));
            assertTrue(usersLocation.getText().startsWith("Users kept in "), usersLocation.getText());
            assertTrue(reset.isVisible(), "Reset users… is back once the proxy stopped");
        }
    }

    private static List<String> names(TableView<UserRow> users) {
        return users.getItems().stream().map(UserRow::name).toList();
    }
}
