package dev.restlab.ui.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A teacher switches a fault on in the Faults tab, by keyboard, and a client meets it at once. */
@ExtendWith(ApplicationExtension.class)
class FaultsPaneWindowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_rule_typed_in_the_faults_tab_shapes_the_next_answer_and_goes_when_removed(FxRobot robot) throws Exception {
        WindowTests.waitUntil(() -> WindowTests.port(workbench) > 0);
        assertEquals(200, status("/test/"));
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab faultsTab = tabs.getTabs().stream().filter(t -> t.getText().equals("Faults")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(faultsTab));
        WindowTests.waitUntil(() -> robot.lookup("#faultRule").tryQuery().isPresent());
        robot.clickOn("#faultRule").write("status 503 on GET /test/").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<FaultsPaneViewModel.Row> list = Fx.get(() -> robot.lookup("#faultRules").queryAs(ListView.class));
        WindowTests.waitUntil(() -> list.getItems().size() == 1);
        assertEquals(503, status("/test/"));
        assertEquals(200, status("/"), "another path is untouched");

        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#faultRules").type(KeyCode.DELETE);
        WindowTests.waitUntil(() -> list.getItems().isEmpty());
        assertEquals(200, status("/test/"));
        assertTrue(robot.lookup("#faultMessage").queryLabeled().getText().startsWith("Removed: "));
    }
}
