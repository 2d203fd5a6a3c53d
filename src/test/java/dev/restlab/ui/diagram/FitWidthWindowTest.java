package dev.restlab.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.WindowTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Diagram tab as a teacher projects it: 1024×768, dark, the largest text size A+ gives,
 * presentation mode on. Fit width is on and every lane and every waterfall row is in view; the
 * toggle, reached with Tab and pressed with Space, goes back to full size.
 */
@ExtendWith(ApplicationExtension.class)
class FitWidthWindowTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench(), 1024, 768);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void fit_width_keeps_every_lane_in_view_at_1024x768_at_the_largest_text_size(FxRobot robot) throws Exception {
        // Three clients on three connections, the handout's kinds of answers, a long path.
        String users = "http://127.0.0.1:" + WindowTests.port(workbench) + "/people/v1/users";
        send(HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}")));
        send(HttpRequest.newBuilder(URI.create(users + "/864d82a5-e4e2-4b17-8358-d0d66d34e470")));
        send(HttpRequest.newBuilder(URI.create(users + "?name=John")));
        robot.interact(() -> {
            workbench.look().darkProperty().set(true);
            workbench.look().presentingProperty().set(true);
            // A projector's full screen is 1024×768: the headless screen is larger.
            stage.setFullScreen(false);
            stage.setWidth(1024);
            stage.setHeight(768);
            TabPane tabs = (TabPane) stage.getScene().getRoot().lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> "Diagram".equals(t.getText())).findFirst()
                    .ifPresent(tabs.getSelectionModel()::select);
        });
        for (int i = 0; i < 10; i++) {
            robot.interact(workbench.look()::larger);
        }
        int size = workbench.look().fontSizeProperty().get();
        assertTrue(size > LookViewModel.PRESENTING_SIZE, "A+ went past presenting's size: " + size);
        Pane sequence = Fx.get(() -> robot.lookup("#sequenceDiagram").queryAs(Pane.class));
        WindowTests.waitUntil(() -> lanes(sequence).size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();

        ToggleButton fit = Fx.get(() -> robot.lookup("#diagramFitWidth").queryAs(ToggleButton.class));
        assertTrue(fit.isSelected(), "Fit width is the default while presenting");
        assertInView(robot, "#sequenceScroll", sequence, "the sequence diagram at " + size + "px");
        assertInView(robot, "#waterfallScroll", robot.lookup("#waterfallDiagram").queryAs(Pane.class),
                "the waterfall at " + size + "px");

        // Back to full size from the keyboard: the toggle takes the focus, shows it, Space presses it.
        robot.interact(fit::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fit.isFocused());
        assertNotNull(fit.getBorder(), "the focus ring shows where the keyboard is");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fit.isSelected());
        ScrollPane scroll = Fx.get(() -> robot.lookup("#sequenceScroll").queryAs(ScrollPane.class));
        assertTrue(sequence.getWidth() > scroll.getViewportBounds().getWidth(),
                "full size is the text size's: wider than the view, it scrolls (" + sequence.getWidth() + ")");
        Text title = lanes(sequence).get(0);
        assertEquals(size, title.getFont().getSize(), 0.01, "the lanes' titles at the window's text size");
    }

    /** Every text and line of the drawing lies inside the scroll pane's view, horizontally. */
    private static void assertInView(FxRobot robot, String scrollId, Pane drawing, String what) {
        ScrollPane scroll = Fx.get(() -> robot.lookup(scrollId).queryAs(ScrollPane.class));
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        List<String> outside = new ArrayList<>();
        int seen = 0;
        for (Node node : drawing.lookupAll("*")) {
            if (node instanceof Text || node instanceof Line) {
                seen++;
                Bounds shown = node.localToScene(node.getBoundsInLocal());
                if (shown.getMinX() < view.getMinX() - 0.5 || shown.getMaxX() > view.getMaxX() + 0.5) {
                    outside.add(node instanceof Text text ? "'" + text.getText() + "'" : node.toString());
                }
            }
        }
        assertTrue(seen > 10, what + ": drawn");
        assertEquals(List.of(), outside, what + ": off the view between " + view.getMinX() + " and " + view.getMaxX());
    }

    /** The lanes' titles: the bold texts of the header. */
    private static List<Text> lanes(Pane sequence) {
        List<Text> titles = new ArrayList<>();
        for (Node node : sequence.getChildren()) {
            if (node instanceof Text text && text.getFont().getStyle().toLowerCase().contains("bold")) {
                titles.add(text);
            }
        }
        return titles;
    }

    private static void send(HttpRequest.Builder request) throws Exception {
        // A client of its own each: a lane each.
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(request.header("User-Agent", "curl/8.5.0").build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(answer.statusCode() > 0);
    }
}
