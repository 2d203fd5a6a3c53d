package dev.restlab.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The request a scenario's case sends. {@code {id}} in the path stands for the user id an
 * earlier case remembered, on each server its own.
 *
 * @param headers request headers in the order they are sent ({@code Host}, {@code Content-Length}
 *                and {@code Connection: close} are added)
 * @param body    the body as UTF-8, or empty for none
 * @param padTo   0, or the size in bytes the body is brought to with spaces appended (JSON allows
 *                whitespace after a value): for a very large body without a very large file
 */
public record ScenarioRequest(String method, String path, Map<String, String> headers, String body, int padTo) {

    /** The largest padded body a scenario may ask for: enough to pass any sane server's limit. */
    public static final int MAX_PAD = 16 * 1024 * 1024;

    /** The keys a scenario file may use in a case's {@code request}. */
    static final Set<String> KEYS = Set.of("method", "path", "headers", "body", "padTo");

    public ScenarioRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers)); // in the order written
    }
}
