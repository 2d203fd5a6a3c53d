package dev.restlab.ui;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
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
 * status, a name) always stays, and gets its typical width before the others get any room; when
 * the table is too narrow for every column's typical value, the others hide, the least needed
 * first (a time, a client address), and come back when there is room again. A column whose text
 * varies a lot (a path with a user's id) may follow the widest value listed, up to a bound
 * ({@link Fit#upToWidest}). Only when even the columns that stay do not fit at their shortest does
 * the table scroll sideways: the constrained resize policies would rather cut the last columns off
 * unseen.
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
    public record Fit(TableColumn<?, ?> column, String shortest, String typical, int priority, boolean followsRows) {

        /** A column that always stays. */
        public Fit(TableColumn<?, ?> column, String shortest, String typical) {
            this(column, shortest, typical, KEEP, false);
        }

        /** A column that hides when room is short, the lowest {@code priority} first. */
        public Fit(TableColumn<?, ?> column, String shortest, String typical, int priority) {
            this(column, shortest, typical, priority, false);
        }

        /**
         * A column that always stays and would like to show the widest value its rows hold whole,
         * but no wider than {@code widest} (one absurdly long value does not hide every other
         * column): the handout's path with a user's id, say.
         */
        public static Fit upToWidest(TableColumn<?, ?> column, String shortest, String widest) {
            return new Fit(column, shortest, widest, KEEP, true);
        }

        boolean keep() {
            return priority == KEEP;
        }
    }

    private final TableView<?> table;
    private final Labeled fontSource;
    private final List<Fit> fits;
    private final Map<TableColumn<?, ?>, Double> liked = new IdentityHashMap<>();
    /**
     * The widths last given and the room they were given in: the columns' widths are set again
     * only when these change (the constrained policy would share out a new width as it likes,
     * giving a wider table's room to any column, not to the one cut short).
     */
    private List<Double> givenBefore = List.of();
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

        if (fits.stream().anyMatch(Fit::followsRows)) {
            // Measured once per change of the list (a batch of traffic), not once per row.
            InvalidationListener rowsChanged = o -> widths.followRows();
            table.itemsProperty().addListener((o, was, now) -> {
                if (was != null) {
                    was.removeListener(rowsChanged);
                }
                if (now != null) {
                    now.addListener(rowsChanged);
                }
                widths.followRows();
            });
            if (table.getItems() != null) {
                table.getItems().addListener(rowsChanged);
            }
        }
        widths.fit();
    }

    /** Measures every column at the current text size, then chooses. */
    private void fit() {
        measure(fits);
        choose();
    }

    /** The rows changed: the columns that follow them are measured again, then the choice is made again. */
    private void followRows() {
        measure(fits.stream().filter(Fit::followsRows).toList());
        choose();
    }

    private void measure(List<Fit> measured) {
        Font source = fontSource.getFont();
        Font font = Font.font(source.getFamily(), FontWeight.NORMAL, source.getSize());
        Font header = Font.font(source.getFamily(), FontWeight.BOLD, source.getSize());
        double em = font.getSize();
        for (Fit fit : measured) {
            double least = Math.ceil(Math.max(
                    width(fit.column().getText(), header) + HEADER_PADDING_EM * em,
                    width(fit.shortest(), font) + CELL_PADDING_EM * em));
            double typical = width(fit.typical(), font);
            if (fit.followsRows()) {
                typical = Math.min(typical, width(longestValue(fit.column()), font));
            }
            double likedWidth = Math.ceil(Math.max(least, typical + CELL_PADDING_EM * em));
            fit.column().setMinWidth(least);
            liked.put(fit.column(), likedWidth);
        }
    }

    /**
     * Which columns show, and whether they share the width or the table scrolls sideways. The
     * columns that hide give way while the shown ones' typical widths do not fit, so a column that
     * stays is never cut while one that could hide takes room.
     */
    private void choose() {
        if (table.getWidth() <= 0) {
            return;
        }
        double em = fontSource.getFont().getSize();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_EM * em;
        List<Fit> hiding = fits.stream().filter(f -> !f.keep())
                .sorted(Comparator.comparingInt(Fit::priority)).toList();
        double kept = fits.stream().filter(Fit::keep).mapToDouble(this::likedWidth).sum();
        double others = hiding.stream().mapToDouble(f -> f.column().getMinWidth()).sum();
        int hidden = 0;
        while (kept + others > room && hidden < hiding.size()) {
            others -= hiding.get(hidden++).column().getMinWidth();
        }
        double least = fits.stream().filter(Fit::keep).mapToDouble(f -> f.column().getMinWidth()).sum();
        keptFit = least <= room;
        for (int i = 0; i < hiding.size(); i++) {
            hiding.get(i).column().setVisible(i >= hidden);
        }
        // The columns that stay get their typical width; those that hide share what is left, each
        // at least its shortest, the most needed first towards its typical width.
        Map<TableColumn<?, ?>, Double> share = new IdentityHashMap<>();
        double left = room - kept - others;
        for (int i = hiding.size() - 1; i >= hidden; i--) {
            Fit fit = hiding.get(i);
            double more = Math.max(0, Math.min(left, likedWidth(fit) - fit.column().getMinWidth()));
            share.put(fit.column(), fit.column().getMinWidth() + more);
            left -= more;
        }
        // Shortest useful text when even that overflows: as many whole columns in view as fit, the
        // rest a scroll away. Else the widths above, the room left over going to the last column
        // shown, or, when the typical widths of the columns that stay overflow, those squeezed
        // towards their shortest. The widths are set here, exactly: a constrained resize policy
        // would share a new table width out as it likes (a wider table's room to any column, not
        // to the path cut short).
        double[] given = fits.stream().mapToDouble(f -> !keptFit ? f.column().getMinWidth()
                : f.keep() ? likedWidth(f) : share.getOrDefault(f.column(), f.column().getMinWidth())).toArray();
        if (keptFit) {
            // Up to the room a vertical scroll bar leaves, whether or not it shows: never sideways scrolling.
            fill(given, room - 1);
        }
        List<Double> widths = java.util.Arrays.stream(given).boxed().toList();
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        if (!widths.equals(givenBefore)) {
            for (int i = 0; i < fits.size(); i++) {
                fits.get(i).column().setPrefWidth(given[i]);
            }
        }
        givenBefore = widths;
    }

    /** Makes the shown columns' widths add up to {@code full}: the last one takes what is left, or the ones that stay give. */
    private void fill(double[] widths, double full) {
        double sum = 0;
        int last = -1;
        for (int i = 0; i < fits.size(); i++) {
            if (fits.get(i).column().isVisible()) {
                sum += widths[i];
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        if (sum <= full) {
            widths[last] += Math.floor(full - sum);
            return;
        }
        double give = 0;
        for (int i = 0; i < fits.size(); i++) {
            if (fits.get(i).keep()) {
                give += widths[i] - fits.get(i).column().getMinWidth();
            }
        }
        double share = give <= 0 ? 0 : Math.min(1, (sum - full) / give);
        for (int i = 0; i < fits.size(); i++) {
            if (fits.get(i).keep()) {
                widths[i] -= Math.ceil((widths[i] - fits.get(i).column().getMinWidth()) * share);
            }
        }
    }

    private double likedWidth(Fit fit) {
        return liked.getOrDefault(fit.column(), fit.column().getMinWidth());
    }

    /** The longest text (by characters) among the column's values in the table's rows now. */
    private String longestValue(TableColumn<?, ?> column) {
        String longest = "";
        for (int row = 0; row < table.getItems().size(); row++) {
            Object value = column.getCellData(row);
            String text = value == null ? "" : value.toString();
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        return longest;
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
