package dev.restlab.ui.window;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.PopupControl;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import dev.restlab.ui.LookViewModel;

/**
 * Every popup of the window takes its text size: tooltips, menus, context menus, the lists of
 * combo and choice boxes (each a window of its own, which does not inherit the main window's
 * style) and the window's dialogs. The theme reaches them as the user-agent style sheet; the text
 * size is set on each as it opens and while it is open.
 */
final class PopupLook {

    private final Window main;
    private final LookViewModel look;

    private PopupLook(Window main, LookViewModel look) {
        this.main = main;
        this.look = look;
    }

    /** From now on, every popup and dialog of {@code scene}'s window follows {@code look}'s text size. */
    static void install(Scene scene, LookViewModel look) {
        if (scene.getWindow() != null) {
            watch(scene.getWindow(), look);
        } else {
            scene.windowProperty().addListener((o, was, window) -> {
                if (window != null && was == null) {
                    watch(window, look);
                }
            });
        }
    }

    private static void watch(Window main, LookViewModel look) {
        PopupLook popups = new PopupLook(main, look);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(popups::style);
            }
        });
        look.fontSizeProperty().addListener(size -> Window.getWindows().forEach(popups::style));
        Window.getWindows().forEach(popups::style);
    }

    private void style(Window window) {
        if (window == main || !ownedByMain(window)) {
            return;
        }
        String size = "-fx-font-size: " + look.fontSizeProperty().get() + "px;";
        if (window instanceof PopupControl popup) {
            popup.setStyle(size); // a tooltip's theme size (14 px) gives way to this
        } else if (window.getScene() != null) {
            window.getScene().getRoot().setStyle(size);
            if (window instanceof Stage && main.getScene() != null) {
                for (String sheet : main.getScene().getStylesheets()) {
                    if (!window.getScene().getStylesheets().contains(sheet)) {
                        window.getScene().getStylesheets().add(sheet);
                    }
                }
            }
        }
    }

    private boolean ownedByMain(Window window) {
        Window up = window;
        while (up != null) {
            if (up == main) {
                return true;
            }
            up = up instanceof PopupWindow popup ? popup.getOwnerWindow() : up instanceof Stage stage ? stage.getOwner() : null;
        }
        return false;
    }
}
