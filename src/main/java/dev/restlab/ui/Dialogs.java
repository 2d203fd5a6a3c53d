package dev.restlab.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What ViewModels ask of the person at the screen, and the clipboard they write to. An
 * interface, so that a ViewModel makes the decision ("reset users?") and is tested without a
 * window: tests hand it a fake that answers. The window's implementation is {@link FxDialogs}.
 */
public interface Dialogs {

    /** Asks before something that cannot be undone; true only for OK. */
    boolean confirm(String title, String header, String text);

    /**
     * Reports a problem and offers a way on: true when the person takes {@code accept}, false
     * for {@code decline} or when the dialog is closed.
     */
    boolean offerAfterProblem(String header, String text, String accept, String decline);

    /** Puts {@code text} on the system clipboard. */
    void copyToClipboard(String text);

    /**
     * Asks where to save a file: empty when the person cancels.
     *
     * @param suggestedName the file name offered first, e.g. {@code traffic.har}
     * @param description   what the files are, e.g. {@code "HAR files"}
     * @param extensions    the extensions the files may have, without the dot ({@code "har"});
     *                      a name typed without any of them gets the first
     */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String... extensions);

    /**
     * Asks which file to open: empty when the person cancels.
     *
     * @param description what the files are, e.g. {@code "HAR files"}
     * @param extensions  the extensions shown, without the dot ({@code "har"})
     */
    Optional<Path> chooseOpenFile(String title, String description, String... extensions);
}
