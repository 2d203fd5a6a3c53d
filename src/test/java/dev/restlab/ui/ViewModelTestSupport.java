package dev.restlab.ui;

/** Runs ViewModel work on the calling thread, so a test sees the result when the call returns. */
public final class ViewModelTestSupport {

    public static final UiThreads SAME_THREAD = new UiThreads(Runnable::run, Runnable::run);

    private ViewModelTestSupport() {
    }
}
