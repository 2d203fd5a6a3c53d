package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit in the durable store: writers that arrive while a commit is under way share the
 * next one, each returns only after its commit, and a failed commit fails every write in it with
 * memory and file left in step. The first commit is held at its COMMIT by a hook until the
 * writers under test are queued, so the groups are known without any timing.
 */
class GroupCommitTest {

    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    private final List<SqliteUserStore> opened = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
        opened.forEach(SqliteUserStore::close);
    }

    private SqliteUserStore open(Capacity capacity) throws StoreUnavailableException {
        SqliteUserStore store = SqliteUserStore.open(dir, capacity);
        opened.add(store);
        return store;
    }

    private List<User> reopened(SqliteUserStore store) throws StoreUnavailableException {
        store.close();
        return open(Capacity.DEFAULT).all();
    }

    /** Holds the first group at its COMMIT until released; later groups go through {@code then}. */
    private static final class HeldCommit implements SqliteUserStore.BeforeCommit {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger groups = new AtomicInteger();
        final List<Integer> sizes = new ArrayList<>();
        volatile SqliteUserStore.BeforeCommit then = size -> { };

        @Override
        public void run(int groupSize) throws SQLException {
            synchronized (sizes) {
                sizes.add(groupSize);
            }
            if (groups.getAndIncrement() == 0) {
                entered.countDown();
                try {
                    assertTrue(release.await(60, TimeUnit.SECONDS), "the test never released the commit");
                } catch (InterruptedException e) {
                    throw new SQLException("interrupted", e);
                }
                return;
            }
            then.run(groupSize);
        }
    }

    /** Starts a write that will be the held first group, and waits until it is held. */
    private Future<User> holdFirstGroup(SqliteUserStore store, HeldCommit held) throws InterruptedException {
        store.beforeCommit(held);
        Future<User> first = pool.submit(() -> store.create("First", "first@example.com"));
        assertTrue(held.entered.await(20, TimeUnit.SECONDS), "the first commit never started");
        return first;
    }

    private static void awaitWaiting(SqliteUserStore store, int writes) {
        Await.until(() -> store.waitingWrites() + " writes waiting, not " + writes,
                Await.DEFAULT_LIMIT, () -> store.waitingWrites() == writes);
    }

    @Test
    void writers_arriving_during_a_commit_share_the_next_commit_and_each_returns_after_it() throws Exception {
        SqliteUserStore store = open(Capacity.DEFAULT);
        User old = store.create("Old", "old@example.com");
        long commitsBefore = store.commits();
        long writesBefore = store.writes();
        HeldCommit held = new HeldCommit();
        Future<User> first = holdFirstGroup(store, held);

        List<Future<User>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS - 2; i++) {
            String name = "writer" + i;
            creates.add(pool.submit(() -> store.create(name, name + "@example.com")));
        }
        // Two deletes of the same user in one group: the second sees the first's change.
        Future<Boolean> delete1 = pool.submit(() -> store.delete(old.id()));
        Future<Boolean> delete2 = pool.submit(() -> store.delete(old.id()));
        awaitWaiting(store, WRITERS);
        for (Future<User> create : creates) {
            assertFalse(create.isDone(), "a write returned before its commit");
        }
        assertEquals(List.of(old), store.all(), "readers saw writes not yet committed");

        held.release.countDown();

        User firstUser = first.get(20, TimeUnit.SECONDS);
        List<User> expected = new ArrayList<>(List.of(firstUser));
        for (Future<User> create : creates) {
            expected.add(create.get(20, TimeUnit.SECONDS));
        }
        assertTrue(delete1.get(20, TimeUnit.SECONDS) ^ delete2.get(20, TimeUnit.SECONDS),
                "exactly one of two deletes of the same user deletes it");
        assertEquals(List.of(1, WRITERS), held.sizes, "one group held, then one group of all the waiting writers");
        assertEquals(commitsBefore + 2, store.commits(), "commits for " + (WRITERS + 1) + " writes");
        assertEquals(writesBefore + WRITERS + 1, store.writes());
        assertEquals(WRITERS - 2 + 1, store.size());
        assertTrue(store.all().containsAll(expected) && !store.all().contains(old));
        assertEquals(store.all(), reopened(store), "the file holds what memory holds");
    }

    @Test
    void a_failed_commit_fails_every_write_in_it_and_leaves_memory_and_file_in_step() throws Exception {
        SqliteUserStore store = open(Capacity.DEFAULT);
        User kept = store.create("Kept", "kept@example.com");
        HeldCommit held = new HeldCommit();
        held.then = size -> {
            throw new SQLException("disk I/O error (the test's)");
        };
        Future<User> first = holdFirstGroup(store, held);

        List<Future<?>> group = new ArrayList<>();
        for (int i = 0; i < WRITERS - 1; i++) {
            String name = "lost" + i;
            group.add(pool.submit(() -> store.create(name, name + "@example.com")));
        }
        group.add(pool.submit(() -> store.delete(kept.id())));
        awaitWaiting(store, WRITERS);
        held.release.countDown();

        User firstUser = first.get(20, TimeUnit.SECONDS);
        StoreWriteException reason = null;
        for (Future<?> write : group) {
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> write.get(20, TimeUnit.SECONDS));
            StoreWriteException e = assertInstanceOf(StoreWriteException.class, failed.getCause());
            assertFalse(e instanceof StoreFullException, e.getMessage());
            if (reason != null) {
                assertSame(reason, e, "every write in the group fails for the one reason");
            }
            reason = e;
        }
        assertTrue(reason.getMessage().contains("nothing was changed"), reason.getMessage());
        assertTrue(reason.getMessage().contains("disk I/O error (the test's)"), reason.getMessage());
        assertFalse(reason.getMessage().contains(dir.toString()) || reason.getMessage().contains("\n"),
                "one line naming no path: " + reason.getMessage());
        assertEquals(List.of(kept, firstUser), store.all(), "nothing of the failed group in memory");

        held.then = size -> { };
        User after = store.create("After", "after@example.com");
        assertEquals(List.of(kept, firstUser, after), store.all(), "the next commit works");
        assertEquals(List.of(kept, firstUser, after), reopened(store), "nothing of the failed group in the file");
    }

    @Test
    void a_group_past_the_capacity_refuses_only_the_writes_that_do_not_fit() throws Exception {
        SqliteUserStore store = open(new Capacity(3, 1024 * 1024));
        store.create("Zero", "zero@example.com");
        HeldCommit held = new HeldCommit();
        Future<User> first = holdFirstGroup(store, held); // the second user
        List<Future<User>> creates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "more" + i;
            creates.add(pool.submit(() -> store.create(name, name + "@example.com")));
        }
        awaitWaiting(store, 4);
        held.release.countDown();
        first.get(20, TimeUnit.SECONDS);

        int made = 0;
        int refused = 0;
        for (Future<User> create : creates) {
            try {
                create.get(20, TimeUnit.SECONDS);
                made++;
            } catch (ExecutionException e) {
                assertInstanceOf(StoreFullException.class, e.getCause());
                refused++;
            }
        }
        assertEquals(1, made, "one more fits in a store of 3");
        assertEquals(3, refused);
        assertEquals(3, store.size());
        assertEquals(store.all(), reopened(store));
    }
}
