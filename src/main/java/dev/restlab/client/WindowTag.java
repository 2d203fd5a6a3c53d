package dev.restlab.client;

import dev.restlab.http.Api;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Request;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How the window marks the requests it sends itself: a header {@code X-RestLab-Window: <token>
 * <kind>} whose token is a random secret made once per run of RestLab. A command copied from the
 * window leaves the header out, and a header typed or pasted from an earlier run carries another
 * token, so only this window's own requests are taken for the window's.
 */
public final class WindowTag {

    /** The header's name (also known to the copy commands, which leave it out). */
    public static final String HEADER = Api.WINDOW_TAG_HEADER;

    /** Why the window sent a request. */
    public enum Kind {
        /** The user asked for it: a form, the composer, the lab. */
        USER,
        /** The window sent it by itself, e.g. to keep a table up to date. */
        BACKGROUND;

        /** The kind as written in the header: {@code user}, {@code background}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // nextBytes, not generateSeed: a seed may wait on the kernel's entropy, the window must not.
    private static final String TOKEN = newToken();

    private WindowTag() {
    }

    private static String newToken() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The header's value for a request of this kind, e.g. {@code 3f9c01d2a4b5e6f7 user}. */
    public static String value(Kind kind) {
        return TOKEN + " " + kind.word();
    }

    /** The kind of a request this window sent, or empty for every other client's request. */
    public static Optional<Kind> kindOf(Request request) {
        Optional<String> value = request.header(HEADER);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().strip().split(" ", -1);
        if (parts.length != 2 || !parts[0].equals(TOKEN)) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.word().equals(parts[1])) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** True when this window (in this run of RestLab) sent the request. */
    public static boolean isWindow(Request request) {
        return kindOf(request).isPresent();
    }

    /** True when this window sent the exchange's request. */
    public static boolean isWindow(Exchange exchange) {
        return isWindow(exchange.request());
    }

    /** The kind of the exchange's request when this window sent it. */
    public static Optional<Kind> kindOf(Exchange exchange) {
        return kindOf(exchange.request());
    }
}
