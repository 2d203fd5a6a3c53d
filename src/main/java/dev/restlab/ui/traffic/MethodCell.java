package dev.restlab.ui.traffic;

import dev.restlab.ui.TrafficModel;
import dev.restlab.wire.Exchange;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * The request's method; the window's own requests carry a mark in front of it. A mark, not a
 * tint of the row: in the dark theme a tinted row read as a second selection.
 */
final class MethodCell extends TableCell<Exchange, String> {

    static final String OWN_MARK = "⌂";

    private final Label own = new Label(OWN_MARK);

    MethodCell() {
        own.getStyleClass().add("own-mark");
        own.setTooltip(new Tooltip("Sent by this window (its forms, composer or lab), not by another client"));
    }

    @Override
    protected void updateItem(String method, boolean empty) {
        super.updateItem(method, empty);
        Exchange exchange = empty || getTableRow() == null ? null : getTableRow().getItem();
        setText(empty ? null : method);
        setGraphic(exchange != null && TrafficModel.isOwn(exchange) ? own : null);
    }
}
