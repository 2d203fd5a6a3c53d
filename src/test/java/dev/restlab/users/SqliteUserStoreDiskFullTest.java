package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full disk (a small tmpfs): writes are refused cleanly and work again once there is room. */
class SqliteUserStoreDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void a_full_disk_refuses_writes_and_they_work_again_once_space_is_back_with_memory_and_file_in_step()
            throws Exception {
        List<User> expected = new ArrayList<>();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 1024)) {
            try (SqliteUserStore store = SqliteUserStore.open(disk.folder())) {
                User john = store.create("John", "john@example.com");
                expected.add(john);
                disk.fill();

                // The log may still have room from earlier writes; a bounded number of writes must
                // reach the full disk.
                StoreFullException full = null;
                for (int i = 0; i < 2000 && full == null; i++) {
                    try {
                        expected.add(store.create("user" + i, "user" + i + "@example.com"));
                    } catch (StoreFullException e) {
                        full = e;
                    }
                }
                assertNotNull(full, "2000 writes on a full disk all succeeded");
                assertTrue(full.getMessage().startsWith("the disk holding users.db is full"), full.getMessage());
                assertFalse(full.getMessage().contains("\n") || full.getMessage().contains(dir.toString()),
                        "one line, naming no path on this machine: " + full.getMessage());
                assertEquals(expected, store.all(), "nothing half-kept in memory");
                assertThrows(StoreFullException.class, () -> store.create("Ann", "ann@example.com"));
                assertThrows(StoreFullException.class, () -> store.delete(john.id()));
                assertEquals(expected, store.all());

                disk.free();

                User ann = store.create("Ann", "ann@example.com");
                expected.add(ann);
                assertTrue(store.delete(john.id()));
                expected.remove(john);
                assertEquals(expected, store.all());
            }
            try (SqliteUserStore again = SqliteUserStore.open(disk.folder())) {
                assertEquals(expected, again.all(), "the file holds what memory held");
            }
        }
    }

    @Test
    void starting_on_a_full_disk_says_the_disk_is_full() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 1024)) {
            try (SqliteUserStore store = SqliteUserStore.open(disk.folder())) {
                store.create("John", "john@example.com");
            }
            disk.fill();
            StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                    () -> SqliteUserStore.open(disk.folder()).close());
            assertTrue(refused.getMessage().contains("the disk holding it is full"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Free some space on it"), refused.getMessage());
            assertFalse(refused.getMessage().contains("you may read and write"), refused.getMessage());

            disk.free();
            try (SqliteUserStore again = SqliteUserStore.open(disk.folder())) {
                assertEquals(1, again.all().size(), "nothing was lost while the disk was full");
            }
        }
    }
}
