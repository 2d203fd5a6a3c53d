package dev.restlab.ui.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a shell command may break across lines when it is shown: between its shell words, and
 * inside a word too long for a line only after a URL's separators ({@code / ? & =}) or at the
 * spaces of a quoted part (a JSON body's), never inside a token: {@code ?name=Nobody'} stays whole,
 * or breaks after its {@code ?} or {@code =}. The lines joined give the command back, so a copy of
 * the shown text with its line breaks taken out is the command itself.
 */
final class CommandBreaks {

    private static final String URL_SEPARATORS = "/?&=";

    private CommandBreaks() {
    }

    /**
     * The command's lines, each at most {@code columns} characters (spaces at a line's end not
     * counted) wherever the breaks allow; a piece with no break in it that is longer than a line
     * keeps its own line whole rather than being cut.
     */
    static List<String> lines(String command, int columns) {
        int width = Math.max(1, columns);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : shellWords(command)) {
            if (visible(word) <= width) {
                if (!fits(line, word, width)) {
                    flush(lines, line);
                }
                line.append(word);
            } else {
                for (String piece : pieces(word)) {
                    if (!fits(line, piece, width)) {
                        flush(lines, line);
                    }
                    line.append(piece);
                }
            }
        }
        flush(lines, line);
        return lines;
    }

    /**
     * Whether a line may break just before {@code index} of {@code command}: after a run of spaces
     * (between shell words, or inside quotes), or after a URL separator when a token follows
     * ({@code http://} keeps its two slashes together).
     */
    static boolean allowedBreak(String command, int index) {
        if (index <= 0 || index >= command.length()) {
            return false;
        }
        char before = command.charAt(index - 1);
        char at = command.charAt(index);
        if (Character.isWhitespace(at)) {
            return false;
        }
        if (Character.isWhitespace(before)) {
            return true;
        }
        return URL_SEPARATORS.indexOf(before) >= 0 && URL_SEPARATORS.indexOf(at) < 0;
    }

    /** The command's shell words, each with the spaces after it; quotes keep their spaces inside the word. */
    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++; // an escaped character is part of the word, a space too
            } else if (!Character.isWhitespace(c) && i > start && Character.isWhitespace(command.charAt(i - 1))) {
                words.add(command.substring(start, i));
                start = i;
            }
        }
        if (start < command.length()) {
            words.add(command.substring(start));
        }
        return words;
    }

    /** A word cut at the breaks allowed inside it. */
    private static List<String> pieces(String word) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            if (allowedBreak(word, i)) {
                pieces.add(word.substring(start, i));
                start = i;
            }
        }
        pieces.add(word.substring(start));
        return pieces;
    }

    private static boolean fits(StringBuilder line, String next, int width) {
        return line.length() == 0 || line.length() + visible(next) <= width;
    }

    /** The room a piece takes at a line's end: its trailing spaces need none. */
    private static int visible(String piece) {
        return piece.stripTrailing().length();
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }
}
