package dev.restlab.ui;

import dev.restlab.Workbench;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the real window does: show it at 1280×800, start its server, wait for things. */
final class WindowTests {

    private WindowTests() {
    }

    /** Shows {@code workbench} in {@code stage} as the app does and starts its server; returns it. */
    static Workbench show(Stage stage, Workbench workbench) {
        return show(stage, workbench, 1280, 800);
    }

    /** Shows {@code workbench} in a window of this size and starts its server; returns it. */
    static Workbench show(Stage stage, Workbench workbench, double width, double height) {
        stage.setScene(new Scene(workbench.root(), width, height));
        stage.show();
        stage.requestFocus();
        workbench.startServer();
        return workbench;
    }

    /** Polls until the condition holds (20 s at most: the FX thread is slow on a loaded machine). */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** The port the window's server bound, once it is running. */
    static int port(Workbench workbench) throws Exception {
        waitUntil(() -> workbench.serverBar().boundPortProperty().get() > 0);
        return workbench.serverBar().boundPortProperty().get();
    }
}
