package dev.restlab.lab;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request a scenario step sends (to the server being checked and to RestLab's own), and what
 * of the two answers must agree. {@code {id}} in the path stands for the user id an earlier step
 * remembered, on each server its own.
 *
 * @param headers request headers in the order they are sent ({@code Host}, {@code Content-Length}
 *                and {@code Connection: close} are added)
 * @param body    the body as UTF-8, or empty for none
 * @param padTo   0, or the size in bytes the body is brought to with spaces appended (JSON allows
 *                whitespace after a value): for a very large body without a very large file
 * @param handout true for one of the handout's own curl commands: {@code check} fails (exit 1)
 *                only when one of these differs
 * @param compare what of the two answers must agree
 */
public record Probe(String method, String path, Map<String, String> headers, String body, int padTo,
        boolean handout, Set<Aspect> compare) {

    /** The largest padded body a scenario may ask for: enough to pass any sane server's limit. */
    public static final int MAX_PAD = 16 * 1024 * 1024;

    /** What of an answer is compared. */
    public enum Aspect {
        /** The status code. */
        STATUS,
        /** The media type of the body (parameters such as charset aside). */
        TYPE,
        /** The body, by meaning: JSON as values, UUIDs as "some UUID". */
        BODY;

        /** The name a scenario file uses: {@code status}, {@code type}, {@code body}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Probe {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers)); // in the order written
        compare = compare.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(compare));
    }

    /** The keys a scenario file may use in a step's {@code request}. */
    static final Set<String> KEYS = Set.of("method", "path", "headers", "body", "padTo");
}
