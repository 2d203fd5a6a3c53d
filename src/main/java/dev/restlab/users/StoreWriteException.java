package dev.restlab.users;

/**
 * A durable store could not write a change (the disk failed, the file vanished): the change did
 * not happen, and the caller must not report success.
 */
public class StoreWriteException extends RuntimeException {
    public StoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
