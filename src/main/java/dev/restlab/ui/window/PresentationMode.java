package dev.restlab.ui.window;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Pane;
import javafx.stage.PopupWindow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import dev.restlab.ui.LookViewModel;

/**
 * Presentation mode for a projector: the window goes full screen with large text and shows what
 * the class must read, the traffic list and the selected exchange; the users forms and the
 * explanation of the exchange stay hidden until asked for. F11 starts and ends it and keeps the
 * tab shown; Esc ends it, unless a popup (a menu, a list, a tooltip) is open: then Esc closes that.
 * The traffic list's tools give their room to the exchange and the list keeps its three rows, so
 * that a whole answer (the handout's 201 with its Location) is in view on a 1024×768 projector;
 * the explanation, when asked for, takes the request's place rather than a strip under both.
 * The parts are found by their ids, as the tests find them.
 */
final class PresentationMode {

    static final KeyCombination TOGGLE_KEY = new KeyCodeCombination(KeyCode.F11);
    static final KeyCombination LEAVE_KEY = new KeyCodeCombination(KeyCode.ESCAPE);
    static final String EXIT_HINT = "Presentation mode: F11 or Esc returns to the normal layout";

    /** On the window while presenting: the style sheet lets the traffic list keep three rows and no more. */
    static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presenting");

    private final Parent root;
    private final LookViewModel look;
    private Node forms;
    private double formsDivider = 0.38;
    private double listDivider = -1;
    /** Where the explanation sits in the normal layout, while it takes the request's place. */
    private Parent explanationHome;
    private int explanationIndex;
    private Node requestPane;
    /** True from a popup's closing until the events of that moment are handled (the Esc that closed it). */
    private boolean popupJustClosed;

    private PresentationMode(Parent root, LookViewModel look) {
        this.root = root;
        this.look = look;
    }

    /** Lets {@code look}'s presentation properties rearrange {@code root}'s parts in {@code scene}. */
    static void install(Parent root, Scene scene, LookViewModel look) {
        PresentationMode mode = new PresentationMode(root, look);
        scene.getAccelerators().put(TOGGLE_KEY, look::togglePresenting);
        // A tab's view built while presenting (the Traffic tab opened after F11) is arranged as it arrives.
        TabViews.of(root).ifPresent(views -> views.whenBuilt(view -> {
            if (look.presentingProperty().get()) {
                // A split pane's parts are its children only once it has its skin: made now, not at the next pulse.
                view.applyCss();
                mode.arrange(true);
            }
        }));
        look.presentingProperty().addListener((o, was, now) -> mode.presenting(scene, now));
        look.formsShownProperty().addListener((o, was, now) -> mode.showForms(now));
        look.glossaryShownProperty().addListener((o, was, now) -> mode.showGlossary(now));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                if (change.getRemoved().stream().anyMatch(PopupWindow.class::isInstance)) {
                    mode.popupJustClosed = true;
                    Platform.runLater(() -> mode.popupJustClosed = false);
                }
            }
        });
    }

    private void presenting(Scene scene, boolean on) {
        if (on) {
            scene.getAccelerators().put(LEAVE_KEY, () -> leaveUnlessPopup(scene));
        } else {
            scene.getAccelerators().remove(LEAVE_KEY);
        }
        arrange(on);
        fullScreen(scene.getWindow(), on);
        if (on) {
            // A size that fitted the normal layout may not let the handout's answer show whole here.
            look.shrinkToFit(LookViewModel.PRESENTING_SIZE);
        }
    }

    /** Hides or shows the parts presenting does without, in the views built so far. */
    private void arrange(boolean on) {
        setShown("#usersRow", !on);
        setShown("#trafficTools", !on);
        setShown("#exchangeTools", !on); // Ctrl+Shift+C still copies as curl
        root.pseudoClassStateChanged(PRESENTING, on);
        if (root.lookup("#listAndExchange") instanceof SplitPane list) {
            if (on) {
                if (list.getDividerPositions()[0] > 0) {
                    listDivider = list.getDividerPositions()[0];
                }
                list.setDividerPosition(0, 0); // the list at its least: three rows
            } else if (listDivider >= 0) {
                list.setDividerPosition(0, listDivider);
            }
        }
        showGlossary(look.glossaryShownProperty().get());
    }

    /** Esc: closes the popups open over {@code window}, or, when there are none, leaves presentation mode. */
    private void leaveUnlessPopup(Scene scene) {
        // A combo box keeps its own account of its list: it closes the list itself, or it would
        // think the list still open.
        for (Node node = scene.getFocusOwner(); node != null; node = node.getParent()) {
            if (node instanceof ComboBoxBase<?> combo && combo.isShowing()) {
                combo.hide();
                return;
            }
        }
        Window window = scene.getWindow();
        List<Window> open = Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow popup && popup.isShowing() && ownedBy(popup, window)).toList();
        if (!open.isEmpty()) {
            open.forEach(Window::hide);
        } else if (!popupJustClosed) { // the popup closed itself on this Esc
            look.presentingProperty().set(false);
        }
    }

    private static boolean ownedBy(PopupWindow popup, Window window) {
        for (Window owner = popup.getOwnerWindow(); owner != null;
                owner = owner instanceof PopupWindow p ? p.getOwnerWindow() : null) {
            if (owner == window) {
                return true;
            }
        }
        return false;
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

    /**
     * Shows or hides the explanation; while presenting, a shown explanation takes the request's
     * place beside the response, with the height of the exchange (under both it had one line).
     */
    private void showGlossary(boolean shown) {
        Node explanation = root.lookup("#explanationPane");
        if (!(root.lookup("#requestAndResponse") instanceof SplitPane pair) || explanation == null) {
            setShown("#explanationPane", shown);
            return;
        }
        boolean inPlaceOfRequest = shown && look.presentingProperty().get();
        if (inPlaceOfRequest && explanationHome == null) {
            explanationHome = explanation.getParent();
            explanationIndex = explanationHome.getChildrenUnmodifiable().indexOf(explanation);
            requestPane = pair.getItems().get(0);
            ((Pane) explanationHome).getChildren().remove(explanation);
            pair.getItems().set(0, explanation);
        } else if (!inPlaceOfRequest && explanationHome != null) {
            pair.getItems().set(0, requestPane);
            ((Pane) explanationHome).getChildren().add(explanationIndex, explanation);
            explanationHome = null;
        }
        explanation.setVisible(shown);
        explanation.setManaged(shown);
    }

    private void setShown(String id, boolean shown) {
        Node node = root.lookup(id);
        if (node != null) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }
}
