package dev.restlab.check;

/** A roster that cannot be used: names the file, the line (from 1) and what is wrong. */
public final class RosterException extends Exception {

    private final int line;

    public RosterException(String file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.line = line;
    }

    /** The line the problem is on, from 1; 0 when the file as a whole is wrong. */
    public int line() {
        return line;
    }
}
