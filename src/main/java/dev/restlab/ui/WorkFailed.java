package dev.restlab.ui;

/**
 * An {@link Error} thrown by background work (most often {@link OutOfMemoryError}), carried to the
 * FX thread as an exception with a sentence for the person, so that a failure handler always runs
 * and the window never stays on "Reading…" with no answer.
 */
public final class WorkFailed extends Exception {

    WorkFailed(Error error) {
        super(sentence(error), error);
    }

    private static String sentence(Error error) {
        if (error instanceof OutOfMemoryError) {
            return "RestLab ran out of memory doing this, so it stopped; nothing was changed."
                    + " The file or the answer is larger than RestLab can hold.";
        }
        if (error instanceof StackOverflowError) {
            return "This is nested too deeply for RestLab to follow, so it stopped; nothing was changed.";
        }
        return "RestLab failed inside (" + error.getClass().getSimpleName() + "), so it stopped; nothing was changed.";
    }
}
