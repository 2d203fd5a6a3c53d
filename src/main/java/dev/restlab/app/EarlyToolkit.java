package dev.restlab.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javafx.application.Platform;

/**
 * Starts JavaFX while the command line is still being read, when that command line opens the
 * window: reading it (picocli's classes cannot be kept in a class-data archive) and starting the
 * toolkit each take about a tenth of a second, and on two cores they need not wait for each other.
 * A command line that serves headless, checks, shows a file or asks for help never starts JavaFX.
 */
public final class EarlyToolkit {

    /** Words that mean no window: the headless flag, the subcommands, help and version. */
    private static final Set<String> NO_WINDOW = Set.of("--headless", "check", "show", "help", "--help", "--version");

    /** Short flags run together (picocli reads "-hV" as -h -V): help or version among them. */
    private static final Pattern SHORT_HELP_OR_VERSION = Pattern.compile("-[A-Za-z]*[hV][A-Za-z]*");

    private static final AtomicReference<CompletableFuture<Void>> STARTED = new AtomicReference<>();

    private EarlyToolkit() {
    }

    /** Starts JavaFX on a thread of its own when {@code args} open the window and a display can be reached. */
    public static void startIfOpeningWindow(String[] args) {
        if (!opensWindow(List.of(args))
                || !Display.windowCanOpen(System.getenv(), System.getProperty("os.name", ""),
                        System.getProperty("glass.platform"))) {
            return;
        }
        ClassPathWarning.keepBack();
        CompletableFuture<Void> started = new CompletableFuture<>();
        if (!STARTED.compareAndSet(null, started)) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(() -> { });
                started.complete(null);
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "restlab-toolkit-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Whether {@link #startIfOpeningWindow} began starting JavaFX. */
    static boolean begun() {
        return STARTED.get() != null;
    }

    /**
     * Completes once a start begun by {@link #startIfOpeningWindow} has ended, however it ended; at
     * once when none was begun. JavaFX's start changes the process's environment (its GTK glass sets
     * GDK_BACKEND with putenv), and native code that reads the environment on another thread
     * meanwhile (SQLite's, opening the users' file) now and then crashed the JVM in libc's getenv:
     * such work waits for this.
     */
    static CompletableFuture<Void> ended() {
        CompletableFuture<Void> started = STARTED.get();
        return started == null ? CompletableFuture.completedFuture(null) : started.handle((ok, failed) -> null);
    }

    /** Whether this command line opens the window (a guess that errs towards no: a wrong no only costs time). */
    static boolean opensWindow(List<String> args) {
        return args.stream().noneMatch(arg -> NO_WINDOW.contains(arg) || arg.startsWith("--headless=")
                || SHORT_HELP_OR_VERSION.matcher(arg).matches());
    }

    /**
     * Waits for a start begun by {@link #startIfOpeningWindow}, if one was; when it failed (the
     * display could not be opened), throws what JavaFX threw, as {@code Application.launch} would have.
     */
    static void awaitStart() {
        CompletableFuture<Void> started = STARTED.get();
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
