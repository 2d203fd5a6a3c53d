package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.FakeDialogs;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.SqliteUserStore;
import dev.restlab.users.StoreChoice;
import dev.restlab.users.UserStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window does when its saved users cannot be opened: asks, and never overwrites them. */
class AppOpenStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_store_that_opens_is_used_without_asking() throws Exception {
        FakeDialogs dialogs = new FakeDialogs(); // no answers scripted: any question fails the test
        try (UserStore store = App.openStore(StoreOpening.begin(StoreChoice.durable(dir)), dialogs).orElseThrow()) {
            assertInstanceOf(SqliteUserStore.class, store);
        }
        assertEquals(List.of(), dialogs.asked());
    }

    @Test
    void a_store_in_use_by_another_restlab_is_explained_and_memory_only_is_offered() throws Exception {
        try (UserStore running = StoreChoice.durable(dir).open()) {
            running.create("Kept", "kept@example.com");
            FakeDialogs dialogs = new FakeDialogs().answering(true);

            Optional<UserStore> store = App.openStore(StoreOpening.begin(StoreChoice.durable(dir)), dialogs);

            assertInstanceOf(InMemoryUserStore.class, store.orElseThrow());
            assertEquals(0, store.get().size(), "a fresh memory-only store, not a copy of the saved one");
            FakeDialogs.Question asked = dialogs.asked().get(0);
            assertEquals("RestLab cannot use its saved users", asked.header());
            assertTrue(asked.text().contains(dir.toString()), "the text says which store: " + asked.text());
            assertEquals(1, running.findByName("Kept").size(), "the saved users are untouched");
        }
    }

    @Test
    void declining_memory_only_opens_nothing_so_the_window_quits() throws Exception {
        try (UserStore running = StoreChoice.durable(dir).open()) {
            FakeDialogs dialogs = new FakeDialogs().answering(false);
            assertEquals(Optional.empty(), App.openStore(StoreOpening.begin(StoreChoice.durable(dir)), dialogs));
            assertEquals(1, dialogs.asked().size());
        }
    }
}
