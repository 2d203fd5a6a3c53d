package dev.restlab.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.check.ClassCheck;
import dev.restlab.check.ClassReport;
import dev.restlab.check.ScenarioCase;
import dev.restlab.check.ScenarioFile;
import dev.restlab.check.ServerCheck;
import dev.restlab.http.TargetUrl;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.ViewModelTestSupport;

class CheckPaneViewModelTest {

    @RegisterExtension
    final ServerExtension target = new ServerExtension().withoutTraffic();

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<TargetUrl> checked = new ArrayList<>();
    private final List<Integer> rowsWhenTold = new ArrayList<>();
    private final List<Integer> classChecks = new ArrayList<>();
    private CheckPaneViewModel check;

    private CheckPaneViewModel viewModel() {
        check = new CheckPaneViewModel((url, eachCase) -> {
            checked.add(url);
            return new ServerCheck(ScenarioFile.handout()).run(url, result -> {
                        eachCase.accept(result);
                        rowsWhenTold.add(check.rows().size());
                    });
        }, (roster, eachDone) -> {
            classChecks.add(roster.size());
            // one at a time: SAME_THREAD runs each student's callback on the checking thread
            return new ClassCheck(ScenarioFile.handout(), Duration.ofSeconds(5), Duration.ofSeconds(60), 1)
                    .run(roster, eachDone);
        }, () -> ScenarioFile.handout().cases(),
                ViewModelTestSupport.SAME_THREAD, dialogs);
        return check;
    }

    @Test
    void a_class_is_shown_as_a_grid_a_row_per_student_a_cell_per_case(@TempDir Path folder) throws Exception {
        int closed = ScriptedTarget.downPort();
        Path roster = folder.resolve("roster.csv");
        Files.writeString(roster, "student,url\nAnna,http://127.0.0.1:" + target.port() + "\nBruno,http://127.0.0.1:"
                + closed + "\n");
        CheckPaneViewModel vm = viewModel();
        vm.rosterProperty().set(roster.toString());
        vm.checkClass();

        assertTrue(vm.classShownProperty().get());
        assertEquals(List.of("Anna", "Bruno"), vm.students().stream().map(CheckPaneViewModel.StudentRow::student).toList());
        CheckPaneViewModel.StudentRow anna = vm.students().get(0);
        assertEquals("pass", anna.verdict());
        assertEquals("In [7]", anna.listing());
        assertEquals(new CheckPaneViewModel.Cell("✓", "check-cell-as-expected",
                "1. The root says the server is up: 200 OK, as the handout", 200), anna.cell(0));
        assertEquals("✓", anna.verdictMark());
        assertEquals(201, anna.cell(1).status(), "the POST's answer");
        assertEquals("★", anna.cell(3).symbol(), "RestLab kept ?name=: went further");
        assertEquals("unreachable", vm.students().get(1).verdict());
        assertEquals("·", vm.students().get(1).cell(0).symbol());
        assertEquals(0, vm.students().get(1).cell(0).status(), "nothing answered");
        assertEquals("⊘", vm.students().get(1).verdictMark());
        vm.readCases();
        assertEquals(17, vm.caseColumns().size());
        assertEquals("2 students: 1 pass, 0 differs, 1 unreachable.", vm.statusProperty().get());

        vm.showCell(0, 1);
        String details = vm.detailsProperty().get();
        assertTrue(details.startsWith("Anna — http://127.0.0.1:" + target.port()), details);
        assertTrue(details.contains("POST /people/v1/users HTTP/1.1\nHost: 127.0.0.1:" + target.port()), details);
        assertTrue(details.contains("The server answered:\nHTTP/1.1 201 Created"), details);
        vm.showCell(1, 4);
        assertTrue(vm.detailsProperty().get().startsWith("Bruno: http://127.0.0.1:" + closed + " cannot be reached"),
                vm.detailsProperty().get());

        vm.checkAgain();
        assertEquals(List.of(2, 2), classChecks, "Check again checks the class again");
        assertTrue(vm.gradesReadyProperty().get());
        dialogs.choosing(folder.resolve("grades.csv"));
        vm.saveGrades();
        assertTrue(Files.readString(folder.resolve("grades.csv")).startsWith(ClassReport.CSV_HEADER));
        assertTrue(vm.statusProperty().get().startsWith("Grades written to " + folder.resolve("grades.csv")),
                vm.statusProperty().get());
    }

