package dev.restlab.ui;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** {@link Delays} on the FX thread's own clock (a PauseTransition), for the window. */
public final class FxDelays implements Delays {

    @Override
    public Runnable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(done -> action.run());
        pause.play();
        return pause::stop;
    }
}
