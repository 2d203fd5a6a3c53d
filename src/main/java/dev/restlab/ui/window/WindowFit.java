package dev.restlab.ui.window;

import dev.restlab.ui.ColumnWidths;
import dev.restlab.ui.WholeHeight;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Whether the window fits at its current text size: every table in view shows its columns that
 * always stay side by side, no pane that is meant to fit its width (a fit-to-width scroll
 * pane) has content wider than its viewport, no view laid out to fit its height
 * ({@link WholeHeight}) needs more height than its viewport has, and, while presenting, the
 * handout's POST and its 201 answer would each be whole in the request and response panes. A+
 * stops at the largest size for which this holds.
 */
final class WindowFit {

    /** The handout's POST as curl sends it: the yardstick for the request pane while presenting. */
    static final String HANDOUT_POST = """
            POST /people/v1/users HTTP/1.1
            Host: 127.0.0.1:5001
            User-Agent: curl/8.5.0
            Accept: */*
            Content-Type: application/json
            Content-Length: 45

            {"name": "John", "email": "john@example.com"}
            """;

    /** Its 201 as RestLab answers it and curl -i prints it: the yardstick for the response pane. */
    static final String HANDOUT_201 = """
            HTTP/1.1 201 Created
            Date: Mon, 07 Dec 2026 19:12:12 GMT
            Location: /people/v1/users/a208fe43-a1fe-4555-aa31-1d668ec0c6d4
            Content-Type: text/plain;charset=utf-8
            Content-Length: 105
            Server: Jetty(9.4.58.v20250814)

            User created successfully! ID: a208fe43-a1fe-4555-aa31-1d668ec0c6d4, Name: John, Email: john@example.com
            """;

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
            // A view that must be seen whole without scrolling (the lab's step) fits its height too.
            if (node instanceof ScrollPane scroll && shown(scroll) && scroll.getContent() instanceof WholeHeight view
                    && view.heightNeeded(scroll.getViewportBounds().getWidth())
                            > scroll.getViewportBounds().getHeight() + 0.5) {
                return false;
            }
        }
        boolean presenting = root.getPseudoClassStates().contains(PresentationMode.PRESENTING);
        return !presenting || (wholeIn(root.lookup("#requestText"), HANDOUT_POST)
                && wholeIn(root.lookup("#responseText"), HANDOUT_201));
    }

    /**
     * Whether {@code text} would show whole, wrapped as the wire panes wrap it, in {@code pane}
     * (a wire text area; true when it is not shown, or not built yet).
     */
    private static boolean wholeIn(Node pane, String text) {
        if (!(pane instanceof Region area) || !shown(area) || area.getWidth() <= 0
                || !(area.lookup(".text") instanceof Text drawn)) {
            return true;
        }
        Font font = Font.font(drawn.getFont().getFamily(), drawn.getFont().getSize());
        double width = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
        // Each line is a paragraph of its own, laid out (and rounded up to whole pixels) by itself.
        double needed = 0;
        for (String line : text.split("\n", -1)) {
            Text probe = new Text(line);
            probe.setFont(font);
            probe.setWrappingWidth(width);
            needed += Math.ceil(probe.getLayoutBounds().getHeight());
        }
        return needed <= area.getHeight() - area.snappedTopInset() - area.snappedBottomInset() + 0.5;
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
