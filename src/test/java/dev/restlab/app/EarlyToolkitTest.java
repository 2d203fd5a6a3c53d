package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command lines start JavaFX while they are read: those that open the window, and no other. */
class EarlyToolkitTest {

    @Test
    void the_window_starts_javafx_early() {
        assertTrue(EarlyToolkit.opensWindow(List.of()));
        assertTrue(EarlyToolkit.opensWindow(List.of("--port", "5002", "--in-memory")));
        assertTrue(EarlyToolkit.opensWindow(List.of("--fault", "delay 300ms on GET", "--data-dir", "/tmp/class")));
    }

    @Test
    void headless_checks_shows_help_and_version_never_start_it() {
        assertFalse(EarlyToolkit.opensWindow(List.of("--headless")));
        assertFalse(EarlyToolkit.opensWindow(List.of("--port", "0", "--headless", "--trace")));
        assertFalse(EarlyToolkit.opensWindow(List.of("check", "http://127.0.0.1:5000")));
        assertFalse(EarlyToolkit.opensWindow(List.of("show", "traffic.har")));
        assertFalse(EarlyToolkit.opensWindow(List.of("--help")));
        assertFalse(EarlyToolkit.opensWindow(List.of("-h")));
        assertFalse(EarlyToolkit.opensWindow(List.of("-V")));
        assertFalse(EarlyToolkit.opensWindow(List.of("-hV")));
        assertFalse(EarlyToolkit.opensWindow(List.of("--version")));
        assertFalse(EarlyToolkit.opensWindow(List.of("help")));
    }
}
