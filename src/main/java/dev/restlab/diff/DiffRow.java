package dev.restlab.diff;

/**
 * One row of a side-by-side comparison: what the left exchange has and what the right one has
 * at the same place. {@code left} is null for an {@link Change#ADDED} row, {@code right} for a
 * {@link Change#REMOVED} one. The texts are exactly what was on the wire (or, for JSON, its
 * re-indented lines): plain text, for a view that never interprets it.
 */
public record DiffRow(Change change, String left, String right) {

    /** How the right side differs from the left at this row. */
    public enum Change {
        SAME, CHANGED, ADDED, REMOVED
    }

    static DiffRow same(String left, String right) {
        return new DiffRow(Change.SAME, left, right);
    }

    static DiffRow changed(String left, String right) {
        return new DiffRow(Change.CHANGED, left, right);
    }

    static DiffRow added(String right) {
        return new DiffRow(Change.ADDED, null, right);
    }

    static DiffRow removed(String left) {
        return new DiffRow(Change.REMOVED, left, null);
    }
}
