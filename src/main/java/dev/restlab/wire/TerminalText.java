package dev.restlab.wire;

/**
 * Text from the wire made safe for a terminal: control characters are shown escaped
 * ({@code \x1b}) so that a request cannot clear the screen, recolour it or retitle the window.
 * Line ends (LF, CR LF) and tabs stay as they are, so ordinary traffic prints unchanged.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static String safe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = !isControl(c) || c == '\n' || c == '\t'
                    || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (keep) {
                if (safe != null) {
                    safe.append(c);
                }
                continue;
            }
            if (safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            safe.append(String.format("\\x%02x", (int) c));
        }
        return safe == null ? text : safe.toString();
    }

    /** C0 controls, DEL, and the C1 controls that some terminals obey as escape sequences. */
    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }
}
