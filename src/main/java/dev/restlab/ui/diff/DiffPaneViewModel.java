package dev.restlab.ui.diff;

import dev.restlab.diff.DiffRow;
import dev.restlab.diff.DiffSection;
import dev.restlab.diff.ExchangeDiff;
import dev.restlab.wire.Exchange;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.restlab.ui.TrafficSelection;
import dev.restlab.ui.UiThreads;

/**
 * Two exchanges side by side. The person picks them in the traffic list: two selected rows, or
 * one row kept for later and another chosen after, possibly in another view (an exchange of an
 * imported HAR file beside a live one). The comparison runs off the FX thread: bodies may be
 * long.
 */
public final class DiffPaneViewModel {

    /** One row of the view: a part's title, a note, or a line of each side. */
    public record Line(Kind kind, String left, String right) {
    }

    /** What a {@link Line} is, which the view styles. */
    public enum Kind {
        /** A part's title (left) and its summary (right). */
        SECTION,
        /** How the part was compared, across both columns (left). */
        NOTE,
        /** Fields or keys in another order, across both columns (left). */
        ORDER,
        SAME, CHANGED, ADDED, REMOVED
    }

    /** An exchange and where it came from: "live" or an imported file's name. */
    public record Side(Exchange exchange, String origin) {
        String title() {
            Exchange e = exchange;
            return "#" + e.id() + " · " + origin + " · " + e.method() + " " + e.target() + " → " + e.status()
                    + " · " + e.request().header("User-Agent").orElse("no User-Agent") + " · " + CLOCK.format(e.started());
        }
    }

    /** Longer lines are cut for display (a minified body can be one 256 KiB line). */
    static final int LONGEST_LINE = 2_000;

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TrafficSelection traffic;
    private final UiThreads threads;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Line> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper leftTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rightTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper("Diff");
    private final ReadOnlyBooleanWrapper actionDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper keptText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper compared = new ReadOnlyIntegerWrapper();
    private Side kept;
    private Side left;
    private Side right;

    public DiffPaneViewModel(TrafficSelection traffic, UiThreads threads) {
        this.traffic = traffic;
        this.threads = threads;
        traffic.selectedExchanges().addListener((Observable o) -> updateAction());
        traffic.importedFromProperty().addListener((Observable o) -> updateAction());
        updateAction();
    }

    /**
     * The traffic pane's Diff button: with two rows selected, compares them (the one that started
     * first on the left, as a POST's 201 before the 415 that followed); with one, compares the
     * kept one with it, or keeps it when none is kept.
     */
    public void act() {
        List<Exchange> chosen = List.copyOf(traffic.selectedExchanges());
        if (chosen.size() == 2) {
            boolean inOrder = !chosen.get(1).started().isBefore(chosen.get(0).started());
            Exchange first = inOrder ? chosen.get(0) : chosen.get(1);
            Exchange second = inOrder ? chosen.get(1) : chosen.get(0);
            compare(side(first), side(second));
        } else if (chosen.size() == 1 && kept != null && kept.exchange() != chosen.get(0)) {
            compare(kept, side(chosen.get(0)));
        } else if (chosen.size() == 1) {
            kept = side(chosen.get(0));
            Exchange e = kept.exchange();
            keptText.set("Kept for diff: #" + e.id() + " " + e.method() + " " + e.path() + " → " + e.status() + " (" + kept.origin()
                    + "). Select another exchange, here or in another view, and press Diff.");
            updateAction();
        }
    }

    /** Forgets the exchange kept for a diff. */
    public void forgetKept() {
        kept = null;
        keptText.set("");
        updateAction();
    }

    /** Compares {@code l} (left) with {@code r} (right) and shows the result when it is ready. */
    public void compare(Side l, Side r) {
        left = l;
        right = r;
        leftTitle.set("Left: " + l.title());
        rightTitle.set("Right: " + r.title());
        summary.set("Comparing…");
        lines.clear();
        compared.set(compared.get() + 1);
        threads.run(() -> ExchangeDiff.between(l.exchange(), r.exchange()), diff -> {
            if (left == l && right == r) {
                lines.setAll(lines(diff));
                summary.set(summary(diff));
            }
        }, failure -> summary.set("The two exchanges could not be compared: " + failure));
    }

    /** Shows the same two exchanges the other way round. */
    public void swap() {
        if (left != null) {
            compare(right, left);
        }
    }

    private Side side(Exchange e) {
        String file = traffic.importedFromProperty().get();
        return new Side(e, file.isEmpty() ? "live" : file);
    }

    private void updateAction() {
        List<Exchange> chosen = traffic.selectedExchanges();
        if (chosen.size() == 2) {
            action.set("Diff the 2 selected");
        } else if (chosen.size() == 1 && kept != null && kept.exchange() != chosen.get(0)) {
            action.set("Diff with #" + kept.exchange().id() + " (" + kept.origin() + ")");
        } else if (chosen.size() == 1) {
            action.set(kept == null ? "Keep for diff" : "Kept for diff");
        } else {
            action.set("Diff");
        }
        actionDisabled.set(chosen.isEmpty() || chosen.size() > 2 || (chosen.size() == 1 && kept != null && kept.exchange() == chosen.get(0)));
    }

    static List<Line> lines(ExchangeDiff diff) {
        List<Line> lines = new ArrayList<>();
        for (DiffSection section : diff.sections()) {
            lines.add(new Line(Kind.SECTION, section.title(), section.summary()));
            section.orderChange().ifPresent(order -> lines.add(new Line(Kind.ORDER, order, "")));
            for (DiffRow row : section.rows()) {
                lines.add(new Line(Kind.valueOf(row.change().name()), cut(row.left()), cut(row.right())));
            }
            section.notes().forEach(note -> lines.add(new Line(Kind.NOTE, note, "")));
        }
        return lines;
    }

    static String summary(ExchangeDiff diff) {
        if (diff.same()) {
            return "The two exchanges are the same" + (diff.sections().stream().anyMatch(s -> s.orderChange().isPresent())
                    ? ", but for the order of some fields or keys." : ".");
        }
        List<String> differing = diff.sections().stream().filter(s -> !s.same()).map(s -> s.title().toLowerCase(Locale.ROOT)).toList();
        return "They differ in: " + String.join(", ", differing) + ".";
    }

    private static String cut(String text) {
        if (text == null || text.length() <= LONGEST_LINE) {
            return text;
        }
        return text.substring(0, LONGEST_LINE) + " … [" + (text.length() - LONGEST_LINE) + " more characters]";
    }

    /** The rows side by side, parts in wire order: request line, headers, body, then the response's. */
    public ObservableList<Line> lines() {
        return linesView;
    }

    public ReadOnlyStringProperty leftTitleProperty() {
        return leftTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightTitleProperty() {
        return rightTitle.getReadOnlyProperty();
    }

    /** Which parts differ, in a sentence; "" before the first comparison. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the Diff button will do with the current selection. */
    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty actionDisabledProperty() {
        return actionDisabled.getReadOnlyProperty();
    }

    /** Which exchange is kept for a diff, and what to do next; "" when none is. */
    public ReadOnlyStringProperty keptTextProperty() {
        return keptText.getReadOnlyProperty();
    }

    /** Counts comparisons asked for: the window shows the diff when it changes. */
    public ReadOnlyIntegerProperty comparedProperty() {
        return compared.getReadOnlyProperty();
    }
}
