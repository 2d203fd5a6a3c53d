package dev.restlab.ui;

import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light, dark or high contrast, how big the text is (a classroom projector wants it large), and presentation
 * mode: the traffic and the selected exchange, large, for the class to read from the wall.
 */
public final class LookViewModel {

    public static final int SMALLEST = 10;
    public static final int LARGEST = 28;
    public static final int DEFAULT_SIZE = 14;
    /** Presenting raises the text to at least this size; leaving it brings back the size before. */
    public static final int PRESENTING_SIZE = 20;

    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper fontSize = new ReadOnlyIntegerWrapper(DEFAULT_SIZE);
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private final BooleanProperty formsShown = new SimpleBooleanProperty(true);
    private final BooleanProperty glossaryShown = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper largestThatFits = new ReadOnlyIntegerWrapper(LARGEST);
    private BooleanSupplier fitsNow = () -> true;
    private int sizeBeforePresenting = DEFAULT_SIZE;

    public LookViewModel() {
        presenting.addListener((o, was, now) -> {
            // The layout changes (forms hidden or back): what fits is found anew, not carried over.
            largestThatFits.set(LARGEST);
            if (now) {
                sizeBeforePresenting = fontSize.get();
                fontSize.set(Math.max(PRESENTING_SIZE, fontSize.get()));
                formsShown.set(false);
                glossaryShown.set(false);
            } else {
                fontSize.set(sizeBeforePresenting);
                formsShown.set(true);
                glossaryShown.set(true);
            }
        });
    }

    /**
     * A larger text size, if the window still fits at it: when it does not (a table would scroll
     * sideways, a pane would be cut), the size stays and A+ stops there until the window has more
     * room ({@link #roomGrew()}).
     */
    public void larger() {
        int was = fontSize.get();
        int next = Math.min(largestThatFits.get(), was + 2);
        if (next == was) {
            return;
        }
        fontSize.set(next);
        if (!fitsNow.getAsBoolean()) {
            largestThatFits.set(was);
            fontSize.set(was);
        }
    }

    /**
     * Steps the text down until the window fits, but not below {@code floor}; A+ then stops at the
     * size reached. For a layout that changed under the text (presentation mode hides the forms and
     * wants the handout's answer whole under the list).
     */
    public void shrinkToFit(int floor) {
        while (fontSize.get() > floor && !fitsNow.getAsBoolean()) {
            fontSize.set(Math.max(floor, fontSize.get() - 2));
            largestThatFits.set(fontSize.get());
        }
    }

    /** How the window tells whether it fits at the text size just set (it lays itself out to answer). */
    public void checkFitWith(BooleanSupplier fits) {
        fitsNow = fits;
    }

    /** The window grew: larger sizes may fit again. */
    public void roomGrew() {
        largestThatFits.set(LARGEST);
    }

    /** The largest size A+ offers: {@link #LARGEST}, or the largest that was found to fit this window. */
    public ReadOnlyIntegerProperty largestThatFitsProperty() {
        return largestThatFits.getReadOnlyProperty();
    }

    public void smaller() {
        fontSize.set(Math.max(SMALLEST, fontSize.get() - 2));
    }

    /** Brings back a remembered text size (kept within the sizes A− and A+ offer) and theme. */
    public void restore(int size, boolean darkTheme) {
        fontSize.set(Math.max(SMALLEST, Math.min(LARGEST, size)));
        dark.set(darkTheme);
    }

    /** The size to remember: the one from before presenting, while presenting. */
    public int normalFontSize() {
        return presenting.get() ? sizeBeforePresenting : fontSize.get();
    }

    public void togglePresenting() {
        presenting.set(!presenting.get());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /**
     * The high-contrast theme: white text on black, yellow focus and selection. It wins over
     * light and dark while it is on; turning it off brings back the one chosen before.
     */
    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** Whether the window is drawn light on dark (the dark and the high-contrast themes): for pictures drawn in code. */
    public boolean darkBackground() {
        return dark.get() || highContrast.get();
    }

    public ReadOnlyIntegerProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    /** Presentation mode: the traffic list and the selected exchange, large; forms and glossary on request. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** Whether the users forms are shown (hidden when presentation starts, until asked for). */
    public BooleanProperty formsShownProperty() {
        return formsShown;
    }

    /** Whether the explanation of the status and headers is shown (likewise). */
    public BooleanProperty glossaryShownProperty() {
        return glossaryShown;
    }
}