    @Test
    void the_cases_are_read_off_the_calling_thread_once_the_tab_asks_and_only_once() {
        Queue<Runnable> background = new ArrayDeque<>();
        AtomicInteger reads = new AtomicInteger();
        CheckPaneViewModel vm = new CheckPaneViewModel((url, eachCase) -> null, (roster, eachDone) -> null, () -> {
            reads.incrementAndGet();
            return ScenarioFile.handout().cases();
        }, new UiThreads(background::add, Runnable::run), dialogs);
        assertEquals(0, reads.get(), "made before the first frame: reads nothing");
        assertTrue(background.isEmpty());

        vm.readCases();
        vm.readCases();
        assertEquals(1, background.size(), "asked once, however often the tab asks");
        assertEquals(0, reads.get(), "not read on the calling thread");
        assertEquals(List.of(), vm.caseColumns());
        background.remove().run();

        assertEquals(1, reads.get());
        List<ScenarioCase> cases = ScenarioFile.handout().cases();
        assertEquals(cases.stream().map(c -> new CheckPaneViewModel.CaseColumn(c.title(), c.handout())).toList(),
                vm.caseColumns());
        assertEquals("The root says the server is up", vm.caseColumns().get(0).title());
        assertTrue(vm.caseColumns().stream().anyMatch(column -> !column.graded()), "RestLab's extras are marked");
    }

    @Test
    void cases_that_cannot_be_read_are_said_so() {
        CheckPaneViewModel vm = new CheckPaneViewModel((url, eachCase) -> null, (roster, eachDone) -> null, () -> {
            throw new IllegalStateException("the built-in /check/handout-scenario.yaml is missing from the jar");
        }, ViewModelTestSupport.SAME_THREAD, dialogs);
        vm.readCases();
        assertEquals("The scenario's cases could not be read: the built-in /check/handout-scenario.yaml is missing"
                + " from the jar", vm.statusProperty().get());
        assertEquals(List.of(), vm.caseColumns());
    }

    @Test
    void a_roster_that_will_not_do_is_explained_with_its_line_and_nothing_is_sent(@TempDir Path folder)
            throws Exception {
        Path roster = folder.resolve("roster.csv");
        Files.writeString(roster, "Anna,http://127.0.0.1:5001,extra\n");
        CheckPaneViewModel vm = viewModel();
        vm.rosterProperty().set(roster.toString());
        vm.checkClass();

        assertEquals("The roster " + roster + ", line 1: a line is student,url (two fields), not 3 fields: put a"
                + " name with a comma in double quotes", vm.statusProperty().get());
        assertEquals(List.of(), classChecks);
        assertEquals(0, vm.students().size());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void a_url_that_will_not_do_is_explained_and_nothing_is_sent() {
        CheckPaneViewModel vm = viewModel();
        vm.urlProperty().set("https://127.0.0.1:5000");
        vm.check();
        assertTrue(vm.statusProperty().get().startsWith("Not a URL RestLab can check: https is not supported"),
                vm.statusProperty().get());
        assertEquals(List.of(), checked);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void each_case_is_listed_as_it_comes_then_the_summary_and_any_case_in_full() {
        CheckPaneViewModel vm = viewModel();
        vm.urlProperty().set("127.0.0.1:" + target.port());
        vm.check();

        assertEquals(List.of(new TargetUrl("127.0.0.1", target.port())), checked);
        assertEquals(17, vm.rows().size());
        assertEquals(1, rowsWhenTold.get(0), "the first case is listed before the second is sent");
        assertEquals("✓ 2. POST John as JSON creates a user — 201 Created: as the handout",
                vm.rows().get(1).toString());
        assertTrue(vm.statusProperty().get().contains(": matches the handout's final listing, In [7], in all 13 of"
                + " its cases"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().endsWith("Left no trace: the 2 users the check created were deleted"
                + " again, by the id each 201 gave."), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.reportReadyProperty().get());

        vm.show(1);
        String details = vm.detailsProperty().get();
        assertTrue(details.contains("✓ As the handout (graded against In [7])."), details);
        assertTrue(details.contains("POST /people/v1/users HTTP/1.1\nHost: 127.0.0.1:" + target.port()), details);
        assertTrue(details.contains("The server answered:\nHTTP/1.1 201 Created"), details);
        assertTrue(details.contains("OpenAPI, apart: createUser: conforms"), details);
        vm.show(-1);
        assertEquals("", vm.detailsProperty().get());
    }

    @Test
    void the_report_is_saved_where_the_person_chooses(@TempDir Path folder) throws Exception {
        CheckPaneViewModel vm = viewModel();
        vm.urlProperty().set("http://127.0.0.1:" + target.port());
        vm.check();
        dialogs.choosing(folder.resolve("mine.md"));
        vm.saveReport();

        assertTrue(Files.readString(folder.resolve("mine.md")).contains("**Matches the handout's final listing, In \\[7\\], in all 13 of its cases"));
        assertTrue(Files.readString(folder.resolve("mine.html")).startsWith("<!DOCTYPE html>"));
        assertEquals("Report written to " + folder.resolve("mine.md") + " and " + folder.resolve("mine.html"),
                vm.statusProperty().get());
    }

    @Test
    void a_server_nobody_listens_on_is_said_so() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        CheckPaneViewModel vm = viewModel();
        vm.urlProperty().set("http://127.0.0.1:" + closed);
        vm.check();
        assertEquals("http://127.0.0.1:" + closed + " cannot be reached: nothing listens there (connection refused):"
                + " is the server running, on that port?", vm.statusProperty().get());
        assertEquals(0, vm.rows().size());
        assertFalse(vm.reportReadyProperty().get());
    }
}
