package dev.restlab.app;

import dev.restlab.users.StoreChoice;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Where users are kept, opened on a thread of its own as the window begins to build itself:
 * SQLite's driver loads its native library and opens the file in about a tenth of a second. Not
 * before JavaFX has started ({@link EarlyToolkit#ended}): SQLite's native code reads the
 * environment, which JavaFX's start changes.
 */
final class StoreOpening {

    private final FutureTask<UserStore> opening;

    private StoreOpening(Callable<UserStore> open) {
        opening = new FutureTask<>(open);
    }

    /** Starts opening the store chosen once JavaFX's early start has ended; {@link #store()} waits for it. */
    static StoreOpening begin(StoreChoice choice) {
        return after(EarlyToolkit.ended(), choice::open);
    }

    /** Opens with {@code open} on a thread of its own once {@code ready} has completed, however it did. */
    static StoreOpening after(CompletionStage<?> ready, Callable<UserStore> open) {
        StoreOpening store = new StoreOpening(open);
        ready.whenComplete((done, failed) -> {
            Thread opener = new Thread(store.opening, "restlab-store-open");
            opener.setDaemon(true);
            opener.start();
        });
        return store;
    }

    /** Opens the store chosen on the calling thread, for a window started without {@link App#launch}. */
    static StoreOpening now(StoreChoice choice) {
        StoreOpening store = new StoreOpening(choice::open);
        store.opening.run();
        return store;
    }

    /**
     * The open store, once it is.
     *
     * @throws StoreUnavailableException when it could not be opened (locked by another RestLab, damaged)
     */
    UserStore store() throws StoreUnavailableException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the users' store was being opened", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreUnavailableException unavailable) {
                throw unavailable;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
