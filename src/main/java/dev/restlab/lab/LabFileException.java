package dev.restlab.lab;

/** A lab file that cannot be used: names the file, the line (from 1) and what is wrong. */
public final class LabFileException extends Exception {

    private final String file;
    private final int line;

    public LabFileException(String file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The line the problem is on, from 1; 0 when the file as a whole is wrong. */
    public int line() {
        return line;
    }
}
