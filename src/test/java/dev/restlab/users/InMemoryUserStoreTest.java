package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class InMemoryUserStoreTest {

    private final InMemoryUserStore store = new InMemoryUserStore();

    @Test
    void created_users_get_distinct_uuid4_ids_and_keep_insertion_order() {
        User john = store.create("John", "john@example.com");
        User ann = store.create("Ann", "ann@example.com");
        User john2 = store.create("John", "john2@example.com");

        assertEquals(List.of(john, ann, john2), store.all());
        assertEquals(4, UUID.fromString(john.id()).version());
        assertNotEquals(john.id(), john2.id());
    }

    @Test
    void find_by_name_returns_exact_matches_oldest_first() {
        User john = store.create("John", "john@example.com");
        store.create("Johnny", "johnny@example.com");
        User john2 = store.create("John", "john2@example.com");

        assertEquals(List.of(john, john2), store.findByName("John"));
        assertEquals(List.of(), store.findByName("john"));
    }

    @Test
    void delete_removes_from_list_id_lookup_and_name_index() {
        User john = store.create("John", "john@example.com");
        User ann = store.create("Ann", "ann@example.com");

        assertTrue(store.delete(john.id()));

        assertFalse(store.delete(john.id()));
        assertTrue(store.get(john.id()).isEmpty());
        assertEquals(List.of(), store.findByName("John"));
        assertEquals(List.of(ann), store.all());
    }

    @Test
    void deleting_one_of_two_namesakes_keeps_the_other_findable() {
        User first = store.create("John", "a@example.com");
        User second = store.create("John", "b@example.com");

        store.delete(first.id());

        assertEquals(List.of(second), store.findByName("John"));
    }

    @Test
    void concurrent_creates_lose_nothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.create("user" + thread, i + "@example.com");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(4000, store.size());
        Set<String> ids = new HashSet<>();
        store.all().forEach(u -> ids.add(u.id()));
        assertEquals(4000, ids.size());
        assertEquals(500, store.findByName("user3").size());
    }

    @Test
    void lookups_stay_correct_at_one_hundred_thousand_users() {
        User last = null;
        for (int i = 0; i < 100_000; i++) {
            last = store.create("name" + (i % 1000), i + "@example.com");
        }
        assertEquals(100_000, store.size());
        assertEquals(last, store.get(last.id()).orElseThrow());
        assertEquals(100, store.findByName("name7").size());
        assertTrue(store.delete(last.id()));
        assertEquals(99_999, store.all().size());
    }
}
