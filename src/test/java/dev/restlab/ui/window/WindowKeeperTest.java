package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.WindowTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import dev.restlab.ui.Fx;
import dev.restlab.ui.LookViewModel;

/** The window opens where it belongs and, closed and opened again, as it was left. */
@ExtendWith(ApplicationExtension.class)
class WindowKeeperTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1080);

    @TempDir
    Path dataDir;

    private final List<Workbench> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // Each test opens its own windows, as each start of RestLab does.
    }

    @AfterEach
    void close() {
        opened.forEach(Workbench::close);
    }

    private record Opened(Stage stage, Workbench workbench, WindowKeeper keeper) {
    }

    private Opened open(FxRobot robot, Rectangle2D screen) {
        AtomicReference<Opened> result = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            Workbench workbench = WindowTests.inMemoryWorkbench();
            opened.add(workbench);
            WindowKeeper keeper = WindowKeeper.show(stage, workbench.root(), workbench.look(),
                    WindowLayoutStore.inFolder(dataDir), screen, List.of(screen));
            result.set(new Opened(stage, workbench, keeper));
        });
        return result.get();
    }

    private static SplitPane split(Opened window, String id) {
        return (SplitPane) window.workbench().root().lookup("#" + id);
    }

    @Test
    void the_first_start_is_centred_and_the_next_one_opens_as_the_last_was_left(FxRobot robot) throws Exception {
        Opened first = open(robot, SCREEN);
        assertEquals(new Rectangle2D(320, 140, 1280, 800), bounds(first.stage()));

        robot.interact(() -> {
            first.workbench().look().larger();
            first.workbench().look().larger();
            first.workbench().look().darkProperty().set(true);
            split(first, "mainSplit").setDividerPosition(0, 0.3);
            split(first, "listAndExchange").setDividerPosition(0, 0.45);
            first.stage().setX(100);
            first.stage().setY(50);
            first.stage().setWidth(1000);
            first.stage().setHeight(700);
        });
        // The split keeps its parts' least sizes: what is remembered is where the divider ended up.
        double[] left = new double[2];
        robot.interact(() -> {
            left[0] = split(first, "mainSplit").getDividerPositions()[0];
            left[1] = split(first, "listAndExchange").getDividerPositions()[0];
            try {
                first.keeper().save();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            first.stage().close();
        });
        assertTrue(Files.exists(dataDir.resolve(WindowLayoutStore.FILE_NAME)));
        assertEquals(0.3, left[0], 0.01);

        Opened second = open(robot, SCREEN);
        assertEquals(new Rectangle2D(100, 50, 1000, 700), bounds(second.stage()));
        assertEquals("-fx-font-size: 18px;", second.workbench().root().getStyle());
        assertTrue(second.workbench().look().darkProperty().get());
        assertEquals(left[0], split(second, "mainSplit").getDividerPositions()[0], 0.01);
        assertEquals(left[1], split(second, "listAndExchange").getDividerPositions()[0], 0.01);
        robot.interact(() -> second.stage().close());
    }

    @Test
    void closing_while_presenting_remembers_the_normal_layout(FxRobot robot) throws Exception {
        Opened first = open(robot, SCREEN);
        robot.interact(() -> {
            split(first, "mainSplit").setDividerPosition(0, 0.25);
            first.workbench().look().togglePresenting();
        });
        robot.interact(() -> {
            try {
                first.keeper().save();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            first.stage().close();
        });
        WindowLayout saved = WindowLayoutStore.inFolder(dataDir).read().orElseThrow();
        assertEquals(LookViewModel.DEFAULT_SIZE, saved.fontSize());
        assertEquals(0.25, saved.dividers().get("mainSplit"), 0.01);
        assertEquals(new Rectangle2D(320, 140, 1280, 800), saved.bounds());
    }

    @Test
    void the_tab_left_open_is_the_one_built_and_shown_next_time_and_the_others_keep_their_dividers(FxRobot robot)
            throws Exception {
        Opened first = open(robot, SCREEN);
        robot.interact(() -> split(first, "listAndExchange").setDividerPosition(0, 0.6));
        robot.interact(() -> first.workbench().tabs().select("labTab"));
        double listDivider = Fx.call(() -> split(first, "listAndExchange").getDividerPositions()[0]);
        robot.interact(() -> {
            try {
                first.keeper().save();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            first.stage().close();
        });
        assertEquals("labTab", WindowLayoutStore.inFolder(dataDir).read().orElseThrow().tab());

        Opened second = open(robot, SCREEN);
        assertEquals("labTab", second.workbench().tabs().selectedId());
        TabPane tabs = (TabPane) second.workbench().root().lookup("#tabs");
        Tab traffic = tabs.getTabs().get(0);
        assertFalse(TabViews.isBuilt(traffic), "the traffic tab waits until it is opened");
        assertTrue(TabViews.isBuilt(tabs.getSelectionModel().getSelectedItem()));
        // Closed again without opening the traffic tab: its divider is still remembered.
        robot.interact(() -> {
            try {
                second.keeper().save();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(listDivider, WindowLayoutStore.inFolder(dataDir).read().orElseThrow().dividers().get("listAndExchange"), 0.001);
        robot.interact(() -> second.workbench().tabs().select("trafficTab"));
        assertEquals(listDivider, Fx.call(() -> split(second, "listAndExchange").getDividerPositions()[0]), 0.01);
        robot.interact(() -> second.stage().close());
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
