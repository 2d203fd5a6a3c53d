package dev.restlab.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * Tab and Shift+Tab leave a text area that only shows text, as they leave any other control: a
 * keyboard user is never caught in it (WCAG 2.1.2). A text area takes Tab for itself to type a
 * tab, which is of no use where nothing can be typed.
 */
public final class TabLeaves {

    private TabLeaves() {
    }

    /**
     * For a RichTextFX area (the wire panes): its own Tab handling is skipped, so the key reaches
     * the window, which moves the focus as for any control.
     */
    public static void richText(GenericStyledArea<?, ?, ?> area) {
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB)),
                InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN))));
    }

    /**
     * For a JavaFX text area while it is read-only: Tab acts as Ctrl+Tab, which JavaFX's text
     * area already takes as "move to the next control" (and Shift+Tab moves back by itself). An
     * editable area keeps Tab for typing; Ctrl+Tab leaves it.
     */
    public static void whenReadOnly(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.TAB && !area.isEditable() && !key.isControlDown() && !key.isAltDown()
                    && !key.isMetaDown()) {
                key.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, key.isShiftDown(), true,
                        false, false));
            }
        });
    }
}
