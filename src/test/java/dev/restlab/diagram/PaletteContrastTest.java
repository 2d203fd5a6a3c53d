package dev.restlab.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.StatusClass;
import dev.restlab.ui.Contrast;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The diagram's status and fault marks read in both themes: every colour text is drawn in keeps
 * WCAG AA contrast (4.5:1) on the background, behind a label and on the selected exchange's
 * highlight, and no two classes of answers share a colour with a symbol alone to tell them apart.
 */
class PaletteContrastTest {

    @Test
    void every_text_colour_reads_at_4_5_to_1_on_every_background_in_both_themes() {
        for (Palette palette : List.of(Palette.LIGHT, Palette.DARK)) {
            for (String text : palette.textColors()) {
                for (String under : List.of(palette.background(), palette.labelBackground(), palette.highlight())) {
                    double ratio = Contrast.ratio(Color.web(text), Color.web(under));
                    assertTrue(ratio >= 4.5, (palette == Palette.LIGHT ? "light: " : "dark: ") + text + " on " + under
                            + " has contrast " + ratio);
                }
            }
        }
    }

    @Test
    void each_class_of_answer_has_its_own_colour_and_its_symbol() {
        for (Palette palette : List.of(Palette.LIGHT, Palette.DARK)) {
            Set<String> colours = new HashSet<>();
            for (int status : List.of(200, 302, 404, 503)) {
                colours.add(palette.status(status));
                assertTrue(palette.textColors().contains(palette.status(status)), "checked above: " + status);
            }
            assertEquals(4, colours.size(), "2xx, 3xx, 4xx and 5xx look different");
            assertTrue(!colours.contains(palette.fault()), "a fault's mark is not mistaken for a class of answers");
        }
        assertEquals(List.of("✓", "↪", "⚠", "✖"), List.of(200, 302, 404, 503).stream()
                .map(s -> StatusClass.of(s).symbol()).toList());
    }
}
