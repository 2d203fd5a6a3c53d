package dev.restlab.har;

import java.io.IOException;

/**
 * Why a file cannot be imported, in one line for a person: either it is not a HAR file at all
 * (not JSON, or JSON without a {@code log} holding {@code entries}), or it is HAR and one entry
 * holds something RestLab cannot use, named by the entry's number (1 for the first) and the
 * field's path, e.g. "Entry 3 of this HAR file cannot be used: request.url is missing."
 */
public final class HarProblem extends IOException {

    private final int entry;
    private final boolean notHar;

    private HarProblem(String message, int entry, boolean notHar, Throwable cause) {
        super(message, cause);
        this.entry = entry;
        this.notHar = notHar;
    }

    /** The file is not HAR: {@code why} completes "This is not a HAR file: …". */
    static HarProblem notHar(String why, Throwable cause) {
        return new HarProblem("This is not a HAR file: " + why, 0, true, cause);
    }

    /** The file is HAR, and as a whole it is more than RestLab imports (too many entries, …). */
    static HarProblem tooMuch(String why) {
        return new HarProblem("This HAR file is more than RestLab imports: " + why, 0, false, null);
    }

    /** Entry {@code entry} (1 for the first) has a field RestLab cannot use. */
    static HarProblem inEntry(int entry, String field, String why) {
        return new HarProblem("Entry " + entry + " of this HAR file cannot be used: " + (field.isEmpty() ? "it" : field)
                + " " + why + ".", entry, false, null);
    }

    /** The entry the problem is in, 1 for the first; 0 when it is about the whole file. */
    public int entry() {
        return entry;
    }

    /** True when the file is not HAR at all, false when it is HAR with something RestLab cannot use. */
    public boolean notHar() {
        return notHar;
    }
}
