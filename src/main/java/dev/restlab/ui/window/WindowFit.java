package dev.restlab.ui.window;

import dev.restlab.ui.ColumnWidths;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;

/**
 * Whether the window fits at its current text size: every table in view shows its columns that
 * always stay side by side, and no pane that is meant to fit its width (a fit-to-width scroll
 * pane) has content wider than its viewport. A+ stops at the largest size for which this holds.
 */
final class WindowFit {

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
