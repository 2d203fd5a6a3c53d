package dev.restlab.ui.window;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.http.Api;
import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
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
 * server, the users table lists its users, and the traffic list shows the relayed exchange.
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
        ChoiceBox<String> serves = robot.lookup("#serves").queryAs(ChoiceBox.class);
        robot.interact(() -> serves.getSelectionModel().select(ServerBarController.PROXY));
        String targetUrl = "http://127.0.0.1:" + target.port();
        typeInto(robot, "#proxyUrl", targetUrl);
        robot.clickOn("#startStop");
        Label status = robot.lookup("#status").queryAs(Label.class);
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
        TableView<?> users = robot.lookup("#usersTable").queryAs(TableView.class);
        waitUntil(() -> users.getItems().size() == 1);
    }
}
