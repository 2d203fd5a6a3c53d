package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserStoreTest {

    @TempDir
    Path dir;

    private final List<UserStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(UserStore::close);
    }

    private SqliteUserStore open() throws StoreUnavailableException {
        SqliteUserStore store = SqliteUserStore.open(dir);
        opened.add(store);
        return store;
    }

    private SqliteUserStore reopen(SqliteUserStore store) throws StoreUnavailableException {
        store.close();
        return open();
    }

    @Test
    void users_outlive_the_store_in_insertion_order_with_ids_and_name_index_intact() throws Exception {
        SqliteUserStore store = open();
        User john = store.create("John", "john@example.com");
        User ann = store.create("Ann", "ann@example.com");
        User john2 = store.create("John", "john2@example.com");
        assertEquals(4, UUID.fromString(john.id()).version());

        SqliteUserStore again = reopen(store);

        assertEquals(List.of(john, ann, john2), again.all());
        assertEquals(List.of(john, john2), again.findByName("John"));
        assertEquals(ann, again.get(ann.id()).orElseThrow());
        assertEquals(3, again.size());
    }

    @Test
    void deletes_and_clear_are_kept_too() throws Exception {
        SqliteUserStore store = open();
        User john = store.create("John", "john@example.com");
        User ann = store.create("Ann", "ann@example.com");
        assertTrue(store.delete(john.id()));
        assertFalse(store.delete(john.id()));
        assertFalse(store.delete("no-such-id"));

        store = reopen(store);
        assertEquals(List.of(ann), store.all());
        assertEquals(List.of(), store.findByName("John"));

        store.clear();
        assertEquals(0, store.size());
        store = reopen(store);
        assertEquals(List.of(), store.all());
        User after = store.create("Bea", "bea@example.com");
        assertEquals(List.of(after), reopen(store).all());
    }

    @Test
    void insertion_order_holds_across_deletes_of_the_newest_and_restarts() throws Exception {
        SqliteUserStore store = open();
        User a = store.create("a", "a@example.com");
        User b = store.create("b", "b@example.com");
        store.delete(b.id()); // the largest rowid goes; SQLite may hand it out again
        User c = store.create("c", "c@example.com");
        store = reopen(store);
        User d = store.create("d", "d@example.com");
        assertEquals(List.of(a, c, d), reopen(store).all());
    }

    @Test
    void text_that_is_hard_for_databases_comes_back_unchanged() throws Exception {
        SqliteUserStore store = open();
        List<String> names = List.of("Robert'); DROP TABLE users;--", "Zoë 🚀 日本", "nul\u0000inside",
                "<script>alert(1)</script>", "x".repeat(100_000), " ", "\"quoted\" \\ back");
        List<User> made = new ArrayList<>();
        for (String name : names) {
            made.add(store.create(name, name + "@example.com"));
        }
        assertEquals(made, reopen(store).all());
    }

    @Test
    void location_is_the_database_file_and_memory_store_says_memory_only() throws Exception {
        SqliteUserStore store = open();
        assertEquals(dir.resolve("users.db").toAbsolutePath().toString(), store.location());
        assertEquals(dir.resolve("users.db").toAbsolutePath(), store.file());
        assertEquals("memory only", new InMemoryUserStore().location());
    }

    @Test
    void a_missing_data_directory_is_created() throws Exception {
        Path nested = dir.resolve("a").resolve("b");
        try (SqliteUserStore store = SqliteUserStore.open(nested)) {
            store.create("John", "john@example.com");
        }
        assertTrue(Files.isRegularFile(nested.resolve("users.db")));
    }

    @Test
    void the_log_is_folded_into_the_file_while_the_store_serves_and_after_a_clear() throws Exception {
        SqliteUserStore store = open();
        Path file = dir.resolve(SqliteUserStore.FILE_NAME);
        long emptyFile = Files.size(file);
        for (int i = 0; i < WalCheckpointer.COMMITS_PER_CHECKPOINT; i++) { // one commit each
            store.create("user" + i, "user" + i + "@example.com");
        }
        Await.until("a checkpoint after that many commits", () -> store.checkpoints() >= 1);
        assertTrue(Files.size(file) > emptyFile, "the users reached the file itself, not only its log");

        store.clear();
        Await.until("a checkpoint soon after a clear", () -> store.checkpoints() >= 2);
        assertEquals(List.of(), reopen(store).all());
    }

    @Test
    void concurrent_writes_and_reads_lose_nothing() throws Exception {
        SqliteUserStore store = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        User u = store.create("user" + thread, i + "@example.com");
                        assertEquals(u, store.get(u.id()).orElseThrow());
                        if (i % 10 == 0) {
                            assertTrue(store.delete(u.id()));
                        }
                        store.all();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(720, store.size());
        List<User> before = store.all();
        assertEquals(before, reopen(store).all());
        Set<String> ids = new HashSet<>();
        before.forEach(u -> ids.add(u.id()));
        assertEquals(720, ids.size());
    }

    @Test
    void a_second_store_on_the_same_directory_is_refused_and_the_first_keeps_its_lock() throws Exception {
        SqliteUserStore first = open();

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertMessageNamesFileAndWaysOut(refused);
        assertTrue(refused.getMessage().contains("another RestLab"), refused.getMessage());
        assertTrue(refused.getMessage().contains(dir.resolve("restlab.lock").toAbsolutePath().toString()));
        // The refused attempt must not have dropped the first one's OS lock (POSIX locks vanish
        // when any channel on the file closes): a third open must still be refused.
        assertThrows(StoreUnavailableException.class, this::open);
        first.create("John", "john@example.com");
        first.close();
        assertEquals(1, open().size());
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_and_left_untouched() throws Exception {
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("users.db");
        Files.write(file, garbage);

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertMessageNamesFileAndWaysOut(refused);
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("users.db-wal")));
    }

    @Test
    void a_damaged_database_is_refused_and_left_untouched() throws Exception {
        try (SqliteUserStore store = SqliteUserStore.open(dir)) {
            for (int i = 0; i < 2000; i++) {
                store.create("user" + i, "someone" + i + "@example.com");
            }
        }
        Path file = dir.resolve("users.db");
        byte[] whole = Files.readAllBytes(file);
        byte[] damaged = whole.clone();
        // Keep the 100-byte header, overwrite the first page's b-tree and a later page.
        for (int i = 100; i < 4096 && i < damaged.length; i++) {
            damaged[i] = (byte) 0xA5;
        }
        Files.write(file, damaged);

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertMessageNamesFileAndWaysOut(refused);
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }

    @Test
    void a_file_that_cannot_be_opened_is_refused_with_the_reason() throws Exception {
        Files.createDirectory(dir.resolve("users.db")); // unreadable as a file, even for root

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertMessageNamesFileAndWaysOut(refused);
        assertTrue(refused.getMessage().contains("cannot be opened"), refused.getMessage());
        assertTrue(Files.isDirectory(dir.resolve("users.db")));
    }

    @Test
    void a_data_directory_that_is_a_file_is_refused() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "keep me");

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                () -> SqliteUserStore.open(notADir));

        assertTrue(refused.getMessage().contains(notADir.toAbsolutePath().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("--in-memory"));
        assertEquals("keep me", Files.readString(notADir));
    }

    @Test
    void another_programs_database_is_refused_and_left_untouched() throws Exception {
        Path file = dir.resolve("users.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE invoices (n INTEGER)");
            sql.execute("INSERT INTO invoices VALUES (42)");
        }
        byte[] before = Files.readAllBytes(file);

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertMessageNamesFileAndWaysOut(refused);
        assertTrue(refused.getMessage().contains("not one of RestLab's"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void a_newer_format_is_refused_rather_than_misread() throws Exception {
        open().close();
        opened.clear();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("users.db"));
                Statement sql = db.createStatement()) {
            sql.execute("PRAGMA user_version=2");
        }

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, this::open);

        assertTrue(refused.getMessage().contains("format 2"), refused.getMessage());
    }

    @Test
    void a_closed_store_refuses_writes_and_closing_twice_is_harmless() throws Exception {
        SqliteUserStore store = open();
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.create("a", "b"));
    }

    private void assertMessageNamesFileAndWaysOut(StoreUnavailableException e) {
        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve("users.db").toAbsolutePath().toString()), message);
        assertTrue(message.contains("--data-dir"), message);
        assertTrue(message.contains("--in-memory"), message);
        assertFalse(message.contains("\n"), "one paragraph: " + message);
    }
}
