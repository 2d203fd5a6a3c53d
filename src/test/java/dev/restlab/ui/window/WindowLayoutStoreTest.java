package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLayoutStoreTest {

    @TempDir
    Path folder;

    @Test
    void a_written_layout_is_read_back_the_same() throws Exception {
        WindowLayout layout = new WindowLayout(new Rectangle2D(12.5, 40, 1000, 700), true,
                Map.of("mainSplit", 0.3, "listAndExchange", 0.55), true, 20, "labTab");
        WindowLayoutStore.inFolder(folder).write(layout);
        assertEquals(Optional.of(layout), WindowLayoutStore.inFolder(folder).read());
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "only window.properties, no temporary file left behind");
        }
    }

    @Test
    void nothing_written_yet_means_the_defaults() {
        assertTrue(WindowLayoutStore.inFolder(folder.resolve("not-yet")).read().isEmpty());
    }

    @Test
    void a_damaged_file_means_the_defaults_and_is_replaced_at_the_next_write() throws Exception {
        Path file = folder.resolve(WindowLayoutStore.FILE_NAME);
        Files.writeString(file, "x=left\nwidth=", StandardCharsets.UTF_8);
        assertTrue(WindowLayoutStore.inFolder(folder).read().isEmpty());

        WindowLayout layout = new WindowLayout(new Rectangle2D(0, 0, 800, 600), false, Map.of(), false, 14);
        WindowLayoutStore.inFolder(folder).write(layout);
        assertEquals(Optional.of(layout), WindowLayoutStore.inFolder(folder).read());
    }

    @Test
    void dividers_outside_the_pane_are_dropped_and_a_non_number_refused() throws Exception {
        Path file = folder.resolve(WindowLayoutStore.FILE_NAME);
        Files.writeString(file, "x=0\ny=0\nwidth=800\nheight=600\nfontSize=14\ndivider.mainSplit=7\ndivider.listAndExchange=0.4\n");
        assertEquals(Map.of("listAndExchange", 0.4), WindowLayoutStore.inFolder(folder).read().orElseThrow().dividers());
        Files.writeString(file, "x=NaN\ny=0\nwidth=800\nheight=600\nfontSize=14\n");
        assertTrue(WindowLayoutStore.inFolder(folder).read().isEmpty());
    }

    @Test
    void the_in_memory_store_writes_nothing_and_reads_nothing() throws Exception {
        WindowLayoutStore none = WindowLayoutStore.none();
        none.write(new WindowLayout(new Rectangle2D(0, 0, 800, 600), false, Map.of(), true, 20));
        assertTrue(none.read().isEmpty());
        assertFalse(Files.exists(folder.resolve(WindowLayoutStore.FILE_NAME)));
    }
}
