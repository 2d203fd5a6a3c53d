package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
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
 * On a 1024×768 projector, at every text size A− and A+ offer, light and dark, presenting or not:
 * the current step's title, task, whole command and Copy are in view without scrolling, the
 * progress shows, the command's lines break only between tokens, and the checklist's rows are no
 * taller than their text, the current one among those shown.
 */
@ExtendWith(ApplicationExtension.class)
class LabStepInViewTest {

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
    void the_long_post_command_and_the_404_query_stay_whole_in_view_at_every_text_size(FxRobot robot) throws Exception {
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        Fx.run(() -> tabs.getSelectionModel().select(lab));
        HttpClient client = HttpClient.newHttpClient();
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}")));
        Label title = Fx.get(() -> robot.lookup("#labStepTitle").queryAs(Label.class));
        // Step 5's command is the handout's longest: a POST with a JSON body.
        WindowTests.waitUntil(() -> title.getText().startsWith("Step 5 of 14"));
        everySize(robot, "step 5");

        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\"}")));
        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users"))
                .POST(HttpRequest.BodyPublishers.ofString("name=John")));
        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users")));
        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users?name=John")));
        // Step 9's is the one that wrapped inside its query (?n / ame=Nobody').
        WindowTests.waitUntil(() -> title.getText().startsWith("Step 9 of 14"));
        everySize(robot, "step 9");
    }

    /**
     * A teacher presenting makes the text as large as A+ allows while the class is at step 2 (a
     * short command); the text size must still fit step 5, the longest, when the class gets there.
     */
    @Test
    void a_text_size_chosen_at_a_short_step_still_fits_the_longest_step(FxRobot robot) throws Exception {
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        Fx.run(() -> tabs.getSelectionModel().select(lab));
        Label title = Fx.get(() -> robot.lookup("#labStepTitle").queryAs(Label.class));
        WindowTests.waitUntil(() -> title.getText().startsWith("Step 2 of 14"));
        LookViewModel look = workbench.look();
        Fx.run(() -> {
            look.presentingProperty().set(true);
            stage.setFullScreen(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        Fx.frames(3);
        int before = -1;
        while (look.fontSizeProperty().get() != before) {
            before = look.fontSizeProperty().get();
            Fx.run(look::larger);
            Fx.frames(2);
        }
        HttpClient client = HttpClient.newHttpClient();
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(base)));
        send(client, HttpRequest.newBuilder(URI.create(base + "/people/v1/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}")));
        WindowTests.waitUntil(() -> title.getText().startsWith("Step 5 of 14"));
        Fx.frames(3);
        assertStepInView(robot, "step 5 at " + look.fontSizeProperty().get() + "px, chosen at step 2, presenting",
                look.fontSizeProperty().get());
    }

    /**
     * Tab walks the lab tab at the projector's size (A+ three times, dark): the focus moves on at
     * every press and every control it reaches in the tab is whole in view, never one in a part
     * with no room to be seen.
     */
    @Test
    void tab_walks_the_lab_tab_at_a_large_text_size_and_the_focus_is_always_in_view(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        Fx.run(() -> tabs.getSelectionModel().select(lab));
        Label title = Fx.get(() -> robot.lookup("#labStepTitle").queryAs(Label.class));
        WindowTests.waitUntil(() -> title.getText().startsWith("Step 2 of 14"));
        LookViewModel look = workbench.look();
        Fx.run(() -> {
            look.darkProperty().set(true);
            for (int i = 0; i < 3; i++) {
                look.larger();
            }
        });
        assertEquals(LookViewModel.DEFAULT_SIZE + 6, look.fontSizeProperty().get());
        Node view = robot.lookup("#labSteps").query().getParent().getParent();
        Fx.run(() -> robot.lookup("#labSteps").query().requestFocus());
        Fx.frames(3);
        Node before = Fx.call(() -> stage.getScene().getFocusOwner());
        int inLab = 0;
        for (int press = 0; press < 30; press++) {
            robot.push(javafx.scene.input.KeyCode.TAB);
            Fx.frames(2);
            Node now = Fx.call(() -> stage.getScene().getFocusOwner());
            assertTrue(now != before, "Tab left the focus on " + now);
            boolean mine = Fx.call(() -> {
                for (Node up = now; up != null; up = up.getParent()) {
                    if (up == view) {
                        return true;
                    }
                }
                return false;
            });
            if (mine) {
                inLab++;
                Fx.run(() -> assertWholeInView(now, "the focused " + now));
            }
            before = now;
        }
        assertTrue(inLab >= 4, "Tab reached " + inLab + " controls of the lab tab");
    }

    /** Light and dark, presenting and not, from the smallest text up to the largest A+ allows. */
    private void everySize(FxRobot robot, String step) throws Exception {
        LookViewModel look = workbench.look();
        for (boolean presenting : List.of(false, true)) {
            Fx.run(() -> {
                look.presentingProperty().set(presenting);
                // A 1024×768 projector: full screen is that size (the test screen is larger).
                stage.setFullScreen(false);
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            for (boolean dark : List.of(false, true)) {
                Fx.run(() -> look.darkProperty().set(dark));
                Fx.run(() -> {
                    while (look.fontSizeProperty().get() > LookViewModel.SMALLEST) {
                        look.smaller();
                    }
                });
                int before = -1;
                int sizes = 0;
                while (look.fontSizeProperty().get() != before) {
                    before = look.fontSizeProperty().get();
                    Fx.frames(3);
                    String where = step + (presenting ? ", presenting" : "") + (dark ? ", dark" : ", light") + " at "
                            + before + "px";
                    assertStepInView(robot, where, before);
                    sizes++;
                    Fx.run(look::larger);
                }
                assertTrue(sizes >= 4, step + ": A+ offers " + sizes + " sizes");
                assertTrue(look.fontSizeProperty().get() >= LookViewModel.PRESENTING_SIZE,
                        step + ": A+ stops at " + look.fontSizeProperty().get() + "px");
            }
        }
        Fx.run(() -> look.presentingProperty().set(false));
    }

    private void assertStepInView(FxRobot robot, String where, int fontSize) throws Exception {
        Fx.run(() -> {
            for (String id : List.of("#labStepTitle", "#labTask", "#labCommand", "#copyCommand", "#labProgressText",
                    "#labProgress")) {
                Node node = Fx.get(() -> robot.lookup(id).query());
                assertTrue(node.isVisible(), where + ": " + id + " is hidden");
                assertWholeInView(node, where + ": " + id);
            }
            CommandArea command = Fx.get(() -> robot.lookup("#labCommand").queryAs(CommandArea.class));
            String text = command.getText();
            String whole = command.commandProperty().get();
            assertEquals(whole, text.replace("\n", ""), where + ": the command shown is the command");
            int at = 0;
            for (String line : text.split("\n")) {
                assertTrue(at == 0 || CommandBreaks.allowedBreak(whole, at),
                        where + ": the command breaks inside a token before '" + line + "' in\n" + text);
                at += line.length();
            }
            // Its lines whole in the area: it never scrolls (it has no scroll bars to).
            ScrollPane inner = (ScrollPane) command.lookup(".scroll-pane");
            double lines = ((javafx.scene.layout.Region) command.lookup(".content")).prefHeight(-1);
            assertTrue(lines <= inner.getViewportBounds().getHeight() + 0.5, where + ": the command's lines are "
                    + lines + " px high in " + inner.getViewportBounds().getHeight() + " px:\n" + text);
            for (Node bar : command.lookupAll(".scroll-bar")) {
                assertFalse(bar instanceof ScrollBar && bar.isVisible(), where + ": the command scrolls:\n" + text);
            }
            assertChecklistRows(robot, where, fontSize);
        });
    }

    /** Rows about a line high; the selected (current) row whole in the list when the list has room for one. */
    private static void assertChecklistRows(FxRobot robot, String where, int fontSize) {
        ListView<?> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        List<IndexedCell<?>> shown = new ArrayList<>();
        for (Node node : steps.lookupAll(".list-cell")) {
            if (node instanceof IndexedCell<?> cell && cell.isVisible() && !cell.isEmpty()) {
                shown.add(cell);
                assertTrue(cell.getHeight() <= fontSize * 2, where + ": a checklist row is " + cell.getHeight()
                        + " px high for " + fontSize + " px text");
            }
        }
        double rowHeight = shown.isEmpty() ? fontSize * 2 : shown.get(0).getHeight();
        if (steps.getHeight() >= rowHeight + steps.snappedTopInset() + steps.snappedBottomInset()) {
            int selected = steps.getSelectionModel().getSelectedIndex();
            assertTrue(shown.stream().anyMatch(cell -> cell.getIndex() == selected && whole(cell, steps)),
                    where + ": the current step's row (" + selected + ") is not in view in a list "
                            + steps.getHeight() + " px high");
        }
    }

    /** The node's bounds lie inside the window and inside every clip and scroll viewport above it. */
    private static void assertWholeInView(Node node, String what) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        Bounds seen = seen(node);
        assertTrue(bounds.getMinX() >= seen.getMinX() - 0.5 && bounds.getMaxX() <= seen.getMaxX() + 0.5
                        && bounds.getMinY() >= seen.getMinY() - 0.5 && bounds.getMaxY() <= seen.getMaxY() + 0.5,
                what + " at " + bounds + " is not whole in view " + seen);
    }

    private static boolean whole(Node node, Node within) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        Bounds list = within.localToScene(within.getLayoutBounds());
        return bounds.getMinY() >= list.getMinY() - 0.5 && bounds.getMaxY() <= list.getMaxY() + 0.5;
    }

    /** What of the scene can be seen where {@code node} is: the window cut by the clips and viewports above it. */
    private static Bounds seen(Node node) {
        double minX = 0;
        double minY = 0;
        double maxX = node.getScene().getWidth();
        double maxY = node.getScene().getHeight();
        for (Parent up = node.getParent(); up != null; up = up.getParent()) {
            List<Bounds> cuts = new ArrayList<>();
            if (up.getClip() != null) {
                cuts.add(up.localToScene(up.getClip().getBoundsInParent()));
            }
            if (up instanceof ScrollPane scroll && scroll.lookup(".viewport") instanceof javafx.scene.layout.Region viewport) {
                cuts.add(viewport.localToScene(viewport.getLayoutBounds()));
            }
            for (Bounds cut : cuts) {
                minX = Math.max(minX, cut.getMinX());
                minY = Math.max(minY, cut.getMinY());
                maxX = Math.min(maxX, cut.getMaxX());
                maxY = Math.min(maxY, cut.getMaxY());
            }
        }
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static void send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<Void> answer = client.send(request.header("User-Agent", "curl/8.0").build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(answer.statusCode() > 0);
    }
}
