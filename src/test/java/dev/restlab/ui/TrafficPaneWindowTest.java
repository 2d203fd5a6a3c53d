package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.Workbench;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The traffic list in the real window, headless: choosing several exchanges. */
@ExtendWith(ApplicationExtension.class)
class TrafficPaneWindowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, new Workbench(new InMemoryUserStore(), "127.0.0.1", 0, url -> { }));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private void curl(String method, String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + path)).header("User-Agent", "curl/8.0")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(response.statusCode() > 0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Exchange> trafficTable(FxRobot robot) {
        return robot.lookup("#trafficTable").queryAs(TableView.class);
    }

    /** Clicks the traffic row whose path cell reads {@code path}, once it is drawn. */
    private static void clickPath(FxRobot robot, String path) throws Exception {
        Callable<Optional<Node>> cell = () -> robot.from(trafficTable(robot)).lookup(".table-cell")
                .match((Labeled c) -> path.equals(c.getText())).tryQuery();
        waitUntil(() -> cell.call().isPresent());
        robot.clickOn(cell.call().orElseThrow());
    }

    @Test
    void ctrl_click_selects_several_exchanges_and_the_detail_shows_the_last_chosen(FxRobot robot) throws Exception {
        curl("GET", "/");
        curl("GET", "/test/");
        curl("PUT", "/nowhere");
        waitUntil(() -> trafficTable(robot).getItems().stream().anyMatch(e -> e.target().equals("/nowhere")));
        TrafficPaneViewModel traffic = workbench.trafficPane();

        clickPath(robot, "/");
        robot.press(KeyCode.CONTROL);
        try {
            clickPath(robot, "/nowhere");
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        waitUntil(() -> traffic.selectedExchanges().size() == 2);
        assertEquals(List.of("/", "/nowhere"), traffic.selectedExchanges().stream().map(Exchange::target).toList());
        assertEquals("PUT", traffic.selectedProperty().get().method());
        StyleClassedTextArea response = robot.lookup("#responseText").queryAs(StyleClassedTextArea.class);
        waitUntil(() -> response.getText().startsWith("HTTP/1.1 404"));

        clickPath(robot, "/test/");
        waitUntil(() -> traffic.selectedExchanges().size() == 1);
        assertEquals("/test/", traffic.selectedProperty().get().target());
    }
}
