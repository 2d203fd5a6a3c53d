package dev.restlab.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one query parameter from the raw query string. Going through the servlet's
 * {@code getParameter} would also parse a form body, which a client could make huge.
 */
final class QueryString {

    private QueryString() {
    }

    /**
     * The first value of {@code name}, decoded as UTF-8, like Flask's {@code request.args.get}.
     *
     * @throws IllegalArgumentException when a percent-escape is broken
     */
    static Optional<String> first(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
