package dev.restlab.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A query string read into its {@code name=value} pairs, in the order sent: the one reader of
 * queries for the server's routes, the labs, the HAR export and the views.
 *
 * @param raw   the query as sent, without its {@code ?} (empty when there was none)
 * @param pairs the pairs, empty ones ({@code a&&b}) left out as Flask leaves them out
 */
public record Query(String raw, List<Pair> pairs) {

    public static final Query NONE = new Query("", List.of());

    public Query {
        pairs = List.copyOf(pairs);
    }

    /** Splits a raw query (without its {@code ?}) at {@code &}, then each pair at its first {@code =}. */
    public static Query parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        List<Pair> pairs = new ArrayList<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            pairs.add(equals < 0 ? new Pair(pair, "") : new Pair(pair.substring(0, equals), pair.substring(equals + 1)));
        }
        return new Query(raw, pairs);
    }

    /**
     * The first value of {@code name}, as Flask's {@code request.args.get} reads it.
     *
     * @throws IllegalArgumentException when an escape read on the way is broken (a name before
     *         it, or the value itself): the server answers such a query 400
     */
    public Optional<String> first(String name) {
        for (Pair pair : pairs) {
            if (!PercentEncoding.isWellFormed(pair.rawName())) {
                throw new IllegalArgumentException("broken %-escape in the query parameter name " + pair.rawName());
            }
            if (pair.name().equals(name)) {
                if (!PercentEncoding.isWellFormed(pair.rawValue())) {
                    throw new IllegalArgumentException("broken %-escape in the value of " + name);
                }
                return Optional.of(pair.value());
            }
        }
        return Optional.empty();
    }

    /**
     * One {@code name=value} of a query; {@code value} is empty for a bare {@code name}.
     * {@link #name()} and {@link #value()} read them as Flask does: {@code +} is a space, escapes
     * are decoded, bytes that are not UTF-8 become U+FFFD and a broken escape stays as typed.
     */
    public record Pair(String rawName, String rawValue) {

        public String name() {
            return PercentEncoding.decodeText(rawName, true);
        }

        public String value() {
            return PercentEncoding.decodeText(rawValue, true);
        }
    }
}
