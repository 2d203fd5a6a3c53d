package dev.restlab.ui.window;

import java.util.Map;
import javafx.geometry.Rectangle2D;

/**
 * How the window was left: where and how big (when not maximised), whether maximised, where its
 * dividers were, the theme, the text size and the tab that was open. What the next start opens with.
 *
 * @param bounds    the window's position and size, decorations included, when it was last neither
 *                  maximised nor full screen
 * @param dividers  each split pane's first divider, by the pane's id, as a fraction of its width or height
 * @param tab       the open tab's id; empty for the first tab
 */
public record WindowLayout(Rectangle2D bounds, boolean maximized, Map<String, Double> dividers, boolean dark,
        int fontSize, String tab) {

    public WindowLayout {
        dividers = Map.copyOf(dividers);
        tab = tab == null ? "" : tab;
    }

    /** The same, with the first tab open. */
    public WindowLayout(Rectangle2D bounds, boolean maximized, Map<String, Double> dividers, boolean dark, int fontSize) {
        this(bounds, maximized, dividers, dark, fontSize, "");
    }
}
