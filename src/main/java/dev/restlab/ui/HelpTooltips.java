package dev.restlab.ui;

import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the mouse first comes over a control, from the help the control carries for
 * screen readers ({@code accessibleHelp} in the FXML) rather than from a {@code <Tooltip>} made as
 * the view loads. A tooltip is a popup window with a scene of its own, styled as it is made: the
 * thirty of the server bar, the users pane and the traffic pane took a twelfth of the time to the
 * first frame, before anyone could hover. The keyboard's help (focus, F1) reads the same text.
 */
public final class HelpTooltips {

    private HelpTooltips() {
    }

    /** Under {@code view}, each control with accessible help and no tooltip gets one, with that text, on the first hover. */
    public static void install(Parent view) {
        view.addEventFilter(MouseEvent.MOUSE_MOVED, event -> madeFor(event.getTarget(), view));
    }

    /** Makes the tooltips of the controls from {@code target} up to {@code view} that have help and no tooltip yet. */
    static void madeFor(EventTarget target, Parent view) {
        for (Node node = target instanceof Node picked ? picked : null; node != null; node = node.getParent()) {
            if (node instanceof Control control && control.getTooltip() == null) {
                String help = control.getAccessibleHelp();
                if (help != null && !help.isBlank()) {
                    control.setTooltip(new Tooltip(help));
                }
            }
            if (node == view) {
                return;
            }
        }
    }
}
