package dev.restlab.ui.check;

import dev.restlab.check.CaseResult;
import dev.restlab.check.CheckReport;
import dev.restlab.check.Outcome;
import dev.restlab.check.ClassReport;
import dev.restlab.check.Roster;
import dev.restlab.check.RosterEntry;
import dev.restlab.check.RosterException;
import dev.restlab.check.ScenarioCase;
import dev.restlab.check.StudentResult;
import dev.restlab.check.TargetUnreachable;
import dev.restlab.http.TargetUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import dev.restlab.ui.ListReadOnce;
import dev.restlab.ui.UiThreads;

/**
 * Check a server: the handout's scenario sent to a URL a person types (a student's Flask program),
 * graded against the handout's listing it matches best, case by case, then the summary. Or a whole
 * class from a roster, shown as a grid: a row per student, filled in as each check ends, a cell
 * per case. Checks run on the background thread; results reach the lists on the FX thread.
 */
public final class CheckPaneViewModel {

    /** Runs a check; the window's is the handout's scenario. */
    public interface Checker {
        CheckReport check(TargetUrl target, Consumer<CaseResult> eachCase) throws TargetUnreachable;
    }

    /** Checks a class; the window's is the handout's scenario, up to eight servers at a time. */
    public interface ClassChecker {
        ClassReport check(List<RosterEntry> roster, Consumer<StudentResult> eachDone) throws InterruptedException;
    }

    /**
     * One cell of the class grid: a case's symbol, its style and, for a tooltip, the case and its
     * verdict; and the status code the student's server answered (0 while checking or when
     * unreachable, -1 for no whole answer).
     */
    public record Cell(String symbol, String style, String tip, int status) {
    }

    /** One student of the class grid: their check's result once it has ended. */
    public record StudentRow(RosterEntry entry, Optional<StudentResult> result) {
        public String student() {
            return entry.student();
        }

        public String listing() {
            return result.map(StudentResult::listing).orElse("");
        }

        /** {@code pass}, {@code differs}, {@code unreachable}, or {@code checking…} until it ends. */
        public String verdict() {
            return result.map(r -> r.verdict().word()).orElse("checking…");
        }

        /** The verdict's mark, the same the cases use: ✓ pass, ✗ differs, ⊘ unreachable; empty while checking. */
        public String verdictMark() {
            return result.map(r -> switch (r.verdict()) {
                case PASS -> Outcome.AS_EXPECTED.symbol();
                case DIFFERS -> Outcome.DIFFERS.symbol();
                case UNREACHABLE -> Outcome.NO_ANSWER.symbol();
            }).orElse("");
        }

