package dev.restlab.users;

/**
 * A store has no room for a change: the disk holding its file is full, or it holds as much as
 * {@link Capacity} allows. The change did not happen and nothing was half-kept; the same write
 * can succeed later, once there is room again, without a restart. The message is one line for
 * the client (it names no path on this machine).
 */
public final class StoreFullException extends StoreWriteException {

    private StoreFullException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The disk holding the store's file has no room left ({@code cause} says how that showed). */
    public static StoreFullException diskFull(Throwable cause) {
        return new StoreFullException("the disk holding " + SqliteUserStore.FILE_NAME
                + " is full; nothing was changed. Free some space on it and send this again.", cause);
    }

    /** The store holds as much as {@code capacity} allows. */
    static StoreFullException atCapacity(Capacity capacity) {
        return new StoreFullException("RestLab keeps at most " + capacity.describe()
                + "; nothing was changed. Delete some users first.", null);
    }
}
