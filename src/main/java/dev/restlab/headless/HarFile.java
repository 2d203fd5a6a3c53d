package dev.restlab.headless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks at start that a HAR file can be written where asked, so that a session is not served
 * for an hour and then lost at Ctrl+C to a folder that does not exist.
 */
final class HarFile {

    private HarFile() {
    }

    /** Why the file cannot be written there, or empty when it can. */
    static Optional<String> problem(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return Optional.of("this is a folder; name a file in it, e.g. " + absolute.resolve("session.har"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("the folder " + folder + " cannot be written to");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            return Optional.of("the file exists and cannot be written to");
        }
        return Optional.empty();
    }
}
