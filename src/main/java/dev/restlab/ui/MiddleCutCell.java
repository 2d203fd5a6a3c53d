package dev.restlab.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * A table cell for a long id: when the column is narrow it keeps both ends and cuts the middle
 * ({@code b25c3f63…4123}), which is how people compare ids; the whole value is in the tooltip and
 * is what Copy puts on the clipboard.
 */
public final class MiddleCutCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();
    private final ContextMenu menu = new ContextMenu();

    public MiddleCutCell() {
        setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        setEllipsisString("…");
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copy(getItem()));
        menu.getItems().add(copy);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setTooltip(null);
            setContextMenu(null);
        } else {
            setText(item);
            whole.setText(item);
            setTooltip(whole);
            setContextMenu(menu);
        }
    }

    /** Puts the whole value on the system clipboard, however much of it the cell shows. */
    public static void copy(String value) {
        if (value != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
