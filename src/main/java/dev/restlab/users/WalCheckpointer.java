package dev.restlab.users;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds users.db's write-ahead log back into the file on a thread and connection of its own, so
 * that no write waits for it. SQLite's automatic checkpoint would run inside the COMMIT that
 * crosses its threshold, on the writer thread: the writes of that group would wait for the
 * checkpoint's copying and its two fsyncs before their 201s. The writer's connection therefore
 * has {@code wal_autocheckpoint=0}, tells this one of each commit, and this runs a PASSIVE
 * checkpoint (which never blocks the writer, nor waits for it) every
 * {@link #COMMITS_PER_CHECKPOINT} commits, or soon after a clear. A checkpoint that fails is
 * logged and tried again later: the log keeps every commit until one succeeds, so nothing is lost.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    /**
     * Commits between checkpoints: a group writes a few pages, so this keeps the log near SQLite's
     * default of 1,000 pages, after which a writer starts it again from its beginning.
     */
    static final int COMMITS_PER_CHECKPOINT = 256;

    private final Connection db;
    private final Thread thread;
    private int commitsSince;
    private boolean closing;
    private long checkpoints;

    private WalCheckpointer(Connection db) {
        this.db = db;
        this.thread = new Thread(this::checkpointUntilClosed, "users.db checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens its own connection to {@code file}, already in WAL mode, and starts its thread. */
    static WalCheckpointer open(Path file) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement sql = db.createStatement()) {
            sql.execute("PRAGMA busy_timeout=2000");
            sql.execute("PRAGMA synchronous=FULL"); // the log is fsynced before its pages are copied
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return new WalCheckpointer(db);
    }

    /** Told after each commit (on the writer thread; cheap): a clear asks for a checkpoint soon. */
    synchronized void committed(boolean cleared) {
        commitsSince = cleared ? COMMITS_PER_CHECKPOINT : commitsSince + 1;
        if (commitsSince >= COMMITS_PER_CHECKPOINT) {
            notifyAll();
        }
    }

    /** Checkpoints that completed so far. */
    synchronized long checkpoints() {
        return checkpoints;
    }

    /** Stops the thread (a checkpoint under way finishes) and closes its connection. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        Uninterruptibly.join(thread);
        try {
            db.close();
        } catch (SQLException e) {
            // Nothing to do: the writer's connection, closed last, checkpoints the log itself.
        }
    }

    private void checkpointUntilClosed() {
        while (awaitEnoughCommits()) {
            try (Statement sql = db.createStatement()) {
                sql.execute("PRAGMA wal_checkpoint(PASSIVE)");
                synchronized (this) {
                    checkpoints++;
                }
            } catch (SQLException e) {
                LOG.warn("Could not fold the write-ahead log into {} (tried again later): {}",
                        SqliteUserStore.FILE_NAME, e.getMessage());
            }
        }
    }

    /** Waits until enough commits were made since the last checkpoint; false once closing. */
    private synchronized boolean awaitEnoughCommits() {
        while (commitsSince < COMMITS_PER_CHECKPOINT && !closing) {
            try {
                wait();
            } catch (InterruptedException e) {
                // Only close() ends this thread. The interrupt is not set again: the next wait()
                // would throw at once, and the thread would spin instead of waiting.
            }
        }
        commitsSince = 0;
        return !closing;
    }
}
