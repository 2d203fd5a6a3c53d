package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.ui.window.WindowLayout;
import dev.restlab.ui.window.WindowLayoutStore;
import dev.restlab.users.StoreChoice;
import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme the window reads first is the one it was left in, read from where its layout is kept. */
class ThemeAtStartTest {

    @TempDir
    Path dir;

    @Test
    void a_window_left_dark_starts_with_the_dark_theme() throws Exception {
        WindowLayoutStore.inFolder(dir).write(new WindowLayout(new Rectangle2D(0, 0, 1024, 768), false, Map.of(), true, 20));
        assertTrue(App.leftDark(StoreChoice.durable(dir)));
    }

    @Test
    void a_window_left_light_or_never_opened_starts_light() throws Exception {
        assertFalse(App.leftDark(StoreChoice.durable(dir)), "never opened here");
        WindowLayoutStore.inFolder(dir).write(new WindowLayout(new Rectangle2D(0, 0, 1024, 768), false, Map.of(), false, 20));
        assertFalse(App.leftDark(StoreChoice.durable(dir)));
    }

    @Test
    void memory_only_keeps_no_layout_so_starts_light() {
        assertFalse(App.leftDark(StoreChoice.inMemory()));
    }
}
