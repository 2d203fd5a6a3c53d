package dev.restlab.ui.serverbar;

import dev.restlab.http.TargetUrl;
import java.util.List;

/**
 * What the window may do with the embedded server. The app wires it to the real server, so the
 * ui package never reaches into server internals.
 */
public interface ServerControl {

    /** Starts serving; returns the bound port. The exception message is shown to the user. */
    int start(String host, int port) throws Exception;

    void stop() throws Exception;

    /**
     * What the next {@link #start} serves: a proxy to {@code target} (every request relayed to
     * that server), or with null the built-in API.
     */
    void setProxyTarget(TargetUrl target);

    /** The URLs at which others reach a server bound to {@code host:port}. */
    List<String> urls(String host, int port);

    /** Whether binding {@code host} listens on every network interface (0.0.0.0, ::, …). */
    boolean isWildcard(String host);

    /**
     * Also answers requests whose {@code Host} names {@code name}. The exception message (a name
     * that is no host name) is shown to the user.
     */
    void allowHost(String name) throws Exception;

    /** The names added with {@link #allowHost}, sorted. */
    List<String> allowedHosts();

    /** Where users are kept, in words: a file path, or memory only. */
    String usersLocation();

    /** Forgets every user (the window asks the person first). */
    void resetUsers() throws Exception;
}
