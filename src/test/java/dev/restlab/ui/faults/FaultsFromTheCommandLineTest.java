package dev.restlab.ui.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.fault.FaultRule;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.users.InMemoryUserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher who starts the window with {@code --fault} gets those rules on from the start, listed
 * in the Faults tab where they can be switched off (the window once took the flag and did nothing).
 */
@ExtendWith(ApplicationExtension.class)
class FaultsFromTheCommandLineTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = WindowTests.show(stage, new Workbench(new InMemoryUserStore(),
                WorkbenchSettings.listening("127.0.0.1", 0, url -> { })
                        .withFaults(List.of(FaultRule.parse("status 503 on GET /test/")))));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void rules_given_at_start_shape_answers_and_are_listed_in_the_faults_tab(FxRobot robot) throws Exception {
        WindowTests.waitUntil(() -> WindowTests.port(workbench) > 0);
        assertEquals(503, status("/test/"));
        assertEquals(200, status("/"), "another path is untouched");

        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab faultsTab = tabs.getTabs().stream().filter(t -> t.getText().equals("Faults")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(faultsTab));
        WindowTests.waitUntil(() -> robot.lookup("#faultRules").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<FaultsPaneViewModel.Row> list = Fx.get(() -> robot.lookup("#faultRules").queryAs(ListView.class));
        WindowTests.waitUntil(() -> list.getItems().size() == 1);
        FaultsPaneViewModel.Row row = list.getItems().get(0);
        assertEquals("status 503 on GET /test/", row.rule().text());
        assertTrue(row.on());
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
