package dev.restlab.users;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit, as databases do it: writes wait in a queue, and one writer thread takes every
 * write that is waiting and hands them to a {@link Committer} as one group, to be committed in
 * one transaction with one fsync. Writes that arrive while a group is being committed wait for
 * the next group. A caller's {@link Write#await()} returns only once the group holding its
 * write was committed (or failed), so nothing is acknowledged before it is on disk, and a durable store
 * under many writers pays one fsync per group instead of one per write.
 *
 * @param <W> a write, as the committer understands it
 */
final class GroupCommit<W extends GroupCommit.Write<?>> implements AutoCloseable {

    /** The most writes one group takes: bounds one transaction and the wait of its last member. */
    static final int MAX_GROUP = 1024;

    /** Commits a group of writes, completing each; whatever it leaves incomplete fails. */
    @FunctionalInterface
    interface Committer<W> {
        void commit(List<W> group);
    }

    /**
     * One write waiting for its group's commit. The committer completes it with its result, or
     * fails it; the submitting thread waits for that.
     *
     * @param <T> what the caller gets back once the write is committed
     */
    abstract static class Write<T> {
        private final CompletableFuture<T> outcome = new CompletableFuture<>();

        final void succeed(T result) {
            outcome.complete(result);
        }

        final void fail(RuntimeException cause) {
            outcome.completeExceptionally(cause);
        }

        final boolean isDone() {
            return outcome.isDone();
        }

        /** Waits for the commit (not interruptibly: a commit under way finishes either way). */
        final T await() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }
    }

    private final Committer<W> committer;
    private final ArrayDeque<W> waiting = new ArrayDeque<>();
    private final Thread writer;
    private boolean closing;
    private long groups;
    private long writes;

    GroupCommit(String threadName, Committer<W> committer) {
        this.committer = committer;
        this.writer = new Thread(this::commitUntilClosed, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a write for the next group; {@link Write#await()} then waits until that group has
     * been committed or has failed.
     *
     * @throws IllegalStateException when this is closed
     */
    void enqueue(W write) {
        synchronized (this) {
            if (closing) {
                throw new IllegalStateException("closed");
            }
            waiting.add(write);
            notifyAll();
        }
    }

    /** Writes waiting for a group (not counting the group being committed). */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Groups committed or failed so far. */
    synchronized long groups() {
        return groups;
    }

    /** Writes taken into groups so far. */
    synchronized long writes() {
        return writes;
    }

    /** Commits what is waiting, then stops the writer thread; later submits are refused. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        Uninterruptibly.join(writer);
    }

    private void commitUntilClosed() {
        while (true) {
            List<W> group = nextGroup();
            if (group == null) {
                return;
            }
            try {
                committer.commit(group);
            } catch (RuntimeException e) {
                group.forEach(write -> write.fail(e));
            } catch (Error e) {
                group.forEach(write -> write.fail(new StoreWriteException("The write failed: " + e, e)));
                throw e;
            }
            RuntimeException forgotten = new IllegalStateException("the write was neither committed nor refused");
            group.stream().filter(write -> !write.isDone()).forEach(write -> write.fail(forgotten));
        }
    }

    /** Waits for writes and takes all that wait (up to {@link #MAX_GROUP}); null once closed and drained. */
    private synchronized List<W> nextGroup() {
        boolean interrupted = false;
        while (waiting.isEmpty() && !closing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // only close() ends this thread
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (waiting.isEmpty()) {
            return null;
        }
        List<W> group = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
        while (!waiting.isEmpty() && group.size() < MAX_GROUP) {
            group.add(waiting.poll());
        }
        groups++;
        writes += group.size();
        return group;
    }
}
