package dev.restlab.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How RestLab writes every file a person may share (a HAR, an SVG or PNG drawing, a report): the
 * bytes go to a new file beside the target, reach the disk, then an atomic rename puts the file
 * in place. So a failure (a full disk, a crash) leaves any earlier file whole; a symbolic link
 * planted at the target is replaced, never followed, so the file it points at is not touched; and
 * the new file is opened like any program's new file, so the user's umask gives its permissions
 * (0644 under the usual 022) where {@code Files.createTempFile} would give 0600 and keep a
 * teacher's shared folder unreadable to the class.
 */
public final class SharedFile {

    /** What writes the content, given the stream of the new file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LONGEST_NAME_KEPT = 100;

    private SharedFile() {
    }

    /** Writes {@code bytes} as the whole of {@code file}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Writes {@code text} in UTF-8 as the whole of {@code file}. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes what {@code content} writes as the whole of {@code file}.
     *
     * @throws IOException when it cannot be written; a file already there is then unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || target.getFileName() == null) {
            throw new IOException(file + " names no file");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " is a folder");
        }
        Partial partial = Partial.create(folder, target.getFileName().toString());
        try {
            try (FileChannel channel = partial.channel()) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true); // on the disk before the rename makes it the file
            }
            try {
                Files.move(partial.path(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial.path());
        }
    }

    /**
     * A new file beside the target, created exclusively and kept open: a link or a file already at
     * the name makes the creation fail rather than be followed, and another name is tried.
     */
    private record Partial(Path path, FileChannel channel) {
        static Partial create(Path folder, String name) throws IOException {
            String stem = "." + (name.length() > LONGEST_NAME_KEPT ? name.substring(0, LONGEST_NAME_KEPT) : name) + ".";
            for (int attempt = 0; ; attempt++) {
                byte[] random = new byte[6];
                RANDOM.nextBytes(random);
                Path path = folder.resolve(stem + HexFormat.of().formatHex(random) + ".part");
                try {
                    return new Partial(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                } catch (FileAlreadyExistsException taken) {
                    if (attempt == 9) {
                        throw taken;
                    }
                }
            }
        }
    }
}
