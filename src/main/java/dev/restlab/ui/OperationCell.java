package dev.restlab.ui;

import dev.restlab.openapi.Conformance;
import dev.restlab.wire.Exchange;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * Names the OpenAPI operation an exchange matched, marked ✓ or ✗, or says the request is not in
 * the API; the verdict with its reason on hover.
 */
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
        // A request no operation takes (an unknown path, a wrong method) gets no tick: that it
        // was answered as documented (404, 405) is in the tooltip, not a mark of success.
        setText(verdict.operationId().map(id -> id + (verdict.conforms() ? " ✓" : " ✗"))
                .orElse(verdict.conforms() ? "not in the API" : "not in the API ✗"));
        if (!verdict.conforms()) {
            getStyleClass().add("conforms-no");
        }
        setTooltip(new Tooltip(verdict.summary()));
    }
}
