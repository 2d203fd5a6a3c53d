package dev.restlab.ui.lab;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.lab.ProgressStore;
import dev.restlab.ui.Fx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import dev.restlab.ui.WindowTests;

/** The Lab tab in the real window, headless: steps tick from a terminal client's requests. */
@ExtendWith(ApplicationExtension.class)
class LabPaneWindowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private int port() throws Exception {
        return WindowTests.port(workbench);
    }

    private void get(String userAgent, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("User-Agent", userAgent);
        if (userAgent.equals(UserApiClient.USER_AGENT)) { // as the window's forms send it
            request.header(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER));
        }
        HttpResponse<Void> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, response.statusCode());
    }

    @Test
    void terminal_requests_tick_the_checklist_and_the_progress_shows_on_the_tab(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab labTab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(labTab));
        waitUntil(() -> labTab.getText().equals("Lab 1/14")); // the running server ticked step 1
        @SuppressWarnings("unchecked")
        ListView<LabPaneViewModel.StepRow> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        assertTrue(steps.getItems().get(0).done());
        TextArea command = Fx.get(() -> robot.lookup("#labCommand").queryAs(TextArea.class));
        assertEquals("curl http://127.0.0.1:" + port(), command.getText(), "the current step's command, real port");

        get(UserApiClient.USER_AGENT, "/"); // the window's own request: this step wants a terminal
        get("curl/8.0", "/");
        waitUntil(() -> labTab.getText().equals("Lab 2/14"));
        assertEquals("2 of 14", robot.lookup("#labProgressText").queryAs(Label.class).getText());
        assertTrue(steps.getItems().get(1).done());
        assertTrue(steps.getItems().get(1).doneBy().matches("exchange #\\d+, GET /, 200 OK"), steps.getItems().get(1).doneBy());
        waitUntil(() -> robot.lookup("#labBanner").queryAs(Label.class).isVisible());
        // The tab's count and the step shown change in one FX event; the wait above may see the first only.
        Label title = Fx.get(() -> robot.lookup("#labStepTitle").queryAs(Label.class));
        waitUntil(() -> title.getText().startsWith("Step 3 of 14"));
        assertEquals("Step 3 of 14: See the status line and the headers with curl -i", title.getText());

        robot.interact(() -> steps.getSelectionModel().select(1));
        robot.clickOn("#showExchange");
        waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getText().equals("Traffic"));
        Label facts = Fx.get(() -> robot.lookup("#exchangeFacts").queryAs(Label.class));
        waitUntil(() -> !facts.getText().isEmpty());
        assertTrue(!facts.getText().contains("· window"), "the curl exchange is selected, not the window's: " + facts.getText());
    }
}
