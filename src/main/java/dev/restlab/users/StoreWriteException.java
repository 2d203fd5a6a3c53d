package dev.restlab.users;

/**
 * A durable store could not write a change (the disk is full, the file vanished): the change did
 * not happen, and the caller must not report success.
 */
public final class StoreWriteException extends RuntimeException {
    public StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
