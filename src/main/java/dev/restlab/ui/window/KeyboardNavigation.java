package dev.restlab.ui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * What the keyboard needs beyond each control's own keys, for the whole window at once:
 * <ul>
 * <li>F6 and Shift+F6 move between the main regions (top bar, users, the open tab's content);</li>
 * <li>Tab leaves a read-only text area (Shift+Tab already does);</li>
 * <li>the first Down or Up in a table or list with nothing selected selects its first row (the
 *     focus model starts on row 0, so Down used to skip it);</li>
 * <li>a control's tooltip shows when the keyboard brings the focus to it, and F1 shows or hides
 *     it at any time; Esc hides it (WCAG 1.4.13);</li>
 * <li>the focus never falls on the server's Start/Stop button by itself: when the focused control
 *     is hidden, disabled or replaced, or the window opens, JavaFX gives the focus to the
 *     window's first control, which is that button, and the next Enter would stop the server.</li>
 * </ul>
 */
final class KeyboardNavigation {

    private static final Duration NO_DELAY = Duration.ZERO;

    private final Scene scene;
    private final Supplier<List<Node>> regions;
    private final Node stop;
    private final Tooltip help = new Tooltip();
    private boolean byKeyboard;
    /** The region the focus was last in, while it was still in the scene. */
    private int lastRegion = -1;

    private KeyboardNavigation(Scene scene, Supplier<List<Node>> regions, Node stop) {
        this.scene = scene;
        this.regions = regions;
        this.stop = stop;
        help.setShowDelay(NO_DELAY);
        help.setWrapText(true);
        help.setMaxWidth(640);
        help.getStyleClass().add("keyboard-help");
    }

    /**
     * @param regions the main regions in F6 order, those shown now (the users pane may be out of
     *                the window in presentation mode)
     * @param stop    the control the focus must not fall on by itself
     */
    static void install(Scene scene, Supplier<List<Node>> regions, Node stop) {
        KeyboardNavigation navigation = new KeyboardNavigation(scene, regions, stop);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, navigation::keyPressed);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            navigation.byKeyboard = false;
            navigation.help.hide();
        });
        scene.focusOwnerProperty().addListener((o, was, now) -> navigation.focusMoved(was, now));
        navigation.focusMoved(null, scene.getFocusOwner());
    }

    private void keyPressed(KeyEvent key) {
        byKeyboard = true;
        Node focused = scene.getFocusOwner();
        if (key.getCode() != KeyCode.F1 && !key.getCode().isModifierKey()) {
            help.hide(); // typing, or moving in a list: the help had its turn
        }
        switch (key.getCode()) {
            case F6 -> {
                key.consume();
                moveRegion(key.isShiftDown() ? -1 : 1);
            }
            case F1 -> {
                key.consume();
                if (help.isShowing()) {
                    help.hide();
                } else {
                    showHelp(focused);
                }
            }
            case ESCAPE -> help.hide(); // not consumed: Esc also leaves presentation mode, closes popups
            case TAB -> {
                if (focused instanceof TextArea area && !area.isEditable() && !key.isControlDown()
                        && !key.isAltDown() && !key.isMetaDown() && !key.isShiftDown()) {
                    // JavaFX's text area moves on at Ctrl+Tab; a read-only one has no use for Tab.
                    key.consume();
                    area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true, false, false));
                }
            }
            case DOWN, UP -> {
                if (!key.isShiftDown() && !key.isControlDown() && selectFirstRow(focused)) {
                    key.consume();
                }
            }
            default -> {
            }
        }
    }

    private static boolean selectFirstRow(Node focused) {
        if (focused instanceof TableView<?> table && !table.getItems().isEmpty()
                && table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
            table.scrollTo(0);
            return true;
        }
        if (focused instanceof ListView<?> list && !list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().clearAndSelect(0);
            list.getFocusModel().focus(0);
            list.scrollTo(0);
            return true;
        }
        return false;
    }

    private void focusMoved(Node was, Node now) {
        help.hide();
        if (now != null && (now == stop || regionOf(now) == 0) && (was == null || !eligible(was)) && was != stop) {
            // Nobody chose the top bar: the focused control went away (or the window just opened)
            // and JavaFX took the window's first control, Stop or whatever follows it.
            int region = lastRegion > 0 ? lastRegion : 1;
            Optional<Node> instead = firstControlIn(region).or(() -> firstControlIn(1));
            if (instead.isPresent() && instead.get() != stop) {
                instead.get().requestFocus();
                return;
            }
        }
        if (now != null) {
            int region = regionOf(now);
            if (region >= 0) {
                lastRegion = region;
            }
            if (byKeyboard) {
                showHelp(now);
            }
        }
    }

    /** Whether a node can hold the focus: in the window, shown and enabled. */
    static boolean eligible(Node node) {
        return node.getScene() != null && shown(node) && !node.isDisabled();
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void moveRegion(int step) {
        List<Node> all = regions.get();
        if (all.isEmpty()) {
            return;
        }
        Node focused = scene.getFocusOwner();
        int at = focused == null ? -1 : indexOfRegion(all, focused);
        for (int tried = 1; tried <= all.size(); tried++) {
            int next = Math.floorMod((at < 0 ? (step > 0 ? -1 : 0) : at) + step * tried, all.size());
            Optional<Node> first = firstFocusable(all.get(next));
            if (first.isPresent()) {
                first.get().requestFocus();
                return;
            }
        }
    }

    private int regionOf(Node node) {
        return indexOfRegion(regions.get(), node);
    }

    private Optional<Node> firstControlIn(int region) {
        List<Node> all = regions.get();
        return region >= 0 && region < all.size() ? firstFocusable(all.get(region)) : Optional.empty();
    }

    private static int indexOfRegion(List<Node> all, Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            int index = all.indexOf(at);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    /** The first control Tab would reach in {@code region}, in the order of the scene graph. */
    static Optional<Node> firstFocusable(Node region) {
        if (!region.isVisible() || region.isDisabled()) {
            return Optional.empty();
        }
        if (region.isFocusTraversable()) {
            return Optional.of(region);
        }
        if (region instanceof Control control && control.getSkin() == null) {
            return Optional.empty();
        }
        if (region instanceof Parent parent) {
            for (Node child : new ArrayList<>(parent.getChildrenUnmodifiable())) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private void showHelp(Node node) {
        String text = helpFor(node);
        if (text == null || text.isBlank() || node.getScene() == null || node.getScene().getWindow() == null) {
            return;
        }
        help.setText(text);
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        if (bounds != null) {
            help.show(node, bounds.getMinX(), bounds.getMaxY() + 4);
        }
    }

    /**
     * A control's tooltip; for a table, the tooltips of the focused row's cells (a cut value, the
     * reason for a ✗); for anything else its accessible help (a diagram arrow's timings).
     */
    static String helpFor(Node node) {
        if (node instanceof TableView<?> table) {
            return rowHelp(table, table.getFocusModel().getFocusedIndex());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            return control.getTooltip().getText();
        }
        return node.getAccessibleHelp();
    }

    private static String rowHelp(TableView<?> table, int index) {
        if (index < 0) {
            return table.getTooltip() == null ? null : table.getTooltip().getText();
        }
        List<String> lines = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof IndexedCell<?> cell && cell.getIndex() == index && !cell.isEmpty()
                    && cell.getTooltip() != null && cell.isVisible()) {
                String text = cell.getTooltip().getText();
                if (text != null && !text.isBlank() && !lines.contains(text)) {
                    lines.add(text);
                }
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
