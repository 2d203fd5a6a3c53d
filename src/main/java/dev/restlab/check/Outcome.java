package dev.restlab.check;

/** How one case came out, each with the symbol the report and the class grid show. */
public enum Outcome {
    /** Answered as the matched listing answers (an extra: as a careful server answers). */
    AS_EXPECTED("✓", "as the handout"),
    /** Not as the listing answers, but further than it: credit, not a difference. */
    FURTHER("★", "went further"),
    /** Answered, and differs. */
    DIFFERS("✗", "differs"),
    /**
     * No whole answer came: closed, cut short, or too slow. (Not an hourglass: DejaVu Sans, the
     * text font of most Linux desktops, has none, and JavaFX drew an empty box in its place.)
     */
    NO_ANSWER("⊘", "no answer"),
    /** Not sent: the whole check's time was up. */
    NOT_SENT("–", "not sent");

    private final String symbol;
    private final String words;

    Outcome(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    public String symbol() {
        return symbol;
    }

    /** E.g. {@code as the handout}, {@code differs}. */
    public String words() {
        return words;
    }

    /** True for an outcome that does not count against the server. */
    public boolean fine() {
        return this == AS_EXPECTED || this == FURTHER;
    }
}
