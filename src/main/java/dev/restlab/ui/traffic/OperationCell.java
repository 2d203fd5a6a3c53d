package dev.restlab.ui.traffic;

import dev.restlab.openapi.Conformance;
import dev.restlab.ui.Verdicts;
import dev.restlab.wire.Exchange;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * Names the OpenAPI operation an exchange matched, marked ✓ or ✗, or says the request is not in
 * the API; the verdict with its reason on hover.
 */
final class OperationCell extends TableCell<Exchange, Exchange> {

    private static final String NOT_CONFORMING = "conforms-no";

    private final Verdicts traffic;
    /**
     * One tooltip for the cell's life, its text changed per row: a Tooltip is a popup window with
     * its own scene, and making one per update (the table updates its cells for every batch of
     * traffic that scrolls the list) kept the FX thread busy under load.
     */
    private final Tooltip verdictTip = new Tooltip();

    OperationCell(Verdicts traffic) {
        this.traffic = traffic;
    }

    @Override
    protected void updateItem(Exchange exchange, boolean empty) {
        super.updateItem(exchange, empty);
        if (empty || exchange == null) {
            markNotConforming(false);
            setText(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        Conformance verdict = traffic.conformance(exchange);
        // A request no operation takes (an unknown path, a wrong method) gets no tick: that it
        // was answered as documented (404, 405) is in the tooltip, not a mark of success.
        // A request that got no answer gets neither: a dash, as the status column has one.
        String mark = !verdict.judged() ? " –" : verdict.conforms() ? " ✓" : " ✗";
        setText(verdict.operationId().map(id -> id + mark)
                .orElse(verdict.conforms() ? "not in the API" : "not in the API ✗"));
        markNotConforming(!verdict.conforms());
        verdictTip.setText(verdict.summary());
        // Read aloud in words: a screen reader would say "check mark" or "ballot x", if anything.
        String said = !verdict.judged() ? ", no answer to judge"
                : verdict.conforms() ? ", answered as the API says" : ", not as the API says";
        setAccessibleText(verdict.operationId().orElse("not in the API") + said + ". " + verdict.summary());
        setTooltip(verdictTip);
    }

    /** Changes the style class only when it changes: each change makes JavaFX style the cell anew. */
    private void markNotConforming(boolean notConforming) {
        if (getStyleClass().contains(NOT_CONFORMING) != notConforming) {
            if (notConforming) {
                getStyleClass().add(NOT_CONFORMING);
            } else {
                getStyleClass().remove(NOT_CONFORMING);
            }
        }
    }
}
