package dev.restlab.users;

import java.nio.file.Path;

/**
 * Users cannot be kept where the user asked. The message is one paragraph a person can act on:
 * it names the file, says what is wrong, and offers the two ways out ({@code --data-dir} another
 * place, or {@code --in-memory}). Nothing has been changed or deleted when this is thrown.
 */
public final class StoreUnavailableException extends Exception {

    private final Path file;

    private StoreUnavailableException(Path file, String problem, Throwable cause) {
        super("RestLab cannot keep users in " + file + ": " + problem + " Nothing in it has been"
                + " changed or deleted. Start RestLab with --data-dir DIR to keep users in another"
                + " folder, or with --in-memory to keep them in memory only (they are gone when"
                + " RestLab stops).", cause);
        this.file = file;
    }

    /** The file (or folder) that could not be used. */
    public Path file() {
        return file;
    }

    static StoreUnavailableException folderUnusable(Path file, Path folder, Throwable cause) {
        return new StoreUnavailableException(file, "its folder " + folder + " cannot be created or"
                + " written (" + describe(cause) + ").", cause);
    }

    static StoreUnavailableException locked(Path file, Path lockFile, String holder) {
        return new StoreUnavailableException(file, "another RestLab" + holder + " is already using"
                + " it (it holds the lock on " + lockFile + "). Stop that RestLab first, or run"
                + " this one elsewhere.", null);
    }

    static StoreUnavailableException damaged(Path file, String detail, Throwable cause) {
        return new StoreUnavailableException(file, "the file is damaged or is not a database ("
                + detail + "). To start afresh in this folder, move the file aside (keep it: it may"
                + " still be repaired).", cause);
    }

    static StoreUnavailableException notOurs(Path file, String detail) {
        return new StoreUnavailableException(file, "it is a database, but not one of RestLab's"
                + " users (" + detail + ").", null);
    }

    static StoreUnavailableException cannotOpen(Path file, String detail, Throwable cause) {
        return new StoreUnavailableException(file, "the file cannot be opened for reading and"
                + " writing (" + detail + "). Check that it is a file you may read and write.",
                cause);
    }

    static StoreUnavailableException diskFull(Path file, String detail, Throwable cause) {
        return new StoreUnavailableException(file, "the disk holding it is full (" + detail + "). Free some"
                + " space on it and start RestLab again.", cause);
    }

    static StoreUnavailableException notWritable(Path file, Path part) {
        return new StoreUnavailableException(file, "the file " + (part.equals(file) ? "" : part + " ")
                + "can be read but not written (it is read-only, immutable, or on a read-only disk)."
                + " Make it writable again (on Linux, for example, chmod u+w or chattr -i), or copy it to a folder you may write.", null);
    }

    static StoreUnavailableException busy(Path file, String detail, Throwable cause) {
        return new StoreUnavailableException(file, "another program holds the database locked ("
                + detail + "). Close that program first.", cause);
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        String kind = cause.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return text == null || text.isBlank() ? kind.toLowerCase(java.util.Locale.ROOT)
                : kind.toLowerCase(java.util.Locale.ROOT) + ": " + text;
    }
}
