package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The users' store opens on a thread of its own, but only once JavaFX's start has ended: its start
 * changes the environment (putenv) while SQLite's native code, opening the file, reads it (getenv),
 * and the two at once crashed the JVM.
 */
class StoreOpeningTest {

    private final UserStore opened = new InMemoryUserStore();

    @Test
    void the_store_is_not_opened_while_javafx_is_starting_and_is_once_it_has() throws Exception {
        CompletableFuture<Void> javafxStart = new CompletableFuture<>();
        CountDownLatch opening = new CountDownLatch(1);
        StoreOpening store = StoreOpening.after(javafxStart, () -> {
            opening.countDown();
            return opened;
        });

        // Opened at once, it would have begun within this time, as it did before the wait was added.
        assertFalse(opening.await(300, TimeUnit.MILLISECONDS), "the store began to open while JavaFX was starting");
        javafxStart.complete(null);
        assertSame(opened, store.store());
    }

    @Test
    void a_start_of_javafx_that_failed_still_lets_the_store_open() throws Exception {
        CompletableFuture<Void> javafxStart = new CompletableFuture<>();
        StoreOpening store = StoreOpening.after(javafxStart, () -> opened);
        javafxStart.completeExceptionally(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertSame(opened, store.store());
    }

    @Test
    void without_an_early_start_of_javafx_there_is_nothing_to_wait_for() {
        // No command line was read in this JVM (tests start JavaFX their own way): the store opens at once.
        assertTrue(EarlyToolkit.ended().isDone());
    }
}