        /** The cell of case {@code index} (from 0): its outcome, or a blank while checking or unreachable. */
        public Cell cell(int index) {
            if (result.isEmpty()) {
                return new Cell("…", "check-cell-pending", "checking…", 0);
            }
            Optional<CheckReport> report = result.get().report();
            if (report.isEmpty() || index >= report.get().cases().size()) {
                return new Cell("·", "check-cell-unreachable", result.get().unreachable(), 0);
            }
            CaseResult c = report.get().cases().get(index);
            return new Cell(c.outcome().symbol(), "check-cell-" + c.outcome().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), c.number() + ". " + c.scenarioCase().title() + ": " + c.answer().statusText()
                    + ", " + c.verdict(), statusOf(c));
        }
    }

    /** The code a case was answered with; -1 when no whole answer came (or the case was not sent). */
    static int statusOf(CaseResult c) {
        return c.answer().complete() ? c.answer().exchange().orElseThrow().status() : -1;
    }

    /** A column of the class grid: one case of the scenario, graded or an extra of RestLab's. */
    public record CaseColumn(String title, boolean graded) {
    }

    /** One case as the list shows it. */
    public record Row(CaseResult result) {
        public boolean same() {
            return result.outcome().fine();
        }

        /** The answer's status code, -1 when no whole answer came. */
        public int status() {
            return statusOf(result);
        }

        @Override
        public String toString() {
            return result.outcome().symbol() + " " + result.number() + ". " + result.scenarioCase().title()
                    + (result.handout() ? "" : " (extra)") + " — " + result.answer().statusText() + ": "
                    + result.verdict();
        }
    }

    private final Checker checker;
    private final ClassChecker classChecker;
    private final Callable<List<ScenarioCase>> cases;
    private final ListReadOnce<CaseColumn> caseColumns = new ListReadOnce<>();
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
    private final StringProperty roster = new SimpleStringProperty("");
    private final ObservableList<StudentRow> students = FXCollections.observableArrayList();
    private final ObservableList<StudentRow> readOnlyStudents = FXCollections.unmodifiableObservableList(students);
    private final ReadOnlyBooleanWrapper classShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper gradesReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checkedOnce = new ReadOnlyBooleanWrapper(false);
    private CheckReport report;
    private ClassReport grades;
    private Runnable again = () -> { };

    /**
     * Reads nothing yet: the window makes this before its first frame, and the cases are needed
     * only once the Check tab is built ({@link #readCases}).
     *
     * @param cases reads the scenario's cases, in order: the class grid's columns
     */
    public CheckPaneViewModel(Checker checker, ClassChecker classChecker, Callable<List<ScenarioCase>> cases,
            UiThreads threads, Dialogs dialogs) {
        this.checker = checker;
        this.classChecker = classChecker;
        this.cases = cases;
        this.threads = threads;
        this.dialogs = dialogs;
    }

    /**
     * Reads the scenario's cases on the background thread, the first time it is asked (as the
     * Check tab's view is built); {@link #caseColumns} fills in once they are read.
     */
    public void readCases() {
        caseColumns.read(threads, () -> cases.call().stream().map(c -> new CaseColumn(c.title(), c.handout())).toList(),
                failure -> status.set("The scenario's cases could not be read: " + failure.getMessage()));
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
        again = this::check;
        checkedOnce.set(true);
        classShown.set(false);
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

    /**
     * Checks every student of the roster file named in the roster field, up to eight at a time;
     * each student's row fills in as their check ends. A roster that will not do is explained
     * with its line, and nothing is sent.
     */
    public void checkClass() {
        if (running.get()) {
            return;
        }
        String file = roster.get() == null ? "" : roster.get().strip();
        if (file.isEmpty()) {
            status.set("Choose a class roster first: a CSV file of student,url lines.");
            return;
        }
        again = this::checkClass;
        checkedOnce.set(true);
        running.set(true);
        classShown.set(true);
        gradesReady.set(false);
        grades = null;
        details.set("");
        students.clear();
        status.set("Reading the roster " + file + "…");
        threads.run(() -> Roster.read(Path.of(file)), this::startClass, failure -> {
            running.set(false);
            status.set(failure instanceof RosterException ? "The roster " + failure.getMessage()
                    : "The roster " + file + " could not be read: " + failure.getMessage());
        });
    }

    private void startClass(List<RosterEntry> entries) {
        entries.forEach(entry -> students.add(new StudentRow(entry, Optional.empty())));
        status.set("Checking " + entries.size() + (entries.size() == 1 ? " server…" : " servers…"));
        List<StudentResult> done = new ArrayList<>();
        threads.run(() -> classChecker.check(entries, result -> threads.fx().execute(() -> {
            done.add(result);
            int at = indexOf(result.entry());
            if (at >= 0) {
                students.set(at, new StudentRow(result.entry(), Optional.of(result)));
            }
            status.set("Checking " + entries.size() + " servers… " + done.size() + " done");
        })), this::classDone, failure -> {
            running.set(false);
            status.set("The class check stopped: " + failure.getMessage());
        });
    }

    private int indexOf(RosterEntry entry) {
        for (int i = 0; i < students.size(); i++) {
            if (students.get(i).entry().equals(entry)) {
                return i;
            }
        }
        return -1;
    }

    private void classDone(ClassReport finished) {
        running.set(false);
        grades = finished;
        gradesReady.set(true);
        for (StudentResult result : finished.students()) {
            int at = indexOf(result.entry());
            if (at >= 0) {
                students.set(at, new StudentRow(result.entry(), Optional.of(result)));
            }
        }
        status.set(finished.summary() + ".");
    }

    /** Runs the last check again, of one server or of the class, as it was asked. */
    public void checkAgain() {
        again.run();
    }

    /** Asks for a roster file and puts its path in the roster field. */
    public void chooseRoster() {
        dialogs.chooseOpenFile("Choose a class roster", "Class roster (student,url lines)", "csv", "txt")
                .ifPresent(file -> roster.set(file.toString()));
    }

    /** Shows one cell of the class grid: that student's case in full, the exchange as curl -i prints it. */
    public void showCell(int student, int caseIndex) {
        if (student < 0 || student >= students.size()) {
            details.set("");
            return;
        }
        StudentRow row = students.get(student);
        Optional<CheckReport> checked = row.result().flatMap(StudentResult::report);
        if (row.result().isPresent() && checked.isEmpty()) {
            details.set(row.student() + ": " + row.result().get().unreachable());
            return;
        }
        if (checked.isEmpty()) {
            details.set(row.student() + ": still being checked.");
            return;
        }
        if (caseIndex < 0 || caseIndex >= checked.get().cases().size()) {
            details.set(row.student() + " — " + row.entry().url() + "\n\n" + checked.get().text());
            return;
        }
        details.set(row.student() + " — " + row.entry().url() + "\n" + capital(checked.get().summary()) + ".\n\n"
                + CheckReport.details(checked.get().cases().get(caseIndex)));
    }

    /** Asks where, then writes the grades as NAME.csv, NAME.md and NAME.html. */
    public void saveGrades() {
        ClassReport finished = grades;
        if (finished == null) {
            return;
        }
        Optional<Path> file = dialogs.chooseSaveFile("Save the grades", "grades.csv",
                "CSV (Markdown and HTML copies are written beside it)", "csv");
        if (file.isEmpty()) {
            return;
        }
        threads.run(() -> finished.write(file.get()),
                (List<Path> written) -> status.set("Grades written to " + written.get(0) + ", " + written.get(1)
                        + " and " + written.get(2)),
                failure -> status.set("The grades could not be written: " + failure.getMessage()));
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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

    public StringProperty rosterProperty() {
        return roster;
    }

    /** The class grid's rows, one per student of the roster, in its order. */
    public ObservableList<StudentRow> students() {
        return readOnlyStudents;
    }

    /** The class grid's columns: the scenario's cases, in order; empty until {@link #readCases} has read them. */
    public ObservableList<CaseColumn> caseColumns() {
        return caseColumns.items();
    }

    /** True while the class grid, not one server's cases, is shown. */
    public ReadOnlyBooleanProperty classShownProperty() {
        return classShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gradesReadyProperty() {
        return gradesReady.getReadOnlyProperty();
    }

    /** True once a check was asked for: Check again has something to repeat. */
    public ReadOnlyBooleanProperty checkedOnceProperty() {
        return checkedOnce.getReadOnlyProperty();
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
