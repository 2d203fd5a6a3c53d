package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChoiceTest {

    @TempDir
    Path dir;

    @Test
    void opens_the_store_it_names() throws Exception {
        try (UserStore memory = StoreChoice.inMemory().open();
                UserStore disk = StoreChoice.durable(dir).open()) {
            assertInstanceOf(InMemoryUserStore.class, memory);
            assertInstanceOf(SqliteUserStore.class, disk);
            assertTrue(disk.location().startsWith(dir.toString()));
        }
    }
}
