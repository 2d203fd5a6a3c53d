package dev.restlab.ui.traffic;

import dev.restlab.diagram.FaultMark;
import dev.restlab.ui.StatusMark;
import dev.restlab.wire.Exchange;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * The traffic list's status: the code with its {@link StatusMark} (symbol and colour), and, when
 * a fault rule touched the exchange, {@value FaultMark#SYMBOL} in front of it. Hovering says the
 * class's meaning, why no answer came, the rule, what the client saw and what a good client does.
 */
final class StatusAndFaultCell extends TableCell<Exchange, Integer> {

    /** One tooltip and one mark for the cell's life: a tooltip is a window, and cells are updated often. */
    private final Tooltip meaning = new Tooltip();
    private final Label fault = new Label(FaultMark.SYMBOL);

    StatusAndFaultCell() {
        fault.getStyleClass().add("fault-mark");
        meaning.setWrapText(true);
        meaning.setMaxWidth(640);
    }

    @Override
    protected void updateItem(Integer status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(StatusMark.styleClasses());
        Exchange exchange = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (empty || status == null || exchange == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        StatusMark mark = StatusMark.of(status);
        getStyleClass().add(mark.styleClass());
        setText(StatusMark.label(status));
        String what = mark == StatusMark.NO_ANSWER ? "No answer" : status + ": " + mark.meaning();
        String why = exchange.noAnswerReason().map(reason -> (mark == StatusMark.NO_ANSWER ? ": " : ", then ") + reason)
                .orElse("");
        String words = what + why;
        var rule = FaultMark.of(exchange);
        setGraphic(rule.isPresent() ? fault : null);
        if (rule.isPresent()) {
            words += "\n" + FaultMark.SYMBOL + " " + rule.get().describe();
        }
        meaning.setText(words);
        setTooltip(meaning);
        // Read aloud in words: a screen reader would say "high voltage sign", if anything.
        setAccessibleText(words.replace(FaultMark.SYMBOL + " ", "injected fault: "));
    }
}
