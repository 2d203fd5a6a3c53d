package dev.restlab.ui.lab;

import dev.restlab.ui.WholeHeight;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.layout.StackPane;

/**
 * The Lab tab's view, laid out to fit its height, never to scroll (the window's A+ stops where it
 * would). The height it needs makes room for the tallest step of the lab, not only the step shown:
 * a text size that fits step 2's short command must still fit step 5's long one when the class
 * gets there.
 */
public final class LabView extends StackPane implements WholeHeight {

    /** For a width: how much taller than the step shown the tallest step of the lab is. */
    private DoubleUnaryOperator tallerStep = width -> 0;

    void makeRoomWith(DoubleUnaryOperator tallerStep) {
        this.tallerStep = tallerStep;
    }

    @Override
    public double heightNeeded(double width) {
        return minHeight(width) + Math.max(0, tallerStep.applyAsDouble(width));
    }
}
