package dev.restlab.ui.lab;

import dev.restlab.fault.FaultRules;
import dev.restlab.lab.Lab;
import dev.restlab.lab.LabFaults;
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
import dev.restlab.ui.Delays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import dev.restlab.ui.ListReadOnce;
import dev.restlab.ui.UiThreads;

/**
 * The Lab tab: a lab's steps as a checklist that ticks itself from the live traffic, the chosen
 * step with its task, its command (with the running server's port and the id the lab has
 * remembered), why it matters, and a question whose answer shows on request; the progress
 * ("7 of 14"); why the last exchange ticked nothing; skipping an optional step; the finished
 * state; and the lab report.
 */
public final class LabPaneViewModel implements AutoCloseable {

    /**
     * One line of the checklist.
     *
     * @param status the status code of the answer that did the step; 0 when no exchange did it
     *               (the server starting) or none is done, -1 when the exchange got no answer
     */
    public record StepRow(int number, String title, boolean done, String doneBy, long exchangeId, boolean optional,
            boolean skipped, int status) {
    }

    /** The status line's code: {@code HTTP/1.1 201 Created}. */
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/[0-9.]+ ([1-5][0-9][0-9])\\b");

    /** How long a passing message ("Copied: …") stays before it clears itself. */
    public static final Duration PASSING = Duration.ofSeconds(6);

    /** The tab's title while its first lab is still being read, off the FX thread, as the window opens. */
    public static final String READING = "Reading the lab…";

    private final TrafficLog traffic;
    private final ProgressStore progress;
    private final UiThreads threads;
    private final Predicate<Exchange> fromWindow;
    private final ObservableIntegerValue port;
    private final Dialogs dialogs;
    private final LongPredicate showExchange;

    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ListReadOnce<BuiltInLab> builtIns = new ListReadOnce<>();
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
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper finished = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper skippable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper besideTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper besideRequest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper thisRequest = new ReadOnlyStringWrapper("");
    /** Never, until the window passes {@link dev.restlab.ui.FxDelays}: tests see a message stay. */
    private Delays messageDelays = (delay, action) -> () -> { };
    private Runnable cancelPassing = () -> { };

