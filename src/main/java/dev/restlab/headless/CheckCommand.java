package dev.restlab.headless;

import dev.restlab.check.CheckReport;
import dev.restlab.check.ClassCheck;
import dev.restlab.check.ClassReport;
import dev.restlab.check.Roster;
import dev.restlab.check.RosterEntry;
import dev.restlab.check.RosterException;
import dev.restlab.check.Scenario;
import dev.restlab.check.ScenarioFile;
import dev.restlab.check.ScenarioFileException;
import dev.restlab.check.ServerCheck;
import dev.restlab.check.StudentResult;
import dev.restlab.check.TargetUnreachable;
import dev.restlab.check.Verdict;
import dev.restlab.http.TargetUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restlab check URL}: the handout's scenario against a server, graded against the handout's
 * listing it matches best; {@code restlab check --class roster.csv}: the same for a whole class.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Send the handout's requests to the server at URL, say which of the handout's listings"
                + " (In [3] to In [7]) it matches best, and where it differs from that listing. Cases the"
                + " handout leaves out are reported apart as extras and never change the exit code. The users"
                + " the check creates are deleted again.",
            "With --class, check every server of a class roster (student,url lines) at once."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:one server: it passes (every case as the handout's final listing, In [7], answers"
                + " it); --class: every student got a verdict",
            "1:one server: some case differs, or it matches an earlier listing (the report says how)",
            "2:the server cannot be reached, the roster cannot be read (its line is named), or a usage error"})
public final class CheckCommand implements Callable<Integer> {

    static final int PASS = 0;
    static final int DIFFERS = 1;
    static final int UNREACHABLE = 2;
    /** The roster or the grades' files could not be used (same code as a usage error). */
    static final int CANNOT_RUN = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..1", description = "The server to check, e.g. http://127.0.0.1:5000.")
    private String url;

    @Option(names = "--class", paramLabel = "ROSTER", description = "Check a class: a CSV file of student,url"
            + " lines (a header line allowed).")
    private Path roster;

    @Option(names = "--parallel", paramLabel = "N", description = "With --class: servers checked at the same"
            + " time (default: up to " + ClassCheck.DEFAULT_PARALLEL + ").")
    private Integer parallel;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the whole report as FILE.md and"
            + " FILE.html; with --class, the grades as FILE.csv, FILE.md and FILE.html.")
    private Path report;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "The whole check of"
            + " one server may take this long; cases not sent by then are reported as not sent (default: 60).")
    private int timeout;

    @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Each whole"
            + " answer may take this long, or the case reads 'no answer within' it; the rest still run"
            + " (default: 10).")
    private int caseTimeout;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = ScenarioFile.HANDOUT,
            description = "The requests to send: 'handout' (built in, the default) or a scenario file (.yaml,"
                    + " see docs/check.md).")
    private String scenario;

    @Override
    public Integer call() throws InterruptedException {
        if ((url == null) == (roster == null)) {
            throw new ParameterException(spec.commandLine(), "give either the URL of one server or --class ROSTER");
        }
        if (parallel != null && roster == null) {
            throw new ParameterException(spec.commandLine(), "--parallel goes with --class");
        }
        if (timeout < 1 || timeout > 3600 || caseTimeout < 1 || caseTimeout > 600) {
            throw new ParameterException(spec.commandLine(), "--timeout is 1 to 3600 seconds and --case-timeout"
                    + " 1 to 600 seconds");
        }
        Scenario cases;
        try {
            cases = ScenarioFile.load(scenario);
        } catch (ScenarioFileException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
        if (report != null) {
            requireWritable(report);
        }
        return roster == null ? checkOne(cases) : checkClass(cases);
    }

    private int checkOne(Scenario cases) {
        TargetUrl target;
        try {
            target = TargetUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport result;
        try {
            result = new ServerCheck(cases, Duration.ofSeconds(caseTimeout), Duration.ofSeconds(timeout)).run(target);
        } catch (TargetUnreachable e) {
            err.println("restlab check: " + e.getMessage());
            err.flush();
            return UNREACHABLE;
        }
        out.print(result.text());
        if (report != null) {
            try {
                List<Path> written = result.write(report);
                out.println("Report written to " + written.get(0) + " and " + written.get(1));
            } catch (IOException e) {
                err.println("restlab check: the report could not be written to " + report + ": " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return result.verdict() == Verdict.PASS ? PASS : DIFFERS;
    }

    private int checkClass(Scenario cases) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RosterEntry> students;
        try {
            students = Roster.read(roster);
        } catch (RosterException e) {
            err.println("restlab check: the roster " + e.getMessage());
            err.flush();
            return CANNOT_RUN;
        }
        int atOnce = parallel != null ? parallel : Math.min(ClassCheck.DEFAULT_PARALLEL, students.size());
        if (atOnce < 1 || atOnce > ClassCheck.MAX_PARALLEL) {
            throw new ParameterException(spec.commandLine(), "--parallel is 1 to " + ClassCheck.MAX_PARALLEL);
        }
        out.println("Checking " + students.size() + (students.size() == 1 ? " server" : " servers") + ", " + atOnce
                + " at a time (" + cases.title() + "; " + caseTimeout + " s per answer, " + timeout
                + " s per server)");
        out.flush();
        AtomicInteger done = new AtomicInteger();
        ClassReport grades = new ClassCheck(cases, Duration.ofSeconds(caseTimeout), Duration.ofSeconds(timeout),
                atOnce).run(students, student -> printLive(out, student, done.incrementAndGet(), students.size()));
        out.println();
        out.println(grades.summary() + ".");
        if (report != null) {
            try {
                List<Path> written = grades.write(report);
                out.println("Grades written to " + written.get(0) + ", " + written.get(1) + " and " + written.get(2));
            } catch (IOException e) {
                err.println("restlab check: the grades could not be written to " + report + ": " + e.getMessage());
                err.flush();
                out.flush();
                return CANNOT_RUN;
            }
        }
        out.flush();
        return PASS;
    }

    /** One line per student as their check ends, whole lines only (the checks end on several threads). */
    private static void printLive(PrintWriter out, StudentResult student, int done, int of) {
        synchronized (out) {
            out.println("[" + done + "/" + of + "] " + student.line());
            out.flush();
        }
    }

    /** Refuses a report that cannot be written before the check runs, not after. */
    private void requireWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new ParameterException(spec.commandLine(), "--report: the folder of " + file
                    + " does not exist or cannot be written");
        }
    }
}
