package dev.restlab.app;

import dev.restlab.lab.ProgressStore;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.FxDialogs;
import dev.restlab.ui.window.Themes;
import dev.restlab.ui.window.WindowKeeper;
import dev.restlab.ui.window.WindowLayout;
import dev.restlab.ui.window.WindowLayoutStore;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.StoreChoice;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import dev.restlab.Options;

/** The window: opens the workbench and starts its server; closing it stops the server. */
public final class App extends Application {

    /**
     * The options for the one window of this JVM: JavaFX makes the Application itself and takes
     * only strings, so {@link #launch(Options)} leaves the parsed value here for {@link #start}.
     */
    private static final AtomicReference<Options> LAUNCH_OPTIONS = new AtomicReference<>();

    /** The users' store, being opened while JavaFX starts; null when the window was started otherwise. */
    private static final AtomicReference<StoreOpening> STORE = new AtomicReference<>();

    private Workbench workbench;
    private WindowKeeper window;
    /** Whether the JVM writes the class-data archive as this start exits (see {@link ClassDataArchive#prepare}). */
    private boolean archiveWrittenAtExit;

    /** Opens the window with these options; returns when it has closed. Once per JVM, as JavaFX allows. */
    public static void launch(Options options) {
        LAUNCH_OPTIONS.set(options);
        // Opened beside the window's building once an early start of JavaFX has ended; after a
        // command line EarlyToolkit took for no window, start() opens it, JavaFX being up by then.
        STORE.set(EarlyToolkit.begun() ? StoreOpening.begin(options.users()) : null);
        ClassPathWarning.keepBack();
        EarlyToolkit.awaitStart();
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        Options options = LAUNCH_OPTIONS.get() == null ? Options.defaults() : LAUNCH_OPTIONS.get();
        // Before any control class is initialised: the first one would load JavaFX's own Modena
        // theme, only for the window to replace it with its own (a twentieth of the time to the
        // first frame). The theme the window was left in, so that no other is read first.
        Application.setUserAgentStylesheet(Themes.userAgentStylesheet(leftDark(options.users()), false));
        StoreOpening opening = STORE.get() == null ? StoreOpening.now(options.users()) : STORE.get();
        Optional<UserStore> store = openStore(opening, new FxDialogs(() -> null));
        if (store.isEmpty()) {
            Platform.exit();
            return;
        }
        StoreChoice choice = options.users();
        // Kept in memory by choice, or because the folder is another RestLab's: nothing written there.
        boolean keepsNothing = choice.isInMemory() || store.get() instanceof InMemoryUserStore;
        ProgressStore labProgress = keepsNothing ? ProgressStore.inMemory() : ProgressStore.inFolder(choice.dataDir());
        workbench = new Workbench(store.get(), WorkbenchSettings.listening(options.host(), options.port(),
                        url -> SystemBrowser.open(url, getHostServices()))
                .withAllowedHosts(options.allowedHosts())
                .withFaults(options.faults())
                .withLabProgress(labProgress));
        stage.setTitle("RestLab");
        StartupMarker.printWhenShown(stage);
        window = WindowKeeper.show(stage, workbench.root(), workbench.look(),
                keepsNothing ? WindowLayoutStore.none() : WindowLayoutStore.inFolder(choice.dataDir()));
        workbench.startServer();
        workbench.tabs().buildOthersAfterFirstFrame();
        archiveWrittenAtExit = ClassDataArchive.prepare();
    }

    /** Whether the window was left in the dark theme (its layout is kept beside the users). */
    static boolean leftDark(StoreChoice choice) {
        return !choice.isInMemory() && WindowLayoutStore.inFolder(choice.dataDir()).read().map(WindowLayout::dark).orElse(false);
    }

    private static void awaitQuietly(Workbench workbench) {
        try {
            if (!workbench.awaitBackgroundWork(Duration.ofSeconds(3))) {
                System.err.println("restlab: background work still running as RestLab closes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens where users are kept; when that fails (locked by another RestLab, damaged), says so
     * and offers memory only for this run rather than losing or overwriting anything.
     */
    static Optional<UserStore> openStore(StoreOpening opening, Dialogs dialogs) {
        try {
            return Optional.of(opening.store());
        } catch (StoreUnavailableException e) {
            boolean inMemory = dialogs.offerAfterProblem("RestLab cannot use its saved users", e.getMessage(),
                    "Keep users in memory this time", "Quit");
            return inMemory ? Optional.of(new InMemoryUserStore()) : Optional.empty();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                window.save();
            } catch (IOException e) {
                System.err.println("restlab: the window's layout could not be saved: " + e.getMessage());
            }
        }
        if (workbench != null) {
            workbench.close();
            if (archiveWrittenAtExit) {
                // Closed moments after a first start: the work begun after the first frame (the
                // OpenAPI reader, the other tabs' reading) is let finish before the JVM writes the archive.
                awaitQuietly(workbench);
            }
        }
    }
}
