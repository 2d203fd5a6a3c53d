package dev.restlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The class-data archive the app image's launcher names (JDK 25 and newer:
 * {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=<the user's cache folder>/restlab.jsa},
 * and the same path in the system property {@value #PROPERTY}). The JVM writes the archive when it
 * exits, and the next starts load the classes the window needs from it. Two things it leaves to us:
 *
 * <ul>
 * <li>It makes no folder for the archive, so the window makes it as it opens. Only the window
 * does: a first start with --headless then writes no archive without the window's classes,
 * which the JVM would keep using.</li>
 * <li>It never replaces an archive made from other jars: after an update (or an image copied
 * without its files' times) it finds the jars changed, runs without the archive, and writes no
 * new one, start after start (checked on JDK 25). So beside the archive the window keeps the
 * jars it was made from ({@value #JARS_SUFFIX}), in the same terms the JVM checks them (name,
 * size, time); when they are not the jars of this start, it deletes the archive, and the next
 * start writes a new one.</li>
 * </ul>
 */
final class ClassDataArchive {

    static final String PROPERTY = "restlab.classDataArchive";
    /** Beside the archive: the jars it is made from. */
    static final String JARS_SUFFIX = ".jars";

    private ClassDataArchive() {
    }

    /**
     * Makes the archive's folder when the launcher names one, and deletes an archive made from
     * other jars; a problem only costs the archive.
     *
     * @return whether the JVM writes the archive as this start exits (there was none yet): the
     *         window's background work should be over by then, as the JVM (JDK 25) can crash
     *         writing it while another thread still makes classes
     */
    static boolean prepare() {
        String archive = System.getProperty(PROPERTY);
        Optional<Path> folder = folder(archive);
        if (folder.isEmpty()) {
            return false;
        }
        try {
            Files.createDirectories(folder.get());
        } catch (FileAlreadyExistsException e) {
            System.err.println("restlab: no class-data archive (it makes later starts quicker): "
                    + e.getFile() + " is a file where its folder should be");
            return false;
        } catch (IOException e) {
            System.err.println("restlab: no class-data archive (it makes later starts quicker): "
                    + folder.get() + " could not be made (" + e + ")");
            return false;
        }
        boolean writtenAtExit = !Files.exists(Path.of(archive));
        try {
            keepInStep(Path.of(archive), jarsOf(System.getProperty("java.class.path", "")));
        } catch (IOException e) {
            System.err.println("restlab: the class-data archive " + archive + " could not be kept in step"
                    + " with this version (" + e + "); starts may be slower");
        }
        return writtenAtExit;
    }

    /**
     * With no archive yet, notes {@code jars} as the ones this start's archive will be made from;
     * with an archive made from other jars, deletes it (and the note) so that the next start makes
     * one from these.
     */
    static void keepInStep(Path archive, String jars) throws IOException {
        Path note = archive.resolveSibling(archive.getFileName() + JARS_SUFFIX);
        if (!Files.exists(archive)) {
            Files.writeString(note, jars, StandardCharsets.UTF_8);
        } else if (!Files.exists(note) || !Files.readString(note, StandardCharsets.UTF_8).equals(jars)) {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException inUse) {
                // Windows keeps a file the JVM has mapped from being deleted, and the JVM maps the
                // archive only when it was made from these very jars: note them as its own.
                Files.writeString(note, jars, StandardCharsets.UTF_8);
                return;
            }
            Files.deleteIfExists(note);
        }
    }

    /**
     * The class path's jars as the JVM tells whether an archive was made from them: each one's
     * name, size and time, one a line. Names without their folder: the archive stays good when the
     * image is unpacked elsewhere with the same files.
     */
    static String jarsOf(String classPath) {
        StringJoiner lines = new StringJoiner("\n", "", "\n");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                File jar = new File(entry);
                lines.add(jar.getName() + " " + jar.length() + " " + jar.lastModified());
            }
        }
        return lines.toString();
    }

    /**
     * The folder to make for the archive at {@code archive}: none when no archive is named, or when
     * the path is not absolute (a launcher left a variable such as $HOME unexpanded where it is unset).
     */
    static Optional<Path> folder(String archive) {
        if (archive == null || archive.isBlank() || archive.contains("$")) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(archive);
            return path.isAbsolute() && path.getParent() != null ? Optional.of(path.getParent()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
