package dev.restlab.ui;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps a table's columns as wide as their text needs at the current text size: never narrower
 * than the header or the shortest useful value (a whole method, a whole status), a typical value
 * when there is room. When the table is too narrow even for the shortest values, it scrolls
 * sideways: the constrained resize policies would rather cut the last columns off unseen.
 */
public final class ColumnWidths {

    /** Room beside the text: the cells' and headers' padding (0.5em a side) and a little to spare. */
    private static final double CELL_PADDING_EM = 1.2;
    private static final double HEADER_PADDING_EM = 1.3;
    /** A vertical scroll bar may take this much of the table's width (AtlantaFX's is under 1em). */
    private static final double SCROLL_BAR_EM = 1.2;

    /** What one column must show whole ({@code shortest}) and would like to ({@code typical}). */
    public record Fit(TableColumn<?, ?> column, String shortest, String typical) {
    }

    private final TableView<?> table;
    private final Labeled fontSource;
    private final List<Fit> fits;
    private final Map<TableColumn<?, ?>, Double> liked = new IdentityHashMap<>();

    private ColumnWidths(TableView<?> table, Labeled fontSource, List<Fit> fits) {
        this.table = table;
        this.fontSource = fontSource;
        this.fits = List.copyOf(fits);
    }

    /**
     * Sizes {@code table}'s columns now and whenever the text size or the table's width changes.
     *
     * @param fontSource a label in the same pane: its font is the one the cells are drawn in
     */
    public static void keep(TableView<?> table, Labeled fontSource, List<Fit> fits) {
        ColumnWidths widths = new ColumnWidths(table, fontSource, fits);
        fontSource.fontProperty().addListener((o, was, now) -> widths.fit());
        table.widthProperty().addListener((o, was, now) -> widths.choosePolicy());
        widths.fit();
    }

    private void fit() {
        Font source = fontSource.getFont();
        Font font = Font.font(source.getFamily(), FontWeight.NORMAL, source.getSize());
        Font header = Font.font(source.getFamily(), FontWeight.BOLD, source.getSize());
        double em = font.getSize();
        for (Fit fit : fits) {
            double least = Math.ceil(Math.max(
                    width(fit.column().getText(), header) + HEADER_PADDING_EM * em,
                    width(fit.shortest(), font) + CELL_PADDING_EM * em));
            double likedWidth = Math.ceil(Math.max(least, width(fit.typical(), font) + CELL_PADDING_EM * em));
            fit.column().setMinWidth(least);
            liked.put(fit.column(), likedWidth);
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        choosePolicy();
    }

    private void choosePolicy() {
        double em = fontSource.getFont().getSize();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_EM * em;
        double least = fits.stream().mapToDouble(f -> f.column().getMinWidth()).sum();
        if (table.getWidth() <= 0) {
            return;
        }
        if (least > room) {
            // Shortest useful text first: as many whole columns in view as fit, the rest a scroll away.
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            fits.forEach(f -> f.column().setPrefWidth(f.column().getMinWidth()));
        } else if (table.getColumnResizePolicy() != TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN) {
            fits.forEach(f -> f.column().setPrefWidth(liked.getOrDefault(f.column(), f.column().getMinWidth())));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
    }

    private static double width(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
