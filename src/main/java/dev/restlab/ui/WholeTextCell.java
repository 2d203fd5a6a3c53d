package dev.restlab.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell whose whole text shows on hover, for values that a narrow column cuts short. */
public final class WholeTextCell<S, T> extends TableCell<S, T> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setTooltip(null);
        } else {
            setText(item.toString());
            whole.setText(item.toString());
            setTooltip(whole);
        }
    }
}
