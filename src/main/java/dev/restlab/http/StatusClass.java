package dev.restlab.http;

/**
 * A status code's class with the symbol every view writes before it, so that the class can be
 * told without colour (for the part of a class that cannot tell green from red, and for a
 * projector that washes colours out): the traffic list, the lab, the diagram and its exports.
 */
public enum StatusClass {
    INFORMATIONAL("ℹ", "informational"),
    SUCCESS("✓", "success"),
    REDIRECT("↪", "redirection"),
    CLIENT_ERROR("⚠", "client error"),
    SERVER_ERROR("✖", "server error"),
    NO_ANSWER("–", "no answer");

    private final String symbol;
    private final String meaning;

    StatusClass(String symbol, String meaning) {
        this.symbol = symbol;
        this.meaning = meaning;
    }

    /** The class of a status code; anything outside 100–599 (no answer at all) has its own. */
    public static StatusClass of(int status) {
        return switch (status / 100) {
            case 1 -> INFORMATIONAL;
            case 2 -> SUCCESS;
            case 3 -> REDIRECT;
            case 4 -> CLIENT_ERROR;
            case 5 -> SERVER_ERROR;
            default -> NO_ANSWER;
        };
    }

    public String symbol() {
        return symbol;
    }

    /** What the class of codes means, e.g. "client error". */
    public String meaning() {
        return meaning;
    }

    /** The code with its mark in front, e.g. "⚠ 404"; no answer is the mark alone. */
    public static String label(int status) {
        StatusClass mark = of(status);
        return mark == NO_ANSWER ? mark.symbol : mark.symbol + " " + status;
    }
}
