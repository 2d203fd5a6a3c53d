package dev.restlab.ui.window;

import dev.restlab.ui.ColumnWidths;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;

/**
 * Whether the window fits at its current text size: every table in view shows its columns that
 * always stay side by side, no pane that is meant to fit its width (a fit-to-width scroll
 * pane) has content wider than its viewport, and no view laid out to fit its height (style class
 * {@value #WHOLE_HEIGHT}) needs more height than its viewport has. A+ stops at the largest size for which this holds.
 */
final class WindowFit {

    /** The style class of a tab's view that is laid out to fit its height, never to scroll (the Lab tab). */
    static final String WHOLE_HEIGHT = "whole-height";

    private WindowFit() {
    }

    /** Lays {@code root} out at its current style and answers; on the FX thread. */
    static boolean fits(Parent root) {
        if (root.getScene() == null) {
            return true;
        }
        // Twice: the column widths follow the font, and the table's width follows the panes.
        for (int pass = 0; pass < 2; pass++) {
            root.applyCss();
            root.layout();
        }
        for (Node node : root.lookupAll(".table-view")) {
            if (node instanceof TableView<?> table && shown(table) && !ColumnWidths.keptColumnsFit(table)) {
                return false;
            }
        }
        for (Node node : root.lookupAll(".scroll-pane")) {
            if (node instanceof ScrollPane scroll && scroll.isFitToWidth() && shown(scroll) && scroll.getContent() != null
                    && scroll.getContent().minWidth(-1) > scroll.getViewportBounds().getWidth() + 0.5) {
                return false;
            }
            // A view that must be seen whole without scrolling (the lab's current step) fits its height too.
            if (node instanceof ScrollPane scroll && scroll.isFitToHeight() && shown(scroll) && scroll.getContent() != null
                    && scroll.getContent().getStyleClass().contains(WHOLE_HEIGHT)
                    && scroll.getContent().minHeight(scroll.getViewportBounds().getWidth())
                            > scroll.getViewportBounds().getHeight() + 0.5) {
                return false;
            }
        }
        return true;
    }

    /** Visible up to the scene's root (a tab's content that is not selected is not). */
    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
