package dev.restlab.ui.lab;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A lab step's command, shown whole: broken into lines by {@link CommandBreaks} for the width it
 * has (a text area's own wrapping cuts inside a token, {@code ?n} / {@code ame=Nobody'}), exactly as
 * many rows high as it has lines, so it never scrolls. Selected text copies without the line
 * breaks it was shown with: pasted into a terminal it is the command, not half of it.
 */
public final class CommandArea extends TextArea {

    /** A column kept free: rounding of the glyphs' width must never push a line past the edge. */
    private static final int SPARE_COLUMNS = 1;

    /** Pixels to spare under each line: the text area lays its lines out a little taller than a Text measures them. */
    private static final double LINE_SLACK = 2;

    private final StringProperty command = new SimpleStringProperty(this, "command", "");

    public CommandArea() {
        setEditable(false);
        setWrapText(false);
        // Its width comes from the row it is in, never from its text: no loop between width and lines.
        setPrefColumnCount(8);
        setPrefRowCount(1); // the skin's least height for its text; the height itself is the lines' (below)
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        command.addListener(o -> breakLines());
        widthProperty().addListener(o -> breakLines());
        fontProperty().addListener(o -> breakLines());
        skinProperty().addListener(o -> {
            // Sized to its lines, it never needs to scroll: a bar for a pixel's difference in how a
            // platform's fonts lay the lines out would only hide the text's end.
            if (lookup(".scroll-pane") instanceof ScrollPane scroll) {
                scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            }
            breakLines();
        });
    }

    /** The command as it is run: one line, whatever the lines it is shown in. */
    public StringProperty commandProperty() {
        return command;
    }

    @Override
    public void copy() {
        String selected = getSelectedText().replace("\n", "");
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(selected);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /**
     * As high as its lines are, measured in its font: the skin's rows times a line height comes out
     * a pixel or two short of the text it lays out, which would scroll the last line.
     */
    @Override
    protected double computePrefHeight(double width) {
        double height = heightFor(getText());
        return height > 0 ? height : super.computePrefHeight(width);
    }

    /** The height this area would take to show {@code command} at its width now; 0 before it has a skin. */
    double heightOf(String command) {
        return heightFor(String.join("\n", CommandBreaks.lines(command, columns())));
    }

    private double heightFor(String shown) {
        if (lookup(".scroll-pane") instanceof ScrollPane scroll && lookup(".content") instanceof Region content) {
            // Each line is a paragraph of the area's own, laid out (and rounded up to whole pixels) by itself.
            double text = 0;
            for (String line : shown.split("\n", -1)) {
                Text paragraph = new Text(line.isEmpty() ? " " : line);
                paragraph.setFont(getFont());
                text += Math.ceil(paragraph.getLayoutBounds().getHeight()) + LINE_SLACK;
            }
            Insets padding = content.getPadding();
            return Math.ceil(snappedTopInset() + snappedBottomInset() + scroll.snappedTopInset()
                    + scroll.snappedBottomInset() + padding.getTop() + padding.getBottom() + text);
        }
        return 0;
    }

    private void breakLines() {
        String whole = command.get() == null ? "" : command.get();
        List<String> lines = CommandBreaks.lines(whole, columns());
        String shown = String.join("\n", lines);
        if (!shown.equals(getText())) {
            setText(shown);
        }
        requestLayout(); // its height follows its lines (computePrefHeight)
    }

    /** How many characters of the monospaced font fit across the text, inside the area's padding. */
    private int columns() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        Node content = lookup(".content");
        if (content instanceof Region region) {
            Insets padding = region.getPadding();
            width -= padding.getLeft() + padding.getRight();
        }
        if (width <= 0) {
            return Integer.MAX_VALUE; // not laid out yet: one line, broken once the width is known
        }
        Text probe = new Text("0123456789");
        probe.setFont(getFont());
        double glyph = probe.getLayoutBounds().getWidth() / 10;
        return Math.max(1, (int) Math.floor(width / glyph) - SPARE_COLUMNS);
    }
}
