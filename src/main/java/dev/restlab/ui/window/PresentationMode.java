package dev.restlab.ui.window;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import dev.restlab.ui.LookViewModel;

/**
 * Presentation mode for a projector: the window goes full screen with large text and shows what
 * the class must read, the traffic list and the selected exchange; the users forms and the
 * explanation of the exchange stay hidden until asked for. F11 starts and ends it; Esc ends it.
 * The parts are found by their ids, as the tests find them.
 */
final class PresentationMode {

    static final KeyCombination TOGGLE_KEY = new KeyCodeCombination(KeyCode.F11);
    static final KeyCombination LEAVE_KEY = new KeyCodeCombination(KeyCode.ESCAPE);
    static final String EXIT_HINT = "Presentation mode: F11 or Esc returns to the normal layout";

    private final Parent root;
    private final LookViewModel look;
    private Node forms;
    private double formsDivider = 0.38;

    private PresentationMode(Parent root, LookViewModel look) {
        this.root = root;
        this.look = look;
    }

    /** Lets {@code look}'s presentation properties rearrange {@code root}'s parts in {@code scene}. */
    static void install(Parent root, Scene scene, LookViewModel look) {
        PresentationMode mode = new PresentationMode(root, look);
        scene.getAccelerators().put(TOGGLE_KEY, look::togglePresenting);
        look.presentingProperty().addListener((o, was, now) -> mode.presenting(scene, now));
        look.formsShownProperty().addListener((o, was, now) -> mode.showForms(now));
        look.glossaryShownProperty().addListener((o, was, now) -> mode.showGlossary(now));
    }

    private void presenting(Scene scene, boolean on) {
        if (on) {
            scene.getAccelerators().put(LEAVE_KEY, () -> look.presentingProperty().set(false));
            if (root.lookup("#tabs") instanceof TabPane tabs) {
                tabs.getSelectionModel().select(0); // the traffic
            }
        } else {
            scene.getAccelerators().remove(LEAVE_KEY);
        }
        setShown("#usersRow", !on);
        fullScreen(scene.getWindow(), on);
    }

    private static void fullScreen(Window window, boolean on) {
        if (window instanceof Stage stage) {
            stage.setFullScreenExitHint(EXIT_HINT);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves the mode too
            stage.setFullScreen(on);
        }
    }

    /** Takes the users pane out of the main split, or puts it back where its divider was. */
    private void showForms(boolean shown) {
        if (!(root.lookup("#mainSplit") instanceof SplitPane split)) {
            return;
        }
        if (!shown && split.getItems().size() > 1) {
            formsDivider = split.getDividers().get(0).getPosition();
            forms = split.getItems().remove(0);
        } else if (shown && forms != null && !split.getItems().contains(forms)) {
            split.getItems().add(0, forms);
            split.setDividerPosition(0, formsDivider);
        }
    }

    private void showGlossary(boolean shown) {
        setShown("#explanationPane", shown);
    }

    private void setShown(String id, boolean shown) {
        Node node = root.lookup(id);
        if (node != null) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }
}
