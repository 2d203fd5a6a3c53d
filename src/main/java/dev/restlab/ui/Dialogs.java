package dev.restlab.ui;

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
}
