package dev.restlab.server;

/** The server could not start; the message says why in words a user can act on. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
