package dev.restlab.ui.lab;

import dev.restlab.lab.Lab;
import dev.restlab.lab.LabFile;
import dev.restlab.lab.LabFileException;
import dev.restlab.lab.LabReport;
import dev.restlab.lab.LabTracker;
import dev.restlab.lab.ProgressStore;
import dev.restlab.lab.Sender;
import dev.restlab.lab.Step;
import dev.restlab.lab.Tick;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.UiThreads;

/**
 * The Lab tab: a lab's steps as a checklist that ticks itself from the live traffic, the chosen
 * step with its task, its command (with the running server's port and the id the lab has
 * remembered), why it matters, and a question whose answer shows on request; the progress
 * ("7 of 14"); and the lab report.
 */
public final class LabPaneViewModel implements AutoCloseable {

    /** One line of the checklist. */
    public record StepRow(int number, String title, boolean done, String doneBy, long exchangeId) {
    }

    private final TrafficLog traffic;
    private final ProgressStore progress;
    private final UiThreads threads;
    private final Predicate<Exchange> fromWindow;
    private final ObservableIntegerValue port;
    private final Dialogs dialogs;
    private final LongPredicate showExchange;

    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final IntegerProperty chosen = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progressShare = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper answerShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper doneBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper ticked = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper exchangeShown = new ReadOnlyIntegerWrapper();

    private LabTracker tracker;
    private AutoCloseable following;

    /**
     * @param fromWindow   tells the window's own requests from other clients'
     * @param port         the running server's port (0 or less when stopped)
     * @param dialogs      asks before the lab starts again, and holds the clipboard
     * @param showExchange selects the exchange with this id in the traffic list; false when the
     *                     list no longer has it
     */
    public LabPaneViewModel(TrafficLog traffic, ProgressStore progress, UiThreads threads,
            Predicate<Exchange> fromWindow, ObservableIntegerValue port, Dialogs dialogs,
            LongPredicate showExchange) {
        this.traffic = traffic;
        this.progress = progress;
        this.threads = threads;
        this.fromWindow = fromWindow;
        this.port = port;
        this.dialogs = dialogs;
        this.showExchange = showExchange;
        chosen.addListener((o, was, now) -> describe());
        port.addListener((o, was, now) -> {
            if (now.intValue() > 0 && tracker != null) {
                tracker.serverRunning(now.intValue());
            }
            describe();
        });
        use(LabFile.handout());
    }

    /** Follows {@code lab} from now on, with the progress kept for it. */
    public void use(Lab lab) {
        closeFollowing();
        tracker = new LabTracker(lab, progress, this::sender);
        LabTracker mine = tracker;
        tracker.onTick(tick -> threads.fx().execute(() -> {
            if (tracker == mine) {
                ticked.set(ticked.get() + 1);
                refresh(true);
            }
        }));
        following = traffic.subscribe(tracker);
        if (port.get() > 0) {
            tracker.serverRunning(port.get());
        }
        title.set(lab.title());
        message.set("");
        refresh(true);
    }

    /** Who sent an exchange: the window (by itself or because the user asked) or another client. */
    private Sender sender(Exchange exchange) {
        if (!fromWindow.test(exchange)) {
            return Sender.TERMINAL;
        }
        return Sender.of(exchange) == Sender.WINDOW_BACKGROUND ? Sender.WINDOW_BACKGROUND : Sender.WINDOW;
    }

    /** Reads a teacher's lab file; a wrong one is refused with its line, and the current lab stays. */
    public void openLabFile(Path file) {
        try {
            use(LabFile.load(file.toString()));
        } catch (LabFileException e) {
            message.set("This lab file cannot be used: " + e.getMessage());
        }
    }

    public void copyCommand() {
        if (!command.get().isEmpty()) {
            dialogs.copyToClipboard(command.get());
            message.set("Copied: paste it into a terminal.");
        }
    }

    public void showAnswer() {
        answerShown.set(true);
    }

