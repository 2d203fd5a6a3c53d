package dev.restlab.headless;

import dev.restlab.check.CheckReport;
import dev.restlab.check.Scenario;
import dev.restlab.check.ScenarioFile;
import dev.restlab.check.ScenarioFileException;
import dev.restlab.check.ServerCheck;
import dev.restlab.check.TargetUnreachable;
import dev.restlab.server.ReferenceServer;
import dev.restlab.http.TargetUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restlab check URL}: the handout's scenario against a server, compared with RestLab's own API. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Send the handout's requests to the server at URL and, side by side, to RestLab's own API,"
                + " and say where the answers differ. Exit code: 0 when every step of the handout is answered"
                + " as RestLab answers it, 1 when some differ, 2 when the server cannot be reached.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step of the handout answered as RestLab answers it",
            "1:some differ (the report says how)", "2:the server cannot be reached, or a usage error"})
public final class CheckCommand implements Callable<Integer> {

    static final int SAME = 0;
    static final int DIFFERS = 1;
    static final int UNREACHABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The server to check, e.g. http://127.0.0.1:5000.")
    private String url;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the whole report, every request"
            + " and both answers, as FILE.md and FILE.html.")
    private Path report;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = ScenarioFile.HANDOUT,
            description = "The requests to send: 'handout' (built in, the default) or a scenario file (.yaml,"
                    + " see docs/check.md).")
    private String scenario;

    @Override
    public Integer call() {
        TargetUrl target;
        try {
            target = TargetUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage());
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport result;
        try (ReferenceServer reference = ReferenceServer.start()) {
            result = new ServerCheck(cases).run(target, reference.url());
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
        return result.handoutCasesMatch() ? SAME : DIFFERS;
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
