package dev.restlab.ui.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user-agent style sheet of each theme. Light and dark are AtlantaFX's Primer themes as they
 * come; high contrast is Primer dark with the colours of {@code /css/high-contrast.css} over it.
 * It is a user-agent sheet, not one on the window, so that dialogs, menus and tooltips, which are
 * windows of their own, are high contrast too.
 */
public final class Themes {

    private Themes() {
    }

    /** The style sheet to give {@code Application.setUserAgentStylesheet} for this choice. */
    public static String userAgentStylesheet(boolean dark, boolean highContrast) {
        if (highContrast) {
            return highContrast();
        }
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /**
     * Primer dark, then the high-contrast colours: one sheet made of two imports. A data URL
     * holds it (JavaFX reads those since 17), as the two sheets live in different jars and a
     * relative import would look in the wrong one.
     */
    private static String highContrast() {
        URL primer = PrimerDark.class.getResource(new PrimerDark().getUserAgentStylesheet());
        URL colours = Themes.class.getResource("/css/high-contrast.css");
        String sheet = "@import url(\"" + primer.toExternalForm() + "\");\n"
                + "@import url(\"" + colours.toExternalForm() + "\");\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(sheet.getBytes(StandardCharsets.UTF_8));
    }
}
