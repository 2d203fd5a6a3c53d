package dev.restlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The one threading seam of the window: blocking work goes to {@code background}, results come
 * back through {@code fx} (Platform.runLater in the app, the calling thread in unit tests).
 */
public record UiThreads(Executor background, Executor fx) {

    /** Runs {@code work} off the FX thread and hands its result, or its failure, to the FX thread. */
    public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Exception> onFailure) {
        try {
            background.execute(() -> {
                try {
                    T result = work.call();
                    fx.execute(() -> onResult.accept(result));
                } catch (Exception e) {
                    fx.execute(() -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            // The window is closing and its worker is gone: work asked for now has no one to show it to.
        }
    }
}