    /** Selects, in the traffic list, the exchange that did the chosen step. */
    public void showExchange() {
        chosenRow().filter(row -> row.exchangeId() > 0).ifPresent(row -> {
            if (showExchange.test(row.exchangeId())) {
                exchangeShown.set(exchangeShown.get() + 1);
            } else {
                message.set("Exchange #" + row.exchangeId() + " is no longer in the traffic list (cleared, or"
                        + " RestLab restarted since); the lab report still has it.");
            }
        });
    }

    /** Clears the progress of this lab, after asking. */
    public void startAgain() {
        if (!dialogs.confirm("RestLab", "Start the lab again?",
                "Every tick of this lab is forgotten, and it starts again from its first step.")) {
            return;
        }
        tracker.restart();
        if (port.get() > 0) {
            tracker.serverRunning(port.get()); // the server is still running: that step is done again
        }
        message.set("The lab starts again from its first step.");
        refresh(true);
    }

    /** Writes the report as NAME.md and NAME.html, off the FX thread; says where, or why not. */
    public void exportReport(Path file, String student) {
        LabTracker reported = tracker;
        threads.run(() -> LabReport.write(reported, file, student),
                written -> message.set("Lab report written to " + written.get(0) + " and " + written.get(1)),
                failure -> message.set("The lab report could not be written to " + file + ": " + failure.getMessage()));
    }

    private void refresh(boolean followCurrent) {
        Lab lab = tracker.lab();
        List<StepRow> rows = lab.steps().stream().map(step -> {
            Optional<Tick> tick = tracker.tickOf(step);
            return new StepRow(lab.number(step), step.title(), tick.isPresent(),
                    tick.map(Tick::summary).orElse(""), tick.map(Tick::exchangeId).orElse(0L));
        }).toList();
        steps.setAll(rows);
        int done = tracker.doneCount();
        progressText.set(done + " of " + lab.steps().size());
        progressShare.set(lab.steps().isEmpty() ? 0 : done / (double) lab.steps().size());
        if (followCurrent) {
            chosen.set(tracker.current().map(step -> lab.number(step) - 1).orElse(lab.steps().size() - 1));
        }
        describe();
    }

    private Optional<StepRow> chosenRow() {
        int index = chosen.get();
        return index >= 0 && index < steps.size() ? Optional.of(steps.get(index)) : Optional.empty();
    }

    private void describe() {
        answerShown.set(false);
        int index = chosen.get();
        List<Step> all = tracker.lab().steps();
        if (index < 0 || index >= all.size()) {
            stepTitle.set("");
            return;
        }
        Step step = all.get(index);
        stepTitle.set("Step " + (index + 1) + " of " + all.size() + ": " + step.title());
        task.set(step.task());
        int served = port.get();
        command.set(step.command().isEmpty() ? "" : step.commandFor(served > 0 ? served : 5001, tracker.values()));
        explanation.set(step.explanation() + (step.reference().isEmpty() ? "" : " (" + step.reference() + ")"));
        question.set(step.question());
        answer.set(step.answer());
        doneBy.set(tracker.tickOf(step).map(tick -> "✓ Done: " + tick.summary()).orElse("Not done yet"));
    }

    private void closeFollowing() {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                // Only unsubscribes from the traffic.
            }
            following = null;
        }
    }

    @Override
    public void close() {
        closeFollowing();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    /** The checklist row shown in detail: the current step unless the user picks another. */
    public IntegerProperty chosenProperty() {
        return chosen;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "7 of 14". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progressShare.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answerShownProperty() {
        return answerShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doneByProperty() {
        return doneBy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Counts the exchanges shown in the traffic list on request: the window then shows that list. */
    public ReadOnlyIntegerProperty exchangeShownProperty() {
        return exchangeShown.getReadOnlyProperty();
    }

    /** Counts the ticks seen in the window: the view celebrates each one. */
    public ReadOnlyIntegerProperty tickedProperty() {
        return ticked.getReadOnlyProperty();
    }
}
