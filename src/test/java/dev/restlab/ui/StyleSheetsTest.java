package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/**
 * JavaFX only logs a style sheet's syntax error and drops the rules after it, so a lost brace
 * shows as a quietly wrong window; this reads each sheet with JavaFX's own parser.
 */
class StyleSheetsTest {

    @Test
    void every_style_sheet_parses_without_errors() throws Exception {
        for (String sheet : List.of("/css/restlab.css", "/css/high-contrast.css")) {
            URL url = StyleSheetsTest.class.getResource(sheet);
            assertNotNull(url, sheet);
            CssParser.errorsProperty().clear();
            new CssParser().parse(url);
            assertEquals(List.of(), List.copyOf(CssParser.errorsProperty()), sheet);
        }
    }
}
