package dev.restlab.server;

import java.util.Optional;

/**
 * Finds the first place where a text is not JSON (RFC 8259) and says what is wrong there, in
 * words a student can act on. Gson can tell that a text is malformed, but its messages advise on
 * Gson's own API ("Use JsonReader.setStrictness…") and often point past the fault. Unlike Gson,
 * this also refuses half of a UTF-16 surrogate pair escaped on its own ({@code "\ud800"}), which
 * is no character: stored, it would turn into {@code ?}.
 */
final class JsonSyntax {

    /** Where a text stops being JSON (line and column from 1) and why. */
    record Fault(int line, int column, String reason) {
    }

    private static final String VALUE = "expected a value: an object, an array, a string in double quotes,"
            + " a number, true, false or null";

    private final String text;
    private final int nestingLimit;
    private int at;

    private JsonSyntax(String text, int nestingLimit) {
        this.text = text;
        this.nestingLimit = nestingLimit;
    }

    /** The first fault of {@code text} as one JSON document, or empty when it is one. */
    static Optional<Fault> firstFault(String text, int nestingLimit) {
        JsonSyntax syntax = new JsonSyntax(text, nestingLimit);
        try {
            syntax.document();
            return Optional.empty();
        } catch (Stop stop) {
            return Optional.of(syntax.fault(stop));
        }
    }

    private void document() {
        whitespace();
        value(0);
        whitespace();
        if (at < text.length()) {
            throw new Stop(at, "unexpected text after the JSON value");
        }
    }

    private void value(int depth) {
        if (at >= text.length()) {
            throw new Stop(at, "the body ends where a value should start");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            case '\'' -> throw new Stop(at, "strings need double quotes, not single ones");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw new Stop(at, VALUE);
                }
            }
        }
    }

    private void object(int depth) {
        nest(depth);
        at++;
        whitespace();
        if (next('}')) {
            return;
        }
        while (true) {
            whitespace();
            if (at >= text.length()) {
                throw new Stop(at, "the body ends inside an object");
            }
            if (text.charAt(at) != '"') {
                throw new Stop(at, text.charAt(at) == '\'' ? "names need double quotes, not single ones"
                        : "expected a name in double quotes");
            }
            string();
            whitespace();
            if (!next(':')) {
                throw new Stop(at, "expected ':' after the name");
            }
            whitespace();
            value(depth);
            whitespace();
            if (next('}')) {
                return;
            }
            if (!next(',')) {
                throw new Stop(at, at >= text.length() ? "the body ends inside an object" : "expected ',' or '}'");
            }
        }
    }

    private void array(int depth) {
        nest(depth);
        at++;
        whitespace();
        if (next(']')) {
            return;
        }
        while (true) {
            whitespace();
            value(depth);
            whitespace();
            if (next(']')) {
                return;
            }
            if (!next(',')) {
                throw new Stop(at, at >= text.length() ? "the body ends inside an array" : "expected ',' or ']'");
            }
        }
    }

    private void nest(int depth) {
        if (depth > nestingLimit) {
            throw new Stop(at, "nested deeper than " + nestingLimit + " levels");
        }
    }

    private void string() {
        int start = at;
        at++;
        while (true) {
            if (at >= text.length()) {
                throw new Stop(start, "a string is not closed: the body ends before its closing quote");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return;
            }
            if (c < 0x20) {
                throw new Stop(at, String.format("the control character U+%04X must be escaped in a string", (int) c));
            }
            if (c == '\\') {
                escape();
            } else if (Character.isHighSurrogate(c) && at + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(at + 1))) {
                at += 2;
            } else if (Character.isSurrogate(c)) {
                throw new Stop(at, "half of a UTF-16 surrogate pair stands alone: it is no character");
            } else {
                at++;
            }
        }
    }

    private void escape() {
        int start = at;
        if (at + 1 >= text.length()) {
            throw new Stop(start, "a string is not closed: the body ends in an escape");
        }
        char kind = text.charAt(at + 1);
        if ("\"\\/bfnrt".indexOf(kind) >= 0) {
            at += 2;
            return;
        }
        if (kind != 'u') {
            throw new Stop(start, "\\" + printable(kind) + " is not an escape JSON knows"
                    + " (these are: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        char unit = unicodeEscape(start);
        if (Character.isHighSurrogate(unit)) {
            boolean paired = text.startsWith("\\u", at) && Character.isLowSurrogate(unicodeEscape(at));
            if (!paired) {
                throw new Stop(start, text.substring(start, start + 6) + " is the first half of a UTF-16"
                        + " surrogate pair, and no second half (\\udc00 to \\udfff) follows: it is no character");
            }
        } else if (Character.isLowSurrogate(unit)) {
            throw new Stop(start, text.substring(start, start + 6) + " is the second half of a UTF-16"
                    + " surrogate pair, and no first half (\\ud800 to \\udbff) comes before it: it is no character");
        }
    }

    /** Reads {@code \}{@code uXXXX} at {@code start} and moves past it. */
    private char unicodeEscape(int start) {
        if (start + 6 > text.length()) {
            throw new Stop(start, "\\u must be followed by four hex digits");
        }
        int value = 0;
        for (int i = start + 2; i < start + 6; i++) {
            int digit = "0123456789abcdef".indexOf(Character.toLowerCase(text.charAt(i)));
            if (digit < 0) {
                throw new Stop(start, "\\u must be followed by four hex digits");
            }
            value = value * 16 + digit;
        }
        at = start + 6;
        return (char) value;
    }

    private void number() {
        int start = at;
        next('-');
        if (next('0')) {
            if (at < text.length() && isDigit(text.charAt(at))) {
                throw new Stop(start, "a number may not start with 0 (write 7, not 07)");
            }
        } else if (!digits()) {
            throw new Stop(start, "a number is malformed (JSON numbers look like 42, -1.5 or 2e10)");
        }
        if (next('.') && !digits()) {
            throw new Stop(start, "a number is malformed: digits must follow the decimal point");
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            if (!digits()) {
                throw new Stop(start, "a number is malformed: digits must follow the exponent's e");
            }
        }
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw new Stop(at, VALUE);
        }
        at += word.length();
    }

    private void whitespace() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean next(char expected) {
        if (at < text.length() && text.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private Fault fault(Stop stop) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < stop.at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Fault(line, stop.at - lineStart + 1, stop.reason);
    }

    /** Ends the scan at the first fault; no stack trace, it is not an error of ours. */
    private static final class Stop extends RuntimeException {
        final int at;
        final String reason;

        Stop(int at, String reason) {
            super(reason, null, false, false);
            this.at = at;
            this.reason = reason;
        }
    }
}
