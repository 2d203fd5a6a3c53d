package dev.restlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark, and how big the text is: a classroom projector wants it large. */
public final class LookViewModel {

    static final int SMALLEST = 10;
    static final int LARGEST = 28;

    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper fontSize = new ReadOnlyIntegerWrapper(14);

    public void larger() {
        fontSize.set(Math.min(LARGEST, fontSize.get() + 2));
    }

    public void smaller() {
        fontSize.set(Math.max(SMALLEST, fontSize.get() - 2));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyIntegerProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }
}
