package dev.restlab.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell that shows a status code with its {@link StatusMark}: symbol, colour and meaning on hover. */
public final class StatusCell<S> extends TableCell<S, Integer> {

    /** One tooltip for the cell's life (a tooltip is a window: one per update kept the FX thread busy). */
    private final Tooltip meaning = new Tooltip();

    @Override
    protected void updateItem(Integer status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(StatusMark.styleClasses());
        if (empty || status == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        StatusMark mark = StatusMark.of(status);
        getStyleClass().add(mark.styleClass());
        setText(StatusMark.label(status));
        meaning.setText(mark == StatusMark.NO_ANSWER ? "No answer" : status + ": " + mark.meaning());
        setTooltip(meaning);
    }
}
