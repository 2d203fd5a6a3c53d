package dev.restlab.ui;

import dev.restlab.wire.Exchange;
import java.util.List;

/** The traffic list as HAR files see it: all of it to export, and an import to show in its place. */
public interface TrafficImport {

    /** Every exchange of the list on view, filtered or not: the live ones or the imported ones. */
    List<Exchange> onView();

    /** Shows exchanges read from the HAR file {@code fileName} in place of the live traffic, which keeps arriving. */
    void showImport(String fileName, List<Exchange> fromFile);
}
