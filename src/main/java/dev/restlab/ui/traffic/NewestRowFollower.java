package dev.restlab.ui.traffic;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a table's last row whole in view while following is on. TableView.scrollTo positions the
 * rows from its estimate of their heights, made before the layout that changes them (rows that
 * arrive back to back, a larger text size, a header grown taller), so the newest row could end
 * below the viewport. After each request the flow is checked over the next few pulses, with the
 * real heights known, and asked again until the row is whole.
 *
 * <p>Requests are answered once per pulse, however many came since the last: each scroll makes
 * the table count its rows, estimate their heights and update cells, which under a load of
 * requests took longer than the 50 ms between two batches of traffic, so that scrolling once per
 * batch left the FX thread ever further behind (bench/window-load.sh).
 */
final class NewestRowFollower {

    /** Pulses to watch after a request: heights settle within two or three (CSS, then layout). */
    private static final int SETTLE_PULSES = 4;

    private final TableView<?> table;
    private final BooleanSupplier following;
    private final Runnable settle = this::settle;
    private final Runnable scrollOnce = this::scrollOnce;
    private int pulsesLeft;
    private Scene watching;
    /** The scene whose next pulse scrolls, while a scroll waits for it. */
    private Scene scrollPending;

    NewestRowFollower(TableView<?> table, BooleanSupplier following) {
        this.table = table;
        this.following = following;
    }

    /**
     * Brings the newest row into view before the next layout (at once when the table is in no
     * scene) and keeps it there while the layout settles.
     */
    void follow() {
        if (!following.getAsBoolean() || table.getItems().isEmpty()) {
            return;
        }
        Scene scene = table.getScene();
        if (scene == null) {
            scrollNow();
        } else if (scrollPending == null) {
            scrollPending = scene;
            scene.addPreLayoutPulseListener(scrollOnce);
            Platform.requestNextPulse();
        }
    }

    private void scrollOnce() {
        scrollPending.removePreLayoutPulseListener(scrollOnce);
        scrollPending = null;
        if (following.getAsBoolean() && !table.getItems().isEmpty()) {
            scrollNow();
        }
    }

    private void scrollNow() {
        table.scrollTo(table.getItems().size() - 1);
        pulsesLeft = SETTLE_PULSES;
        Scene scene = table.getScene();
        if (scene != null && watching == null) {
            watching = scene;
            scene.addPostLayoutPulseListener(settle);
            Platform.requestNextPulse();
        }
    }

    private void settle() {
        boolean follow = following.getAsBoolean() && !table.getItems().isEmpty();
        if (follow && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && !lastRowWhole(flow)) {
            flow.scrollTo(table.getItems().size() - 1);
        }
        if (!follow || --pulsesLeft <= 0) {
            watching.removePostLayoutPulseListener(settle);
            watching = null;
        } else {
            Platform.requestNextPulse(); // watch the next pulses even when nothing else asks for one
        }
    }

    private boolean lastRowWhole(VirtualFlow<?> flow) {
        IndexedCell<?> last = flow.getLastVisibleCell();
        Node viewport = flow.lookup(".clipped-container");
        if (last == null || viewport == null || last.getIndex() != table.getItems().size() - 1) {
            return false;
        }
        double bottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        return bottom <= viewport.localToScene(viewport.getBoundsInLocal()).getMaxY() + 1;
    }
}
