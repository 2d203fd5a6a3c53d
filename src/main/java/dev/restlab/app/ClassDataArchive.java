package dev.restlab.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder of the class-data archive the app image's launcher names (JDK 25 and newer:
 * {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=<the user's cache folder>/restlab.jsa},
 * and the same path in the system property {@value #PROPERTY}). The JVM writes the archive when it
 * exits but makes no folder for it, so the window makes it as it opens; the next starts then load
 * the classes the window needs from the archive. Only the window makes it: a first start with
 * --headless then writes no archive without the window's classes, which the JVM would keep using.
 */
final class ClassDataArchive {

    static final String PROPERTY = "restlab.classDataArchive";

    private ClassDataArchive() {
    }

    /** Makes the archive's folder when the launcher names one; a problem only costs the archive. */
    static void prepareFolder() {
        folder(System.getProperty(PROPERTY)).ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
            } catch (FileAlreadyExistsException e) {
                System.err.println("restlab: no class-data archive (it makes later starts quicker): "
                        + e.getFile() + " is a file where its folder should be");
            } catch (IOException e) {
                System.err.println("restlab: no class-data archive (it makes later starts quicker): "
                        + folder + " could not be made (" + e + ")");
            }
        });
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
