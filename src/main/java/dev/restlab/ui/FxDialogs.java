package dev.restlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
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

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String... extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(f -> withExtension(f.toPath(), extensions));
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description, String... extensions) {
        File file = chooser(title, description, extensions).showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private static FileChooser chooser(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions.length > 0) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                    Arrays.stream(extensions).map(ext -> "*." + ext).toList()));
        }
        return chooser;
    }

    /** GTK's save dialog, unlike Windows', does not add the filter's extension to a bare name. */
    static Path withExtension(Path chosen, String... extensions) {
        String name = chosen.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean hasOne = Arrays.stream(extensions).anyMatch(ext -> name.endsWith("." + ext.toLowerCase(Locale.ROOT)));
        if (extensions.length == 0 || hasOne) {
            return chosen;
        }
        return chosen.resolveSibling(chosen.getFileName() + "." + extensions[0]);
    }

    private boolean show(Alert alert, ButtonType accepted) {
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().filter(accepted::equals).isPresent();
    }
}
