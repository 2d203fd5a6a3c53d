package dev.restlab.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list a view shows that is read from files once, on the background thread, the first time the
 * view asks for it (as the view is built, after the window's first frame); empty until it is read.
 */
public final class ListReadOnce<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnly = FXCollections.unmodifiableObservableList(items);
    private boolean asked;

    /** The items: empty until read, then filled in on the FX thread. */
    public ObservableList<T> items() {
        return readOnly;
    }

    /** Reads them with {@code reader} the first time it is called; {@code failed} hears why it could not. */
    public void read(UiThreads threads, Callable<List<T>> reader, Consumer<Exception> failed) {
        if (asked) {
            return;
        }
        asked = true;
        threads.run(reader, items::setAll, failed);
    }
}
