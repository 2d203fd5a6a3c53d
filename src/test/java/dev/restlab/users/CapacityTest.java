package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one user and a whole store may hold: full is a clear refusal that changes nothing. */
class CapacityTest {

    @TempDir
    Path dir;

    @Test
    void a_store_refuses_the_user_past_its_count_and_takes_one_again_after_a_delete() {
        InMemoryUserStore store = new InMemoryUserStore(new Capacity(3, 1_000));
        User a = store.create("a", "a@example.com");
        store.create("b", "b@example.com");
        store.create("c", "c@example.com");

        StoreFullException full = assertThrows(StoreFullException.class, () -> store.create("d", "d@example.com"));

        assertEquals("RestLab keeps at most 3 users and 1000 bytes of names and emails; nothing was"
                + " changed. Delete some users first.", full.getMessage());
        assertEquals(3, store.size());
        assertEquals(List.of(), store.findByName("d"));
        assertTrue(store.delete(a.id()));
        store.create("d", "d@example.com");
        assertEquals(3, store.size());
    }

    @Test
    void names_and_emails_count_as_their_utf8_bytes_against_the_store_and_a_delete_gives_them_back() {
        // "Zoë" is 4 bytes and "🚀@x" 6: 10 of the 20 allowed, twice.
        InMemoryUserStore store = new InMemoryUserStore(new Capacity(100, 20));
        User first = store.create("Zoë", "🚀@x");
        store.create("Zoë", "🚀@x");

        assertThrows(StoreFullException.class, () -> store.create("a", ""));
        assertTrue(store.delete(first.id()));
        store.create("abcdefghi", "j"); // exactly the 10 bytes the delete gave back
        assertThrows(StoreFullException.class, () -> store.create("a", ""));
        store.clear();
        store.create("abcdefghij", "klmnopqrst");
    }

    @Test
    void the_default_capacity_takes_at_least_100000_ordinary_users() {
        InMemoryUserStore store = new InMemoryUserStore();
        for (int i = 0; i < 100_000; i++) {
            store.create("Student " + i, "student." + i + "@school.example.org");
        }
        assertEquals(100_000, store.size());
        assertTrue(Capacity.DEFAULT.users() >= 100_000);
    }

    @Test
    void a_full_database_refuses_without_writing_and_one_loaded_past_a_smaller_capacity_keeps_everyone()
            throws Exception {
        List<User> kept;
        try (SqliteUserStore store = SqliteUserStore.open(dir, new Capacity(2, 1_000))) {
            store.create("a", "a@example.com");
            store.create("b", "b@example.com");
            assertThrows(StoreFullException.class, () -> store.create("c", "c@example.com"));
            kept = store.all();
        }
        try (SqliteUserStore smaller = SqliteUserStore.open(dir, new Capacity(1, 1_000))) {
            assertEquals(kept, smaller.all(), "nothing was written for the refused user");
            assertThrows(StoreFullException.class, () -> smaller.create("c", "c@example.com"));
            assertTrue(smaller.delete(kept.get(0).id()));
            assertThrows(StoreFullException.class, () -> smaller.create("c", "c@example.com"));
            assertTrue(smaller.delete(kept.get(1).id()));
            User c = smaller.create("c", "c@example.com");
            assertEquals(List.of(c), smaller.all());
        }
    }

    @Test
    void a_name_and_an_email_are_within_limits_up_to_100_and_254_characters_counted_as_code_points() {
        String rockets = "🚀".repeat(100); // 200 UTF-16 units, 100 characters
        assertTrue(User.withinLimits(rockets, "e".repeat(254)));
        assertFalse(User.withinLimits(rockets + "x", "e"));
        assertFalse(User.withinLimits("John", "e".repeat(255)));
        assertEquals(100, User.MAX_NAME_LENGTH);
        assertEquals(254, User.MAX_EMAIL_LENGTH);
    }
}
