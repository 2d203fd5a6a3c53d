package dev.restlab.users;

import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads SQLite's driver (it unpacks and loads its native library: about a tenth of a second) on a
 * thread of its own, for a start that will open the users' file once its command line is read.
 */
public final class SqliteLoading {

    private SqliteLoading() {
    }

    /** Starts loading the driver; the store's own opening waits for it, and reports any failure. */
    public static void beginInBackground() {
        Thread loader = new Thread(SqliteLoading::load, "restlab-sqlite-load");
        loader.setDaemon(true);
        loader.start();
    }

    private static void load() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // Opening the store loads the driver again, and says what went wrong where the user sees it.
        }
    }
}
