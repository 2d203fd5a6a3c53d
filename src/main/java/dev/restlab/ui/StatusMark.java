package dev.restlab.ui;

import dev.restlab.http.StatusClass;
import java.util.Arrays;
import java.util.List;

/**
 * A status code's class at a glance: a symbol and a colour (the style sheet's
 * {@code .status-2xx} and the like), never the colour alone, for the part of the class that
 * cannot tell green from red and for a projector that washes colours out.
 */
public enum StatusMark {
    INFORMATIONAL(StatusClass.INFORMATIONAL, "status-1xx"),
    SUCCESS(StatusClass.SUCCESS, "status-2xx"),
    REDIRECT(StatusClass.REDIRECT, "status-3xx"),
    CLIENT_ERROR(StatusClass.CLIENT_ERROR, "status-4xx"),
    SERVER_ERROR(StatusClass.SERVER_ERROR, "status-5xx"),
    NO_ANSWER(StatusClass.NO_ANSWER, "status-none");

    /** The symbols and words are the diagram's and the exports' too: one source for them all. */
    private final StatusClass statusClass;
    private final String styleClass;

    StatusMark(StatusClass statusClass, String styleClass) {
        this.statusClass = statusClass;
        this.styleClass = styleClass;
    }

    /** The mark of a status code; anything outside 100–599 (no answer at all) has its own. */
    public static StatusMark of(int status) {
        StatusClass wanted = StatusClass.of(status);
        for (StatusMark mark : values()) {
            if (mark.statusClass == wanted) {
                return mark;
            }
        }
        throw new IllegalStateException("no mark for " + wanted);
    }

    /** Every mark's style class: a cell that shows another status drops the one it had. */
    public static List<String> styleClasses() {
        return Arrays.stream(values()).map(StatusMark::styleClass).toList();
    }

    public String symbol() {
        return statusClass.symbol();
    }

    public String styleClass() {
        return styleClass;
    }

    /** What the class of codes means, e.g. "client error". */
    public String meaning() {
        return statusClass.meaning();
    }

    /** The code with its mark in front, e.g. "⚠ 404". */
    public static String label(int status) {
        return StatusClass.label(status);
    }
}
