package dev.restlab.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An OpenAPI path such as {@code /people/v1/users/{id}}, matched as the server's router matches:
 * a {@code {name}} takes one non-empty segment, a trailing slash counts.
 */
final class PathTemplate {

    private final String template;
    private final String[] segments;

    PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("an OpenAPI path must start with '/': " + template);
        }
        this.template = template;
        this.segments = template.split("/", -1);
    }

    String template() {
        return template;
    }

    boolean isLiteral() {
        return !template.contains("{");
    }

    /** @param path a request path without query, as it came on the wire (percent-escapes allowed) */
    boolean matches(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != segments.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            boolean parameter = segments[i].startsWith("{") && segments[i].endsWith("}");
            if (parameter ? parts[i].isEmpty() : !segments[i].equals(decode(parts[i]))) {
                return false;
            }
        }
        return true;
    }

    /** The server routes on the decoded path; '+' is a plus in a path, not a space. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return segment;
        }
    }

}
