package dev.restlab.ui;

import dev.restlab.openapi.Conformance;
import dev.restlab.wire.Exchange;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** Names the OpenAPI operation an exchange matched, marked ✓ or ✗, with the reason on hover. */
final class OperationCell extends TableCell<Exchange, Exchange> {

    private final TrafficPaneViewModel traffic;

    OperationCell(TrafficPaneViewModel traffic) {
        this.traffic = traffic;
    }

    @Override
    protected void updateItem(Exchange exchange, boolean empty) {
        super.updateItem(exchange, empty);
        getStyleClass().remove("conforms-no");
        if (empty || exchange == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        Conformance verdict = traffic.conformance(exchange);
        setText(verdict.operationId().orElse("—") + (verdict.conforms() ? " ✓" : " ✗"));
        if (!verdict.conforms()) {
            getStyleClass().add("conforms-no");
        }
        setTooltip(new Tooltip(verdict.summary()));
    }
}
