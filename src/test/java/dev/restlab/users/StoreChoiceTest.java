package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChoiceTest {

    @TempDir
    Path dir;

    @Test
    void the_choice_survives_the_trip_through_the_windows_parameters() {
        for (StoreChoice choice : new StoreChoice[] {StoreChoice.inMemory(), StoreChoice.durable(dir)}) {
            assertEquals(choice, StoreChoice.fromAppArguments(named(choice)));
        }
        assertEquals(StoreChoice.defaultDurable(), StoreChoice.fromAppArguments(Map.of()));
    }

    @Test
    void opens_the_store_it_names() throws Exception {
        try (UserStore memory = StoreChoice.inMemory().open();
                UserStore disk = StoreChoice.durable(dir).open()) {
            assertInstanceOf(InMemoryUserStore.class, memory);
            assertInstanceOf(SqliteUserStore.class, disk);
            assertTrue(disk.location().startsWith(dir.toString()));
        }
    }

    /** What JavaFX's getParameters().getNamed() makes of "--key=value" arguments. */
    private static Map<String, String> named(StoreChoice choice) {
        Map<String, String> named = new HashMap<>();
        for (String arg : choice.toAppArguments()) {
            String[] kv = arg.substring(2).split("=", 2);
            named.put(kv[0], kv[1]);
        }
        return named;
    }
}
