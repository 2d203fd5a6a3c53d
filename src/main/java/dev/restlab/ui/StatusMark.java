package dev.restlab.ui;

import java.util.Arrays;
import java.util.List;

/**
 * A status code's class at a glance: a symbol and a colour (the style sheet's
 * {@code .status-2xx} and the like), never the colour alone, for the part of the class that
 * cannot tell green from red and for a projector that washes colours out.
 */
public enum StatusMark {
    INFORMATIONAL("ℹ", "status-1xx", "informational"),
    SUCCESS("✓", "status-2xx", "success"),
    REDIRECT("↪", "status-3xx", "redirection"),
    CLIENT_ERROR("⚠", "status-4xx", "client error"),
    SERVER_ERROR("✖", "status-5xx", "server error"),
    NO_ANSWER("–", "status-none", "no answer");

    private final String symbol;
    private final String styleClass;
    private final String meaning;

    StatusMark(String symbol, String styleClass, String meaning) {
        this.symbol = symbol;
        this.styleClass = styleClass;
        this.meaning = meaning;
    }

    /** The mark of a status code; anything outside 100–599 (no answer at all) has its own. */
    public static StatusMark of(int status) {
        return switch (status / 100) {
            case 1 -> INFORMATIONAL;
            case 2 -> SUCCESS;
            case 3 -> REDIRECT;
            case 4 -> CLIENT_ERROR;
            case 5 -> SERVER_ERROR;
            default -> NO_ANSWER;
        };
    }

    /** Every mark's style class: a cell that shows another status drops the one it had. */
    public static List<String> styleClasses() {
        return Arrays.stream(values()).map(StatusMark::styleClass).toList();
    }

    public String symbol() {
        return symbol;
    }

    public String styleClass() {
        return styleClass;
    }

    /** What the class of codes means, e.g. "client error". */
    public String meaning() {
        return meaning;
    }

    /** The code with its mark in front, e.g. "⚠ 404". */
    public static String label(int status) {
        StatusMark mark = of(status);
        return mark == NO_ANSWER ? mark.symbol : mark.symbol + " " + status;
    }
}
