package dev.restlab.ui;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.testing.Await;
import dev.restlab.users.InMemoryUserStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the real window does: show it at 1280×800, start its server, wait for things. */
public final class WindowTests {

    private WindowTests() {
    }

    /** A workbench as most window tests want one: users in memory, its server on a free loopback port. */
    public static Workbench inMemoryWorkbench() {
        return new Workbench(new InMemoryUserStore(), WorkbenchSettings.listening("127.0.0.1", 0, url -> { }));
    }

    /** Shows {@code workbench} in {@code stage} as the app does and starts its server; returns it. */
    public static Workbench show(Stage stage, Workbench workbench) {
        return show(stage, workbench, 1280, 800);
    }

    /** Shows {@code workbench} in a window of this size and starts its server; returns it. */
    public static Workbench show(Stage stage, Workbench workbench, double width, double height) {
        stage.setScene(new Scene(workbench.root(), width, height));
        // The stage is shared by the test classes: without this it keeps the size an earlier test gave it.
        stage.sizeToScene();
        stage.show();
        stage.requestFocus();
        workbench.startServer();
        return workbench;
    }

    /**
     * Polls until the condition holds, with the tests' one wait ({@link Await}, 20 s at most: the
     * FX thread is slow on a loaded machine). A condition that throws has not held yet.
     */
    public static void waitUntil(Callable<Boolean> condition) {
        Await.until("a condition on the window", () -> {
            try {
                return Boolean.TRUE.equals(condition.call());
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    /** The port the window's server bound, once it is running. */
    public static int port(Workbench workbench) throws Exception {
        waitUntil(() -> workbench.serverBar().boundPortProperty().get() > 0);
        return workbench.serverBar().boundPortProperty().get();
    }

    /**
     * Clicks the node {@code query} finds once it is on screen and stays put. The point is taken on
     * the FX thread in the same step as the lookup (a table may rebuild its cells between a lookup
     * and a click, and a cell it set aside has no scene), and only once two looks a few FX events
     * apart agree: a list that follows its newest row may still be scrolling.
     */
    public static void clickWhenShown(FxRobot robot, Callable<Optional<Node>> query) throws Exception {
        AtomicReference<Point2D> point = new AtomicReference<>();
        waitUntil(() -> {
            Point2D first = centreOnScreen(query);
            WaitForAsyncUtils.waitForFxEvents(3);
            point.set(centreOnScreen(query));
            return first != null && first.equals(point.get());
        });
        robot.clickOn(point.get());
    }

    private static Point2D centreOnScreen(Callable<Optional<Node>> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> query.call()
                .filter(node -> node.getScene() != null && node.getScene().getWindow() != null)
                .map(node -> {
                    Bounds bounds = node.localToScreen(node.getBoundsInLocal());
                    return new Point2D(bounds.getCenterX(), bounds.getCenterY());
                }).orElse(null)).get();
    }

    /** A table cell of a row on screen now, not one the table keeps aside for reuse with an old text. */
    public static boolean shows(TableCell<?, ?> cell) {
        return cell.isVisible() && cell.getTableRow() != null && cell.getTableRow().isVisible()
                && cell.getTableRow().getItem() != null && !cell.isEmpty();
    }
}
