package dev.restlab.ui.check;

import dev.restlab.check.CaseResult;
import dev.restlab.check.CheckReport;
import dev.restlab.check.TargetUnreachable;
import dev.restlab.http.TargetUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.UiThreads;

/**
 * Check a server: the handout's scenario sent to a URL a person types (a student's Flask program)
 * and to RestLab's own API, case by case as the answers come, then the summary. The check runs
 * on the background thread; each case reaches the list on the FX thread as it is made.
 */
public final class CheckPaneViewModel {

    /** Runs a check; the window's is the handout's scenario against a fresh RestLab of its own. */
    public interface Checker {
        CheckReport check(TargetUrl target, Consumer<CaseResult> eachCase) throws TargetUnreachable;
    }

    /** One case as the list shows it. */
    public record Row(CaseResult result) {
        public boolean same() {
            return result.outcome().fine();
        }

        @Override
        public String toString() {
            return result.outcome().symbol() + " " + result.number() + ". " + result.scenarioCase().title()
                    + (result.handout() ? "" : " (extra)") + " — " + result.answer().statusText() + ": "
                    + result.verdict();
        }
    }

    private final Checker checker;
    private final UiThreads threads;
    private final Dialogs dialogs;
    private final StringProperty url = new SimpleStringProperty("http://127.0.0.1:5000");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Type the URL of a server, such as your Flask program, and press Check.");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper reportReady = new ReadOnlyBooleanWrapper(false);
    private CheckReport report;

    public CheckPaneViewModel(Checker checker, UiThreads threads, Dialogs dialogs) {
        this.checker = checker;
        this.threads = threads;
        this.dialogs = dialogs;
    }

    /** Checks the server at the URL typed; a URL that will not do is explained instead. */
    public void check() {
        if (running.get()) {
            return;
        }
        TargetUrl target;
        try {
            target = TargetUrl.parse(url.get());
        } catch (IllegalArgumentException e) {
            status.set("Not a URL RestLab can check: " + e.getMessage() + ".");
            return;
        }
        rows.clear();
        details.set("");
        report = null;
        reportReady.set(false);
        running.set(true);
        status.set("Checking " + target + "…");
        threads.run(() -> checker.check(target, result -> threads.fx().execute(() -> {
            rows.add(new Row(result));
            status.set("Checking " + target + "… " + result.number() + " cases so far");
        })), this::done, failure -> failed(target, failure));
    }

    private void done(CheckReport finished) {
        running.set(false);
        report = finished;
        reportReady.set(true);
        status.set(finished.target() + ": " + finished.summary() + ". " + finished.cleanup().sentence());
    }

    private void failed(TargetUrl target, Exception failure) {
        running.set(false);
        String why = failure instanceof TargetUnreachable ? failure.getMessage()
                : "The check of " + target + " stopped: " + failure.getMessage();
        status.set(why.matches("(?s).*[.?!]") ? why : why + ".");
    }

    /** Shows the case at {@code index} in full (nothing for -1). */
    public void show(int index) {
        details.set(index < 0 || index >= rows.size() ? "" : CheckReport.details(rows.get(index).result()));
    }

    /** Asks where, then writes the report as Markdown and HTML beside each other. */
    public void saveReport() {
        CheckReport finished = report;
        if (finished == null) {
            return;
        }
        Optional<Path> file = dialogs.chooseSaveFile("Save the check report", "check-report.md",
                "Markdown (an HTML copy is written beside it)", "md");
        if (file.isEmpty()) {
            return;
        }
        threads.run(() -> finished.write(file.get()),
                (List<Path> written) -> status.set("Report written to " + written.get(0) + " and " + written.get(1)),
                failure -> status.set("The report could not be written: " + failure.getMessage()));
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reportReadyProperty() {
        return reportReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return readOnlyRows;
    }
}
