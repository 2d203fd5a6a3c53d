package dev.restlab.openapi;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    /**
     * Whether every %-escape of a raw path is two hex digits and together they spell UTF-8: the
     * server refuses any other path with 400 before routing it.
     */
    static boolean isUtf8PercentEncoded(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
            int low = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