    /** Null until the first lab is read: nothing that needs a lab happens before. */
    private LabTracker tracker;
    /**
     * The traffic's newest id when this was made: the first lab follows the traffic from there, so
     * the exchanges recorded while it was read still tick its steps.
     */
    private final long firstLabAfter;
    private AutoCloseable following;
    /** Set by {@link #close}: a first lab read after the window went follows no traffic. */
    private volatile boolean closed;
    /** The server's rules, which the lab's steps switch on and off; null until the window gives them. */
    private FaultRules faultRules;
    private LabFaults labFaults;

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
        this(LabFile::handout, traffic, progress, threads, fromWindow, port, dialogs, showExchange);
    }

    /**
     * Returns at once: {@code firstLab} (the handout, as the window opens) is read on the background
     * thread with its saved progress, and followed from the traffic as it was now once it arrives.
     * Until then the tab says {@link #READING} and has no steps.
     */
    public LabPaneViewModel(Callable<Lab> firstLab, TrafficLog traffic, ProgressStore progress, UiThreads threads,
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
            refresh(false);
        });
        firstLabAfter = traffic.lastId();
        title.set(READING);
        // The progress file is read there too: a tracker loads it as it is made.
        threads.run(() -> new LabTracker(firstLab.call(), progress, this::sender), this::useFirst, failure -> {
            if (tracker == null) {
                title.set("");
                message.set("The lab could not be read: " + failure.getMessage());
            }
        });
    }

    /** The first lab, once read; a lab the user chose meanwhile (from the menu or a file) stays. */
    private void useFirst(LabTracker first) {
        if (tracker == null && !closed) {
            follow(first, firstLabAfter);
        }
    }

    /**
     * Follows {@code lab} from now on, with the progress kept for it; the first lab, from the
     * traffic as it was when this view model was made.
     */
    public void use(Lab lab) {
        follow(new LabTracker(lab, progress, this::sender), tracker == null ? firstLabAfter : traffic.lastId());
    }

    private void follow(LabTracker next, long afterId) {
        closeFollowing();
        tracker = next;
        Lab lab = next.lab();
        LabTracker mine = tracker;
        tracker.onTick(tick -> threads.fx().execute(() -> {
            if (tracker == mine) {
                ticked(tick);
            }
        }));
        tracker.onReason(told -> threads.fx().execute(() -> {
            if (tracker == mine) {
                reason.set("✗ " + told.text());
            }
        }));
        following = traffic.subscribe(tracker, afterId);
        switchFaults();
        if (port.get() > 0) {
            tracker.serverRunning(port.get());
        }
        title.set(lab.title());
        message.set("");
        reason.set("");
        refresh(true);
    }

    /** The server's fault rules: each lab's steps switch their {@code faults:} on and off in them from now on. */
    public void useFaults(FaultRules rules) {
        this.faultRules = rules;
        switchFaults();
    }

    private void switchFaults() {
        if (labFaults != null) {
            labFaults.close();
            labFaults = null;
        }
        if (faultRules != null && tracker != null) {
            labFaults = LabFaults.follow(tracker, faultRules);
        }
    }

    /** Who sent an exchange: the window (by itself or because the user asked) or another client. */
    private Sender sender(Exchange exchange) {
        if (!fromWindow.test(exchange)) {
            return Sender.TERMINAL;
        }
        return Sender.of(exchange) == Sender.WINDOW_BACKGROUND ? Sender.WINDOW_BACKGROUND : Sender.WINDOW;
    }

    /** A lab built into RestLab, as the window offers it: its name ({@code --lab NAME}) and its title. */
    public record BuiltInLab(String name, String title) {
    }

    /**
     * The labs built into RestLab, in the order {@code --lab} lists them (the handout first), for
     * the tab's menu; empty until {@link #readBuiltInLabs} has read their titles.
     */
    public ObservableList<BuiltInLab> builtInLabs() {
        return builtIns.items();
    }

    /**
     * Reads the built-in labs' titles on the background thread, the first time it is asked (as the
     * Lab tab's view is built): each is a whole YAML file to parse, too slow for the FX thread.
     */
    public void readBuiltInLabs() {
        builtIns.read(threads, () -> LabFile.BUILT_IN.stream()
                .map(name -> new BuiltInLab(name, LabFile.builtIn(name).title())).toList(),
                failure -> message.set("The built-in labs could not be read: " + failure.getMessage()));
    }

    /** Follows the built-in lab of that name (its progress kept as for any lab); an unknown name changes nothing. */
    public void useBuiltIn(String name) {
        if (LabFile.BUILT_IN.contains(name)) {
            use(LabFile.builtIn(name));
        }
    }

    /** Reads a teacher's lab file; a wrong one is refused with its line, and the current lab stays. */
    public void openLabFile(Path file) {
        try {
            use(LabFile.load(file.toString()));
        } catch (LabFileException e) {
            message.set("This lab file cannot be used: " + e.getMessage());
        }
    }

    /** A tick seen in the window: the banner names the step and counts it, and the reason and passing message go. */
    private void ticked(Tick tick) {
        Lab lab = tracker.lab();
        lab.step(tick.stepId()).ifPresent(step -> banner.set("✓ Step " + lab.number(step) + " of " + lab.steps().size()
                + " done: " + step.title()));
        reason.set("");
        clearPassing();
        refresh(true);
        ticked.set(ticked.get() + 1); // last: whoever counts ticks sees the tab already moved on
    }

    /** How passing messages are timed: the window passes {@link dev.restlab.ui.FxDelays}. */
    public void useMessageDelays(Delays delays) {
        this.messageDelays = delays;
    }

    /** A message that clears itself after {@link #PASSING}, or at the next tick. */
    private void pass(String text) {
        cancelPassing.run();
        message.set(text);
        cancelPassing = messageDelays.after(PASSING, () -> {
            if (message.get().equals(text)) {
                message.set("");
            }
        });
    }

    private void clearPassing() {
        cancelPassing.run();
        cancelPassing = () -> { };
        if (!message.get().startsWith("This lab file cannot be used")) {
            message.set("");
        }
    }

    public void copyCommand() {
        if (!command.get().isEmpty()) {
            dialogs.copyToClipboard(command.get());
            pass("Copied: paste it into a terminal.");
        }
    }

    /** Skips the chosen step, when it is optional and not done: it holds nothing back from now on. */
    public void skipChosen() {
        if (tracker == null) {
            return;
        }
        int index = chosen.get();
        List<Step> all = tracker.lab().steps();
        if (index < 0 || index >= all.size() || !tracker.skip(all.get(index))) {
            return;
        }
        pass("Skipped step " + (index + 1) + ": " + all.get(index).title() + ". You can still do it later.");
        refresh(true);
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
        if (tracker == null) {
            return;
        }
        if (!dialogs.confirm("RestLab", "Start the lab again?",
                "Every tick of this lab is forgotten, and it starts again from its first step.")) {
            return;
        }
        tracker.restart();
        if (port.get() > 0) {
            tracker.serverRunning(port.get()); // the server is still running: that step is done again
        }
        reason.set("");
        pass("The lab starts again from its first step.");
        refresh(true);
    }

    /** Writes the report as NAME.md and NAME.html, off the FX thread; says where, or why not. */
    public void exportReport(Path file, String student) {
        LabTracker reported = tracker;
        if (reported == null) {
            message.set("The lab is still being read: export its report in a moment.");
            return;
        }
        threads.run(() -> LabReport.write(reported, file, student),
                written -> pass("Lab report written to " + written.get(0) + " and " + written.get(1)),
                failure -> message.set("The lab report could not be written to " + file + ": " + failure.getMessage()));
    }

    private void refresh(boolean followCurrent) {
        if (tracker == null) {
            return;
        }
        Lab lab = tracker.lab();
        List<StepRow> rows = lab.steps().stream().map(step -> {
            Optional<Tick> tick = tracker.tickOf(step);
            return new StepRow(lab.number(step), step.title(), tick.isPresent(),
                    tick.map(Tick::summary).orElse(""), tick.map(Tick::exchangeId).orElse(0L), step.optional(),
                    tracker.skipped(step), tick.map(LabPaneViewModel::status).orElse(0));
        }).toList();
        steps.setAll(rows);
        int done = tracker.doneCount();
        progressText.set(done + " of " + lab.steps().size());
        progressShare.set(lab.steps().isEmpty() ? 0 : done / (double) lab.steps().size());
        finished.set(!tracker.complete() ? "" : "Lab complete: " + done + " of " + lab.steps().size() + " steps done,"
                + " every step " + (lab.requiredCount() == lab.steps().size() ? "" : "that is not optional ")
                + "included. Next: Export lab report… to hand it in."
                + (tracker.current().isPresent() ? " The optional steps left may still be done or skipped." : ""));
        if (followCurrent) {
            chosen.set(tracker.current().map(step -> lab.number(step) - 1).orElse(-1));
        }
        describe();
    }

    /** The code the tick's answer began with; -1 for an exchange that got no answer, 0 for no exchange. */
    private static int status(Tick tick) {
        if (tick.exchangeId() <= 0) {
            return 0;
        }
        Matcher line = STATUS_LINE.matcher(tick.response());
        return line.find() ? Integer.parseInt(line.group(1)) : -1;
    }

    /** What the step part of the tab shows for a step: its title line, its task and its command. */
    public record StepText(String title, String task, String command) {
    }

    /** Every step of the lab as the tab would show it now (the running server's port, the id remembered). */
    public List<StepText> stepTexts() {
        if (tracker == null) {
            return List.of();
        }
        List<Step> all = tracker.lab().steps();
        return all.stream().map(step -> new StepText(stepTitle(step, all.size()), tracker.fill(step.task()),
                step.command().isEmpty() ? "" : tracker.fill(step.command()))).toList();
    }

    private String stepTitle(Step step, int count) {
        return "Step " + tracker.lab().number(step) + " of " + count + ": " + step.title()
                + (step.optional() ? " (optional)" : "");
    }

    private Optional<StepRow> chosenRow() {
        int index = chosen.get();
        return index >= 0 && index < steps.size() ? Optional.of(steps.get(index)) : Optional.empty();
    }

    private void describe() {
        if (tracker == null) {
            return;
        }
        answerShown.set(false);
        int index = chosen.get();
        List<Step> all = tracker.lab().steps();
        if (port.get() > 0) {
            tracker.usePort(port.get());
        }
        if (index < 0 || index >= all.size()) {
            boolean complete = tracker.complete();
            stepTitle.set(complete ? "Lab complete" : "");
            task.set(complete ? "Every step is done. Export the lab report (Export lab report… above) to hand it in;"
                    + " pick any step in the list to read it again." : "");
            command.set("");
            explanation.set("");
            note.set("");
            question.set("");
            answer.set("");
            doneBy.set("");
            skippable.set(false);
            beside(null);
            return;
        }
        Step step = all.get(index);
        boolean done = tracker.tickOf(step).isPresent();
        stepTitle.set(stepTitle(step, all.size()));
        task.set(tracker.fill(step.task()));
        command.set(step.command().isEmpty() ? "" : tracker.fill(step.command()));
        explanation.set(tracker.fill(step.explanation()) + (step.reference().isEmpty() ? "" : " (" + step.reference() + ")"));
        note.set(step.note().isEmpty() ? "" : "Note: " + tracker.fill(step.note()));
        question.set(tracker.fill(step.question()));
        answer.set(tracker.fill(step.answer()));
        doneBy.set(tracker.tickOf(step).map(tick -> "✓ Done: " + tick.summary())
                .orElse(tracker.skipped(step) ? "Skipped (optional): you can still do it" : "Not done yet"));
        skippable.set(step.optional() && !done && !tracker.skipped(step));
        beside(step);
    }

    /** The request of the step this one is shown beside, and this step's own, once they are done. */
    private void beside(Step step) {
        Optional<Step> other = step == null ? Optional.empty() : tracker.lab().step(step.beside());
        Optional<Tick> otherTick = other.flatMap(tracker::tickOf);
        if (other.isEmpty() || otherTick.isEmpty()) {
            besideTitle.set("");
            besideRequest.set("");
            thisRequest.set("");
            return;
        }
        besideTitle.set("Step " + tracker.lab().number(other.get()) + "'s request, and this step's: compare them");
        besideRequest.set(otherTick.get().request());
        thisRequest.set(tracker.tickOf(step).map(Tick::request).orElse("(not done yet)"));
    }

    private void closeFollowing() {
        if (labFaults != null) {
            labFaults.close();
            labFaults = null;
        }
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
        closed = true;
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

    /** Why the newest exchange ticked nothing ("✗ exchange #12, …"); empty after a tick. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The chosen step's note ("Note: RestLab's server also sends Location…"), or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the newest tick's banner says: "✓ Step 2 of 14 done: Ask the root of the server with curl". */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Once every required step is done: that the lab is complete and what to do next; else empty. */
    public ReadOnlyStringProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** True when the chosen step is optional and neither done nor skipped. */
    public ReadOnlyBooleanProperty skippableProperty() {
        return skippable.getReadOnlyProperty();
    }

    /** For a step shown beside another (step 3 beside step 2): what that is, or empty. */
    public ReadOnlyStringProperty besideTitleProperty() {
        return besideTitle.getReadOnlyProperty();
    }

    /** The other step's request, as sent. */
    public ReadOnlyStringProperty besideRequestProperty() {
        return besideRequest.getReadOnlyProperty();
    }

    /** The chosen step's own request, as sent, when it is shown beside another's. */
    public ReadOnlyStringProperty thisRequestProperty() {
        return thisRequest.getReadOnlyProperty();
    }

    /** Counts the ticks seen in the window: the view celebrates each one. */
    public ReadOnlyIntegerProperty tickedProperty() {
        return ticked.getReadOnlyProperty();
    }
}
