package dev.restlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one threading seam of the window: blocking work goes to {@code background}, results come
 * back through {@code fx} (Platform.runLater in the app, the calling thread in unit tests).
 */
public record UiThreads(Executor background, Executor fx) {

    private static final Logger LOG = LoggerFactory.getLogger(UiThreads.class);

    /**
     * Runs {@code work} off the FX thread and hands its result, or its failure, to the FX thread.
     * Whatever the work throws reaches {@code onFailure}: an {@link Error} such as
     * {@link OutOfMemoryError} comes as {@link WorkFailed}, so the person always gets an answer.
     */
    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onFailure) {
        try {
            background.execute(() -> {
                Exception failure;
                try {
                    T result = work.call();
                    fx.execute(() -> onResult.accept(result));
                    return;
                } catch (Exception e) {
                    failure = e;
                } catch (Error e) {
                    // The work's own allocations are garbage once it has unwound: there is room to answer.
                    LOG.error("Background work failed", e);
                    failure = new WorkFailed(e);
                }
                Exception reported = failure;
                fx.execute(() -> onFailure.accept(reported));
            });
        } catch (RejectedExecutionException closing) {
            // The window is closing and its worker is gone: work asked for now has no one to show it to.
        }
    }
}
