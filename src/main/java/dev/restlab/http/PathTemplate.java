package dev.restlab.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /people/v1/users/{id}}, matched segment by segment against a request path
 * as it came on the wire: a {@code {name}} takes one non-empty segment, every other segment must
 * be spelled exactly (escapes are not decoded, path parameters after {@code ;} and {@code .}
 * segments are not removed), and a trailing slash counts. The server routes by these rules and the
 * OpenAPI check uses the same ones, so both agree on which path is which.
 */
public final class PathTemplate {

    private final String template;
    private final String[] segments;

    /** @throws IllegalArgumentException when the template does not start with '/' */
    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template must start with '/': " + template);
        }
        this.template = template;
        this.segments = template.split("/", -1);
    }

    public String template() {
        return template;
    }

    /** True when the template has no {@code {name}} segment. */
    public boolean isLiteral() {
        return !template.contains("{");
    }

    /**
     * The same answer as {@code parameters(path).isPresent()}, without splitting the path: the
     * server asks this of every request.
     *
     * @param path a request path without its query, as it came on the wire
     */
    public boolean matches(String path) {
        int start = 0;
        for (int i = 0; i < segments.length; i++) {
            int end = path.indexOf('/', start);
            boolean last = i == segments.length - 1;
            if (last != (end < 0)) {
                return false; // fewer or more segments than the template
            }
            if (end < 0) {
                end = path.length();
            }
            String segment = segments[i];
            if (parameterName(segment) == null
                    ? segment.length() != end - start || !path.startsWith(segment, start)
                    : end == start) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * The value of each {@code {name}} segment, still %-escaped as sent, when the path matches;
     * empty when it does not.
     */
    public Optional<Map<String, String>> parameters(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String name = parameterName(segments[i]);
            if (name == null ? !segments[i].equals(parts[i]) : parts[i].isEmpty()) {
                return Optional.empty();
            }
            if (name != null) {
                values.put(name, parts[i]);
            }
        }
        return Optional.of(Collections.unmodifiableMap(values));
    }

    /**
     * The template with each {@code {name}} written {@code :name}, the form Spark's route
     * patterns take.
     */
    public String colonForm() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String name = parameterName(segments[i]);
            form.append(i == 0 ? "" : "/").append(name == null ? segments[i] : ":" + name);
        }
        return form.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    private static String parameterName(String segment) {
        boolean parameter = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
        return parameter ? segment.substring(1, segment.length() - 1) : null;
    }
}
