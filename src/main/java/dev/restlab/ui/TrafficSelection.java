package dev.restlab.ui;

import dev.restlab.wire.Exchange;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * What the other panes see of the traffic list: the rows it shows and which of them are
 * selected. The diagram draws them, the diff compares them, the HAR export writes them.
 */
public interface TrafficSelection {

    /** The rows the traffic list shows, filtered, in arrival order. */
    ObservableList<Exchange> shown();

    /** The focused exchange, the one the detail pane shows (the last one chosen), or null. */
    ReadOnlyObjectProperty<Exchange> selectedProperty();

    /** Every selected exchange, in the list's order; read-only. */
    ObservableList<Exchange> selectedExchanges();

    /** The name of the HAR file whose exchanges are on view, or "" while the live traffic is. */
    ReadOnlyStringProperty importedFromProperty();

    /** Makes {@code e}, a row of {@link #shown()}, the focused one, leaving the other selected rows selected. */
    void focus(Exchange e);

    /** Selects the live exchange with this id, if the list still has it, revealing it; tells whether it did. */
    boolean select(long id);
}
