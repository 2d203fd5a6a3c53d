package dev.restlab.app;

import dev.restlab.users.StoreChoice;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Where users are kept, opened on a thread of its own while JavaFX starts: SQLite's driver loads
 * its native library and opens the file in about a tenth of a second, which the window need not
 * spend before it can begin to build itself.
 */
final class StoreOpening {

    private final FutureTask<UserStore> opening;

    private StoreOpening(StoreChoice choice) {
        opening = new FutureTask<>(choice::open);
    }

    /** Starts opening the store chosen; {@link #store()} waits for it. */
    static StoreOpening begin(StoreChoice choice) {
        StoreOpening store = new StoreOpening(choice);
        Thread opener = new Thread(store.opening, "restlab-store-open");
        opener.setDaemon(true);
        opener.start();
        return store;
    }

    /** Opens the store chosen on the calling thread, for a window started without {@link App#launch}. */
    static StoreOpening now(StoreChoice choice) {
        StoreOpening store = new StoreOpening(choice);
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
