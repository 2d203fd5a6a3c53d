package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FxDialogsTest {

    @Test
    void a_bare_name_gets_the_first_extension() {
        assertEquals(Path.of("slides", "diagram.png"), FxDialogs.withExtension(Path.of("slides", "diagram"), "png", "svg"));
    }

    @Test
    void a_name_with_one_of_the_extensions_is_kept_whatever_its_case() {
        assertEquals(Path.of("diagram.SVG"), FxDialogs.withExtension(Path.of("diagram.SVG"), "png", "svg"));
    }

    @Test
    void a_name_with_another_extension_gets_the_first_one_added() {
        assertEquals(Path.of("traffic.json.har"), FxDialogs.withExtension(Path.of("traffic.json"), "har"));
    }

    @Test
    void with_no_extensions_the_name_is_kept() {
        assertEquals(Path.of("notes"), FxDialogs.withExtension(Path.of("notes")));
    }
}
