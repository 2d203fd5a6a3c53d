package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Contrast;
import dev.restlab.ui.Fx;
import dev.restlab.ui.StatusMark;
import dev.restlab.ui.WindowTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lab's checklist says how each step's answer came back: after a done step's title, the
 * status marked by its class's symbol and colour (✓ 201, ⚠ 404), never the colour alone; the
 * done step's own mark and colour and every class's colour keep WCAG AA contrast (4.5) on the
 * rows' stripes and on the selection, in the light, the dark and the high-contrast theme.
 */
@ExtendWith(ApplicationExtension.class)
class LabMarksContrastTest {

    private enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench(), 1024, 768);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void done_steps_show_their_answers_status_by_symbol_and_colour_readable_in_every_theme(FxRobot robot)
            throws Exception {
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        Fx.run(() -> tabs.getSelectionModel().select(lab));
        String users = base + "/people/v1/users";
        HttpClient client = HttpClient.newHttpClient();
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}")));
        send(client, HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\"}")));
        send(client, HttpRequest.newBuilder(URI.create(users)).POST(HttpRequest.BodyPublishers.ofString("name=John")));
        send(client, HttpRequest.newBuilder(URI.create(users)));
        send(client, HttpRequest.newBuilder(URI.create(users + "?name=John")));
        send(client, HttpRequest.newBuilder(URI.create(users + "?name=Nobody")));
        WindowTests.waitUntil(() -> lab.getText().equals("Lab 9/14"));
        @SuppressWarnings("unchecked")
        ListView<LabPaneViewModel.StepRow> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));

        for (Theme theme : Theme.values()) {
            Fx.run(() -> {
                workbench.look().darkProperty().set(theme == Theme.DARK);
                workbench.look().highContrastProperty().set(theme == Theme.HIGH_CONTRAST);
            });
            Fx.frames(3);
            Fx.run(() -> {
                int current = steps.getSelectionModel().getSelectedIndex();
                steps.getSelectionModel().clearSelection();
                List<Color> stripes = new ArrayList<>();
                Set<String> classes = new LinkedHashSet<>();
                for (int first = 0; first < steps.getItems().size(); first += 2) {
                    steps.scrollTo(first);
                    steps.layout();
                    for (Node node : steps.lookupAll(".list-cell")) {
                        if (!(node instanceof ListCell<?> cell) || cell.isEmpty() || !cell.isVisible()) {
                            continue;
                        }
                        LabPaneViewModel.StepRow row = (LabPaneViewModel.StepRow) cell.getItem();
                        String where = theme + ", step " + row.number();
                        Color under = Contrast.fill(cell.getBackground(), -1, page());
                        stripes.add(under);
                        assertReadable(where + ": its title", (Color) cell.getTextFill(), under);
                        if (row.status() == 0) {
                            assertNull(cell.getGraphic(), where + ": no status where no exchange did the step");
                            continue;
                        }
                        Label status = (Label) cell.getGraphic();
                        StatusMark mark = StatusMark.of(row.status());
                        assertEquals(StatusMark.label(row.status()), status.getText(), where);
                        assertTrue(status.getStyleClass().contains(mark.styleClass()), where + ": the status's colour");
                        assertTrue(cell.getAccessibleText().contains("answered " + row.status()), cell.getAccessibleText());
                        classes.add(mark.styleClass());
                        assertReadable(where + ": " + status.getText(), (Color) status.getTextFill(), under);
                    }
                }
                assertEquals(Set.of("status-2xx", "status-4xx"), classes, theme + ": the 201, the 400, the 415, the 404");
                assertEquals(201, steps.getItems().get(3).status(), "the POST's answer");
                assertEquals(404, steps.getItems().get(8).status(), "the name nobody has");
                // Every class, drawn as a step's status, on every stripe of the list.
                Pane pane = (Pane) steps.getParent();
                for (StatusMark mark : StatusMark.values()) {
                    Label probe = new Label(mark.symbol());
                    probe.getStyleClass().addAll("lab-step-status", mark.styleClass());
                    probe.setManaged(false);
                    pane.getChildren().add(probe);
                    probe.applyCss();
                    for (Color under : stripes) {
                        assertReadable(theme + ": " + mark, (Color) probe.getTextFill(), under);
                    }
                    pane.getChildren().remove(probe);
                }
                // The selected row: the step's text and its status in the selection's text colour.
                steps.getSelectionModel().select(current - 1);
                steps.scrollTo(current - 1);
                steps.layout();
                for (Node node : steps.lookupAll(".list-cell")) {
                    if (node instanceof ListCell<?> cell && cell.isSelected() && cell.isVisible()) {
                        cell.applyCss();
                        Color selection = Contrast.fill(cell.getBackground(), -1, page());
                        assertReadable(theme + ", selected", (Color) cell.getTextFill(), selection);
                        assertReadable(theme + ", selected status", (Color) ((Label) cell.getGraphic()).getTextFill(),
                                selection);
                    }
                }
                steps.getSelectionModel().select(current);
            });
        }
    }

    private Color page() {
        return Contrast.fill(((Region) workbench.root()).getBackground(), -1, Color.WHITE);
    }

    private static void send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<Void> answer = client.send(request.header("User-Agent", "curl/8.0").build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(answer.statusCode() > 0);
    }

    private static void assertReadable(String what, Color text, Color under) {
        double ratio = Contrast.ratio(text, under);
        assertTrue(ratio >= 4.5, what + ": " + text + " on " + under + " has contrast " + ratio + ", under WCAG AA's 4.5");
    }
}
