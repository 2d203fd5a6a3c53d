package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build writes each style sheet also in JavaFX's binary form, which JavaFX reads instead of the
 * CSS when it finds it beside it: the binary sheet must say exactly what the CSS says, rule for rule.
 */
class BinaryStyleSheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/css/restlab.css", "/css/high-contrast.css"})
    void each_binary_sheet_holds_the_rules_of_its_css(String css) throws IOException {
        URL text = BinaryStyleSheetsTest.class.getResource(css);
        URL binary = BinaryStyleSheetsTest.class.getResource(css.replace(".css", ".bss"));
        assertNotNull(binary, "no binary sheet beside " + css + ": JavaFX would parse the CSS at each start");

        Stylesheet parsed = new CssParser().parse(text);
        Stylesheet read = Stylesheet.loadBinary(binary);

        assertFalse(parsed.getRules().isEmpty());
        assertEquals(parsed.getRules().size(), read.getRules().size());
        for (int i = 0; i < parsed.getRules().size(); i++) {
            assertEquals(said(parsed.getRules().get(i)), said(read.getRules().get(i)), css + ", rule " + i);
        }
    }

    /** A rule's selectors and declarations (a binary rule reads its declarations when first asked). */
    private static String said(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations();
    }
}
