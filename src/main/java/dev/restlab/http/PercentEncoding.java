package dev.restlab.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of %-escapes (RFC 3986 §2.1) in request paths and query strings, as they crossed
 * the wire. Each use decides what to make of bytes that are not UTF-8: the server refuses such a
 * path, a query is read as Flask reads it, a HAR file keeps the text as sent.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * The bytes the text spells: each {@code %XX} becomes its byte, any other character its UTF-8
     * bytes, and (with {@code plusIsSpace}, as in a query string) {@code +} a space. A broken
     * escape ({@code %} not followed by two hex digits) is kept as it was typed.
     */
    public static byte[] decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && isEscape(raw, i)) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                bytes.writeBytes(raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The text as Flask (Werkzeug) reads a query parameter or a path segment: escapes decoded,
     * bytes that are not UTF-8 as U+FFFD, a broken escape as typed.
     */
    public static String decodeText(String raw, boolean plusIsSpace) {
        return new String(decode(raw, plusIsSpace), StandardCharsets.UTF_8);
    }

    /** Whether every {@code %} starts an escape of two hex digits. */
    public static boolean isWellFormed(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (!isEscape(raw, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every %-escape of a raw path is two hex digits and together they spell UTF-8: the
     * server refuses any other path with 400 before routing it, and the OpenAPI document says so.
     */
    public static boolean isUtf8(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        return isWellFormed(rawPath) && Utf8.isValid(decode(rawPath, false));
    }

    private static boolean isEscape(String raw, int percent) {
        return percent + 2 < raw.length() && hex(raw.charAt(percent + 1)) >= 0 && hex(raw.charAt(percent + 2)) >= 0;
    }

    /** An ASCII hex digit's value, else -1 (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
