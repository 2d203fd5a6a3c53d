package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restlab.check.Outcome;
import dev.restlab.http.StatusClass;
import java.awt.Font;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The marks the window draws beside words (a case's outcome on the Check tab, a status's class in
 * the traffic list) are there for whoever does not tell the colours apart, so each must be drawn:
 * a glyph of DejaVu Sans, regular and bold, the text font most Linux desktops start with (where
 * JavaFX's System font comes from). A mark no installed font has is drawn as an empty box: the
 * Check tab's hourglass for "unreachable" was, on this project's own machines.
 */
class MarkGlyphsTest {

    private static final String LINUX_TEXT_FONT = "DejaVu Sans";

    static Stream<String> marks() {
        return Stream.concat(Arrays.stream(Outcome.values()).map(Outcome::symbol),
                Arrays.stream(StatusClass.values()).map(StatusClass::symbol));
    }

    @ParameterizedTest
    @MethodSource("marks")
    void each_mark_is_a_glyph_of_the_text_font_of_linux_desktops(String mark) {
        for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
            Font font = new Font(LINUX_TEXT_FONT, style, 14);
            assumeTrue(font.getFamily(Locale.ROOT).equals(LINUX_TEXT_FONT), LINUX_TEXT_FONT + " is not installed here");
            assertEquals(-1, font.canDisplayUpTo(mark), () -> "'" + mark + "' (U+"
                    + Integer.toHexString(mark.codePointAt(0)).toUpperCase(Locale.ROOT) + ") is not in "
                    + font.getFontName(Locale.ROOT) + ": it would be drawn as an empty box");
        }
    }
}
