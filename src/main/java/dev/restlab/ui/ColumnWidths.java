package dev.restlab.ui;

import java.util.Comparator;
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
 * when there is room. Columns have priorities: what a lesson is about (a method, a path, a
 * status, a name) always stays; when the table is too narrow for every column's shortest value,
 * the others hide, the least needed first (a time, a client address), and come back when there is
 * room again. Only when even the columns that stay do not fit does the table scroll sideways: the
 * constrained resize policies would rather cut the last columns off unseen.
 */
public final class ColumnWidths {

    /** Room beside the text: the cells' and headers' padding (0.5em a side) and a little to spare. */
    private static final double CELL_PADDING_EM = 1.2;
    private static final double HEADER_PADDING_EM = 1.3;
    /** A vertical scroll bar may take this much of the table's width (AtlantaFX's is under 1em). */
    private static final double SCROLL_BAR_EM = 1.2;

    /** A column that always stays in view. */
    public static final int KEEP = Integer.MAX_VALUE;

    /**
     * What one column must show whole ({@code shortest}) and would like to ({@code typical});
     * {@code priority}: {@link #KEEP}, or which hides first when room is short (the lowest first).
     */
    public record Fit(TableColumn<?, ?> column, String shortest, String typical, int priority) {

        /** A column that always stays. */
        public Fit(TableColumn<?, ?> column, String shortest, String typical) {
            this(column, shortest, typical, KEEP);
        }

        boolean keep() {
            return priority == KEEP;
        }
    }

    private final TableView<?> table;
    private final Labeled fontSource;
    private final List<Fit> fits;
    private final Map<TableColumn<?, ?>, Double> liked = new IdentityHashMap<>();
    private int hiddenBefore;
    private boolean keptFit = true;

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
        table.getProperties().put(ColumnWidths.class, widths);
        fontSource.fontProperty().addListener((o, was, now) -> widths.fit());
        table.widthProperty().addListener((o, was, now) -> widths.choose());
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
        choose();
    }

    /** Which columns show, and whether they share the width or the table scrolls sideways. */
    private void choose() {
        if (table.getWidth() <= 0) {
            return;
        }
        double em = fontSource.getFont().getSize();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_EM * em;
        List<Fit> hiding = fits.stream().filter(f -> !f.keep())
                .sorted(Comparator.comparingInt(Fit::priority)).toList();
        double least = fits.stream().mapToDouble(f -> f.column().getMinWidth()).sum();
        int hidden = 0;
        while (least > room && hidden < hiding.size()) {
            least -= hiding.get(hidden++).column().getMinWidth();
        }
        keptFit = least <= room;
        for (int i = 0; i < hiding.size(); i++) {
            hiding.get(i).column().setVisible(i >= hidden);
        }
        if (least > room) {
            // Shortest useful text first: as many whole columns in view as fit, the rest a scroll away.
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            fits.forEach(f -> f.column().setPrefWidth(f.column().getMinWidth()));
        } else if (table.getColumnResizePolicy() != TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                || hidden != hiddenBefore) {
            fits.forEach(f -> f.column().setPrefWidth(liked.getOrDefault(f.column(), f.column().getMinWidth())));
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        hiddenBefore = hidden;
    }

    /**
     * Whether the columns that always stay fit {@code table}'s width side by side, with no sideways
     * scrolling (true for a table whose widths this class does not keep).
     */
    public static boolean keptColumnsFit(TableView<?> table) {
        return !(table.getProperties().get(ColumnWidths.class) instanceof ColumnWidths widths) || widths.keptFit;
    }

    private static double width(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
