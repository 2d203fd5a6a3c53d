package dev.restlab.users;

import java.nio.file.Path;

/**
 * Where the person running RestLab wants users kept: in a data directory on disk, or in memory
 * only (the handout's behaviour). Main makes it from the command line; the window and headless
 * mode both open the store from it, so they always agree.
 *
 * @param dataDir the data directory, or null for memory only
 */
public record StoreChoice(Path dataDir) {

    /** Users kept in memory only, gone when RestLab stops. */
    public static StoreChoice inMemory() {
        return new StoreChoice(null);
    }

    /** Users kept in {@code dataDir}. */
    public static StoreChoice durable(Path dataDir) {
        return new StoreChoice(dataDir.toAbsolutePath().normalize());
    }

    /** Users kept in this system's usual data directory (see {@link DataDirectory}). */
    public static StoreChoice defaultDurable() {
        return durable(DataDirectory.defaultPath());
    }

    public boolean isInMemory() {
        return dataDir == null;
    }

    /** Opens the chosen store; the caller closes it. */
    public UserStore open() throws StoreUnavailableException {
        return isInMemory() ? new InMemoryUserStore() : SqliteUserStore.open(dataDir);
    }
}
