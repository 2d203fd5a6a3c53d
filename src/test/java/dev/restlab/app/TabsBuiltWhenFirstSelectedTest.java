package dev.restlab.app;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.ui.window.TabViews;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window shows with only the open tab's view built; every other tab is built when it is first
 * selected and works then as it always did, having missed nothing that happened before.
 */
@ExtendWith(ApplicationExtension.class)
class TabsBuiltWhenFirstSelectedTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void only_the_open_tab_is_built_and_each_other_tab_works_when_first_selected(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        assertEquals("trafficTab", workbench.tabs().selectedId());
        assertTrue(present(robot, "#trafficTable"), "the open tab is built");
        for (String elsewhere : List.of("#sequenceDiagram", "#diffLines", "#composerTarget", "#labSteps",
                "#apiDocument", "#checkUrl", "#faultRule")) {
            assertFalse(present(robot, elsewhere), elsewhere + " is built before its tab is opened");
        }
        assertEquals(1, tabs.getTabs().stream().filter(TabViews::isBuilt).count());
        // In the open tab, the wire panes (RichTextFX) wait for an exchange to show.
        assertFalse(present(robot, "#requestText") || present(robot, "#responseText"), "wire panes before any exchange");
        // Their place says what will show there.
        assertTrue(robot.lookup("#requestHint").queryAs(Label.class).getText().startsWith("Select a request"));
        assertTrue(robot.lookup("#responseHint").queryAs(Label.class).getText().contains("response"));

        // What runs whatever tab is open does not wait for a view: the lab ticks with its tab unbuilt.
        int port = WindowTests.port(workbench);
        waitUntil(() -> tab(tabs, "labTab").getText().startsWith("Lab 1/"));
        assertEquals(201, send(port, "POST", "application/json", "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}"));
        assertEquals(415, send(port, "POST", "text/plain", "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}"));
        @SuppressWarnings("unchecked")
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        waitUntil(() -> traffic.getItems().stream().anyMatch(e -> e.status() == 415));

        // Diagram: drawn from the traffic that came before it was built.
        select(robot, tabs, "diagramTab");
        Pane sequence = Fx.get(() -> robot.lookup("#sequenceDiagram").queryAs(Pane.class));
        waitUntil(() -> !sequence.getChildren().isEmpty());

        // Diff: built by the comparison that selects it, and shows that comparison.
        select(robot, tabs, "trafficTab");
        robot.interact(() -> {
            traffic.getSelectionModel().clearSelection();
            for (int i = 0; i < traffic.getItems().size(); i++) {
                int status = traffic.getItems().get(i).status();
                if (status == 201 || status == 415) {
                    traffic.getSelectionModel().select(i);
                }
            }
        });
        waitUntil(() -> robot.lookup("#responseText").queryAs(StyleClassedTextArea.class).getText().startsWith("HTTP/1.1"));
        Button diff = Fx.get(() -> robot.lookup("#diff").queryAs(Button.class));
        waitUntil(() -> diff.getText().equals("Diff the 2 selected"));
        robot.interact(diff::fire);
        waitUntil(() -> "diffTab".equals(workbench.tabs().selectedId()));
        waitUntil(() -> robot.lookup("#diffSummary").queryAs(Label.class).getText().startsWith("They differ in:"));

        // Composer: sends to the window's server.
        select(robot, tabs, "composerTab");
        robot.interact(() -> robot.lookup("#composerTarget").queryAs(TextField.class).setText("/people/v1/users"));
        robot.interact(() -> robot.lookup("#composerSend").queryAs(Button.class).fire());
        TextArea response = Fx.get(() -> robot.lookup("#composerResponse").queryAs(TextArea.class));
        waitUntil(() -> response.getText().contains("200 OK") && response.getText().contains("ada@example.com"));

        // Lab: shows the steps its tracker ticked while it was not built.
        select(robot, tabs, "labTab");
        ListView<?> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        waitUntil(() -> !steps.getItems().isEmpty());
        Label progress = Fx.get(() -> robot.lookup("#labProgressText").queryAs(Label.class));
        waitUntil(() -> ("Lab " + progress.getText().replace(" of ", "/")).equals(tab(tabs, "labTab").getText()));
        assertFalse(progress.getText().startsWith("0 of"), "the steps ticked before the tab was built are shown");

        // API: the OpenAPI document read after the window showed.
        select(robot, tabs, "apiTab");
        TextArea document = Fx.get(() -> robot.lookup("#apiDocument").queryAs(TextArea.class));
        waitUntil(() -> document.getText().contains("openapi:"));

        // Check a server: answers what it is given.
        select(robot, tabs, "checkTab");
        robot.interact(() -> robot.lookup("#checkUrl").queryAs(TextField.class).setText("not a url"));
        robot.interact(() -> robot.lookup("#checkRun").queryAs(Button.class).fire());
        Label status = Fx.get(() -> robot.lookup("#checkStatus").queryAs(Label.class));
        waitUntil(() -> status.getText().startsWith("Not a URL RestLab can check"));

        // Faults: a rule typed in the tab shapes the server's next answer.
        select(robot, tabs, "faultsTab");
        robot.interact(() -> robot.lookup("#faultRule").queryAs(TextField.class).setText("status 503 on GET /test/"));
        robot.interact(() -> robot.lookup("#addFault").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#faultRules").queryAs(ListView.class).getItems().size() == 1);
        assertEquals(503, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/test/")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());

        assertTrue(tabs.getTabs().stream().allMatch(TabViews::isBuilt));
    }

    @Test
    void once_the_first_frame_is_drawn_the_other_tabs_are_built_in_the_background(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        robot.interact(() -> workbench.tabs().buildOthersAfterFirstFrame());
        waitUntil(() -> tabs.getTabs().stream().allMatch(TabViews::isBuilt));
        assertEquals("trafficTab", workbench.tabs().selectedId(), "building them selects none of them");
        assertTrue(present(robot, "#checkUrl"));
    }

    @Test
    void a_window_closed_before_the_others_are_built_builds_no_more(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Window window = Fx.call(() -> tabs.getScene().getWindow());
        robot.interact(() -> {
            window.hide();
            workbench.tabs().buildOthersAfterFirstFrame();
        });
        Fx.frames(6);
        assertEquals(1, Fx.call(() -> tabs.getTabs().stream().filter(TabViews::isBuilt).count()),
                "views built out of any window");
    }

    @Test
    void the_first_view_makes_no_tooltip_until_the_mouse_comes_over_a_control(FxRobot robot) throws Exception {
        List<Control> helped = Fx.call(() -> controlsUnder(workbench.root()).stream()
                .filter(control -> control.getAccessibleHelp() != null).toList());
        assertEquals(31, helped.size(), "the server bar's, the users pane's and the traffic pane's controls with help");
        for (Control control : helped) {
            assertNull(control.getTooltip(), control.getId() + " has a tooltip before a hover");
        }
        Control clear = Fx.get(() -> robot.lookup("#clearTraffic").queryAs(Control.class));
        robot.moveTo(clear);
        robot.moveBy(2, 1);
        waitUntil(() -> clear.getTooltip() != null && clear.getTooltip().isShowing());
        assertEquals("Forget the recorded traffic (Ctrl+L)", clear.getTooltip().getText());
        Control startStop = Fx.get(() -> robot.lookup("#startStop").queryAs(Control.class));
        robot.moveTo(startStop);
        robot.moveBy(2, 1);
        waitUntil(() -> startStop.getTooltip() != null && startStop.getTooltip().isShowing());
        assertEquals("Start or stop the server (Ctrl+R)", startStop.getTooltip().getText());
    }

    private static List<Control> controlsUnder(Parent parent) {
        List<Control> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Control control) {
                found.add(control);
            }
            if (child instanceof Parent inner) {
                found.addAll(controlsUnder(inner));
            }
        }
        return found;
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    private static Tab tab(TabPane tabs, String id) {
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, TabPane tabs, String id) throws Exception {
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, id)));
        Tab tab = tab(tabs, id);
        waitUntil(() -> TabViews.isBuilt(tab) && shown(tab));
    }

    /** The tab's view is in the scene and laid out. */
    private static boolean shown(Tab tab) {
        Node content = tab.getContent();
        return content != null && content.getScene() != null && content instanceof Parent parent
                && parent.getLayoutBounds().getWidth() > 0;
    }

    private static int send(int port, String method, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/people/v1/users"))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
