package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.ui.Contrast;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.users.InMemoryUserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.impl.BaseRobotImpl;
import org.testfx.robot.impl.KeyboardRobotImpl;

/**
 * The whole window walked by Tab and by Shift+Tab, in each tab, as a student without a mouse
 * walks it: the focus never stays in one control for two presses (WCAG 2.1.2), every control
 * Tab reaches looks different when focused, by a ring, not a shade (2.4.7, 1.4.11), light and
 * dark; the walk comes back round to where it began.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWalkTest {

    /** More than any tab has controls, top bar and users included, twice over. */
    private static final int MOST_PRESSES = 200;
    /** Pixels around a control where its ring is drawn (2 px ring, 1 px gap). */
    private static final double RING_ROOM = 5;
    /**
     * Pixels that must change at 3:1 or more when the focus comes: a 2 px ring along the edge of
     * the smallest control (a checkbox's box) has several times as many; a button that only
     * darkens, as before, has none.
     */
    private static final int RING_PIXELS = 60;

    private final KeyboardRobot keyboard = new KeyboardRobotImpl(new BaseRobotImpl());
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        InMemoryUserStore store = new InMemoryUserStore();
        store.create("Ann", "ann@example.com");
        store.create("Bob", "bob@example.com");
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void every_tab_is_walked_round_by_tab_and_shift_tab_without_a_trap_and_each_control_shows_its_focus(FxRobot robot)
            throws Exception {
        int port = WindowTests.port(workbench);
        for (String path : List.of("/people/v1/users", "/nothing")) {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).header("User-Agent", "curl/8.5.0").build(),
                    HttpResponse.BodyHandlers.discarding());
            assertTrue(answer.statusCode() > 0);
        }
        @SuppressWarnings("unchecked")
        TableView<Object> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> traffic.getItems().size() >= 2);
        Fx.run(() -> traffic.getSelectionModel().clearAndSelect(0)); // the wire panes have text to walk past
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        List<String> unseen = new ArrayList<>();
        for (boolean dark : List.of(false, true)) {
            Fx.run(() -> workbench.look().darkProperty().set(dark));
            for (Tab tab : List.copyOf(tabs.getTabs())) {
                Fx.run(() -> tabs.getSelectionModel().select(tab));
                Fx.frames(3);
                String where = (dark ? "dark, " : "light, ") + tab.getText();
                List<Node> forward = walk(robot, tabs, where, true, unseen);
                assertContains(where, forward, "#email", "#startStop", "#usersTable", "#tabs");
                if (tab.getId() != null && tab.getId().equals("trafficTab")) {
                    assertContains(where, forward, "#trafficTable", "#requestText", "#responseText", "#copyCurl");
                }
                if (!dark) {
                    List<Node> backward = walk(robot, tabs, where + ", backwards", false, null);
                    assertEquals(Set.copyOf(forward), Set.copyOf(backward),
                            where + ": Shift+Tab reaches what Tab reaches");
                }
            }
        }
        assertTrue(unseen.isEmpty(), "focused controls that look as they do unfocused:\n" + String.join("\n", unseen));
    }

    /**
     * Presses Tab (or Shift+Tab) from the Name field until the focus is back on it; Ctrl+Tab in
     * an editable text area, where Tab types a tab. Returns the controls reached. With
     * {@code unseen} given, adds to it each control whose look did not change when it got the focus.
     */
    private List<Node> walk(FxRobot robot, TabPane tabs, String where, boolean forward, List<String> unseen)
            throws Exception {
        Node start = Fx.get(() -> robot.lookup("#name").query());
        Tab open = tabs.getSelectionModel().getSelectedItem();
        Fx.run(start::requestFocus);
        Fx.frames(2);
        List<Node> reached = new ArrayList<>();
        Node current = focusOwner(start);
        Shot focusedLook = unseen == null ? null : shot(current);
        int stillPresses = 0;
        for (int press = 0; press < MOST_PRESSES; press++) {
            Node leaving = current;
            boolean typesTabs = Fx.call(() -> leaving instanceof TextArea area && area.isEditable());
            List<KeyCode> keys = new ArrayList<>();
            if (typesTabs) {
                keys.add(KeyCode.CONTROL);
            }
            if (!forward) {
                keys.add(KeyCode.SHIFT);
            }
            keys.add(KeyCode.TAB);
            // Without the robot's own waits (several a key, over a thousand presses): the frames
            // below come after the key events on the FX thread, and show the focus ring drawn.
            keyboard.pressNoWait(keys.toArray(KeyCode[]::new));
            keyboard.releaseNoWait(keys.toArray(KeyCode[]::new));
            Fx.frames(2);
            Node now = focusOwner(start);
            assertEquals(open, tabs.getSelectionModel().getSelectedItem(), where + ": " + keys + " in "
                    + describe(current) + " changed the open tab");
            if (now == current) {
                if (++stillPresses >= 2) {
                    fail(where + ": a keyboard trap: the focus stays in " + describe(now) + " after " + keys
                            + ", pressed twice");
                }
                continue;
            }
            stillPresses = 0;
            if (focusedLook != null) {
                String unchanged = focusedLook.unchangedBy(shotOf(focusedLook.area));
                if (unchanged != null) {
                    unseen.add(where + ": " + describe(current) + " " + unchanged);
                }
            }
            if (now == start) {
                return reached;
            }
            reached.add(now);
            current = now;
            focusedLook = unseen == null ? null : shot(now);
        }
        throw new AssertionError(where + ": after " + MOST_PRESSES + " presses the focus had not come back to the"
                + " Name field; it went " + reached.stream().map(KeyboardWalkTest::describe).collect(Collectors.joining(" → ")));
    }

    private static Node focusOwner(Node any) throws Exception {
        return Fx.call(() -> any.getScene().getFocusOwner());
    }

    private static void assertContains(String where, List<Node> reached, String... ids) {
        Set<String> names = reached.stream().map(node -> "#" + node.getId()).collect(Collectors.toSet());
        for (String id : ids) {
            assertTrue(names.contains(id), where + ": Tab never reached " + id + "; it reached " + names);
        }
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        String name = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName() + node.getStyleClass();
        return node.getAccessibleText() != null ? name + " '" + node.getAccessibleText() + "'" : name;
    }

    /** What the window drew around a control, or null when the control is scrolled out of sight. */
    private record Shot(Rectangle2D area, WritableImage pixels) {

        /** Null when enough pixels changed at 3:1 or more between this look and {@code other}; else why not. */
        String unchangedBy(Shot other) {
            if (pixels == null || other == null || other.pixels == null) {
                return null; // scrolled out of sight: nothing to compare
            }
            PixelReader a = pixels.getPixelReader();
            PixelReader b = other.pixels.getPixelReader();
            int width = (int) Math.min(pixels.getWidth(), other.pixels.getWidth());
            int height = (int) Math.min(pixels.getHeight(), other.pixels.getHeight());
            int changed = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    Color before = a.getColor(x, y);
                    Color after = b.getColor(x, y);
                    if (Contrast.ratio(opaque(before), opaque(after)) >= 3) {
                        changed++;
                    }
                }
            }
            return changed >= RING_PIXELS ? null : "changes " + changed + " pixels at 3:1 when focused";
        }

        private static Color opaque(Color color) {
            return Contrast.over(color, Color.WHITE);
        }
    }

    private Shot shot(Node node) throws Exception {
        Rectangle2D area = Fx.call(() -> inSight(node) ? around(node) : null);
        return area == null ? new Shot(null, null) : shotOf(area);
    }

    private Shot shotOf(Rectangle2D area) throws Exception {
        if (area == null) {
            return new Shot(null, null);
        }
        return Fx.call(() -> {
            Node root = workbench.root();
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setViewport(area);
            return new Shot(area, root.snapshot(parameters, null));
        });
    }

    private static Rectangle2D around(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return new Rectangle2D(Math.max(0, bounds.getMinX() - RING_ROOM), Math.max(0, bounds.getMinY() - RING_ROOM),
                bounds.getWidth() + 2 * RING_ROOM, bounds.getHeight() + 2 * RING_ROOM);
    }

    /** Whether the control is drawn whole: not cut off by a pane it scrolls in. */
    private static boolean inSight(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane scroll) {
                Bounds seen = scroll.localToScene(scroll.getLayoutBounds());
                if (!new BoundingBox(seen.getMinX() - 1, seen.getMinY() - 1, seen.getWidth() + 2, seen.getHeight() + 2)
                        .contains(bounds)) {
                    return false;
                }
            }
        }
        return true;
    }
}
