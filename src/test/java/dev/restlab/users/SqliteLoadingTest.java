package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** The driver loading on its own thread while the window's store opens: the opening waits for it, and works. */
class SqliteLoadingTest {

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void the_store_opens_while_the_driver_loads_beside_it() throws Exception {
        SqliteLoading.beginInBackground();
        try (UserStore store = StoreChoice.durable(dir).open()) {
            store.create("Ada", "ada@example.com");
            assertEquals(1, store.findByName("Ada").size());
        }
    }
}
