package dev.restlab.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Keyboard shortcuts that belong to one pane: they act only while the focus is inside it. */
public final class Shortcuts {

    /** Ctrl+Enter (Cmd+Enter on a Mac): send what the pane holds. */
    public static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private Shortcuts() {
    }

    /** Runs {@code action} when {@code keys} are pressed while the focus is in {@code pane}. */
    public static void inPane(Node pane, KeyCombination keys, Runnable action) {
        pane.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (keys.match(key)) {
                key.consume();
                action.run();
            }
        });
    }
}
