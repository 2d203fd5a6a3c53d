package dev.restlab.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Checks the %-escapes of a raw request path, as they crossed the wire. */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * Whether every %-escape of a raw path is two hex digits and together they spell UTF-8: the
     * server refuses any other path with 400 before routing it, and the OpenAPI document says so.
     */
    public static boolean isUtf8(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                return false;
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return Utf8.isValid(bytes.toByteArray());
    }
}
