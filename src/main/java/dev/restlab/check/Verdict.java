package dev.restlab.check;

import java.util.Locale;

/** A server's verdict, as grades.csv writes it: {@code pass}, {@code differs} or {@code unreachable}. */
public enum Verdict {
    /** Every graded case as the handout's final listing answers (or further). */
    PASS,
    /** Some graded case differs, or the server matches an earlier listing than the final one. */
    DIFFERS,
    /** No connection could be made: nothing was checked. */
    UNREACHABLE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
