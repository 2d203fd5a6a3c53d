package dev.restlab.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** Work on the FX thread from another thread, and waiting for the window to draw. */
public final class Fx {

    /** Long enough for a loaded 2-core machine; a healthy run waits milliseconds. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    private Fx() {
    }

    /** Runs {@code work} on the FX thread and returns its result; its exception is rethrown here. */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // a failed assertion stays one
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * As {@link #call}, for work that throws nothing checked (a lookup, a read), so that any method
     * or lambda can use it: a test thread's walk of the scene while the FX thread changes it can
     * meet a list of children changing under it.
     */
    public static <T> T get(Callable<T> work) {
        try {
            return call(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    public static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Returns once the window has drawn {@code frames} more frames: what was just changed is laid
     * out and painted (RichTextFX and the tables build their cells in a later pulse).
     */
    public static void frames(int frames) throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        run(() -> new AnimationTimer() {
            private int count;

            @Override
            public void handle(long now) {
                if (++count >= frames) {
                    stop();
                    drawn.countDown();
                }
            }
        }.start());
        if (!drawn.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the window drew no " + frames + " frames in " + LIMIT.toSeconds() + " s");
        }
    }
}
