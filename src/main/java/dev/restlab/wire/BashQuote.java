package dev.restlab.wire;

import dev.restlab.http.Utf8;
import java.nio.charset.StandardCharsets;

/** Quotes text and bytes as single bash words that survive pasting into a terminal unchanged. */
final class BashQuote {

    private BashQuote() {
    }

    static String quote(String text) {
        return quote(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Plain {@code '...'} when the bytes are UTF-8 text without control characters (inside single
     * quotes bash expands nothing, not even {@code !}); otherwise ANSI-C {@code $'...'} with
     * escapes for line ends, control bytes and, when the bytes are not UTF-8, every byte above 127.
     */
    static String quote(byte[] bytes) {
        boolean utf8 = Utf8.isValid(bytes);
        boolean controls = false;
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                controls = true;
                break;
            }
        }
        if (utf8 && !controls) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return "'" + text.replace("'", "'\\''") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                default -> {
                    if (b < 0x20 || b == 0x7f || (b >= 0x80 && !utf8)) {
                        quoted.append(String.format("\\x%02x", b));
                    } else if (b >= 0x80) {
                        // A whole UTF-8 sequence, kept as the character it is.
                        int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                        quoted.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                        i += length;
                        continue;
                    } else {
                        quoted.append((char) b);
                    }
                }
            }
            i++;
        }
        return quoted.append('\'').toString();
    }

    static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** A {@code printf} command that writes exactly these bytes, NUL included. */
    static String printf(byte[] bytes) {
        StringBuilder format = new StringBuilder();
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\' && b != '%' && b != '\'') {
                format.append((char) b);
            } else {
                format.append(String.format("\\%03o", b));
            }
        }
        return "printf '" + format + "'";
    }

}
