package dev.restlab.proxy;

import java.util.List;

/**
 * Which host names a request may give (in {@code Host} or an absolute-form target) and still be
 * relayed: the same rule as RestLab's own server, so that proxy mode is no way round the DNS
 * rebinding check. The server decides; the relay only asks.
 */
@FunctionalInterface
public interface HostRule {

    /** Relays every request: for tests that are not about host names. */
    HostRule ANY = (method, targetHost, hostHeaders) -> null;

    /**
     * Why a request is answered {@code 421 Misdirected Request} instead of being relayed, in one
     * line, or null when it may pass.
     *
     * @param targetHost the host of an absolute-form target ({@code GET http://x/ HTTP/1.1}), or null
     * @param hostHeaders the values of its {@code Host} headers, as sent
     */
    String refusal(String method, String targetHost, List<String> hostHeaders);
}
