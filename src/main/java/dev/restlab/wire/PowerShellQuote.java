package dev.restlab.wire;

/** Quotes text as one PowerShell word: inside single quotes only the quote itself is special. */
final class PowerShellQuote {

    private PowerShellQuote() {
    }

    static String quote(String text) {
        // PowerShell also reads the typographic quotes U+2018..U+201B as single quotes.
        return "'" + text.replaceAll("(['\u2018\u2019\u201a\u201b])", "$1$1") + "'";
    }
}
