package dev.restlab.ui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** {@link Dialogs} for the window: JavaFX alerts over the window, and the system clipboard. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to, or null (before it shows) for none */
    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        return show(alert, ButtonType.OK);
    }

    @Override
    public boolean offerAfterProblem(String header, String text, String accept, String decline) {
        ButtonType yes = new ButtonType(accept, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(decline, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, text, yes, no);
        alert.setTitle("RestLab");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinWidth(640);
        return show(alert, yes);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private boolean show(Alert alert, ButtonType accepted) {
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().filter(accepted::equals).isPresent();
    }
}
