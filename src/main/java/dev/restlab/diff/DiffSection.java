package dev.restlab.diff;

import java.util.List;
import java.util.Optional;

/**
 * One part of two exchanges compared (the status line, the response headers, ...): its rows side
 * by side, notes on how it was compared, and, shown apart from the rows, whether the same fields
 * or keys came in another order (which changes no meaning, but a learner may want to see it).
 */
public record DiffSection(String title, List<DiffRow> rows, List<String> notes, Optional<String> orderChange) {

    public DiffSection {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** True when every row is the same on both sides (an order change alone still counts as same). */
    public boolean same() {
        return rows.stream().allMatch(row -> row.change() == DiffRow.Change.SAME);
    }

    /** How many rows changed in this way. */
    public long count(DiffRow.Change change) {
        return rows.stream().filter(row -> row.change() == change).count();
    }

    /** "same", "same, in another order", or "1 changed, 2 added, 1 removed". */
    public String summary() {
        if (same()) {
            return orderChange.isPresent() ? "same, in another order" : "same";
        }
        StringBuilder text = new StringBuilder();
        append(text, count(DiffRow.Change.CHANGED), "changed");
        append(text, count(DiffRow.Change.ADDED), "added");
        append(text, count(DiffRow.Change.REMOVED), "removed");
        return text.toString();
    }

    private static void append(StringBuilder text, long count, String what) {
        if (count > 0) {
            text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(what);
        }
    }
}
