package dev.restlab.app;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.HostServices;

/**
 * Opens a URL in the system's browser, or says why it could not. JavaFX's HostServices only
 * prints a stack trace when no browser starts (on Linux), so the window would claim to have
 * opened a page that never appeared; on Linux RestLab asks xdg-open itself and reads its exit code.
 */
final class SystemBrowser {

    private SystemBrowser() {
    }

    /**
     * Opens {@code url}; blocks for up to a few seconds while the desktop's opener starts.
     *
     * @throws IllegalStateException with the reason, when no browser could be opened
     */
    static void open(String url, HostServices hostServices) {
        if (Display.isOsDesktop(System.getProperty("os.name", ""))) {
            hostServices.showDocument(url); // these open through the OS's own association
            return;
        }
        if (!Display.isReachable()) {
            throw new IllegalStateException("no desktop display");
        }
        File opener = onPath("xdg-open").orElseThrow(() -> new IllegalStateException("xdg-open is not installed"));
        try {
            Process process = new ProcessBuilder(opener.getPath(), url)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // xdg-open returns once the browser is started; one still running has started it.
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new IllegalStateException("xdg-open found no browser (exit code " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("xdg-open could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the browser", e);
        }
    }

    private static Optional<File> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            File candidate = new File(folder, program);
            if (candidate.canExecute()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
