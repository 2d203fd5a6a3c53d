package dev.restlab.headless;

import dev.restlab.har.HarImport;
import dev.restlab.har.HarOverview;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restlab show FILE.har}: a HAR file from any browser or tool, read in a terminal: each
 * entry as {@code --trace} prints an exchange (the request as sent, the response as curl -i
 * prints it, the OpenAPI line), then one summary line; {@code --json} for a program instead.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the exchanges of a HAR file (from a browser's developer tools, Playwright,"
                + " Insomnia or RestLab) as --trace prints live traffic: the request as sent, the response as"
                + " curl -i prints it, then one summary line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was read and shown",
            "1:the file cannot be read as HAR (the reason names the entry and the field)",
            "2:a usage error"})
public final class ShowCommand implements Callable<Integer> {

    static final int SHOWN = 0;
    static final int CANNOT_READ = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The HAR file to show.")
    private Path file;

    @Option(names = "--json", description = "Print the entries as one JSON object (entries, summary) instead.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Exchange> exchanges;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("this is a folder, not a HAR file.");
            }
            exchanges = HarImport.read(file);
        } catch (NoSuchFileException missing) {
            return cannotRead(err, "there is no such file.");
        } catch (AccessDeniedException denied) {
            return cannotRead(err, "RestLab may not read it.");
        } catch (IOException e) {
            return cannotRead(err, e.getMessage());
        }
        if (json) {
            out.println(HarOverview.json(file.toString(), exchanges));
        } else {
            out.print(TrafficPrinter.text(exchanges, true));
            out.println(TerminalText.safe(file.getFileName() + ": " + HarOverview.summary(exchanges)));
        }
        out.flush();
        return SHOWN;
    }

    private int cannotRead(PrintWriter err, String reason) {
        err.println(TerminalText.safe("restlab show: " + file + ": " + reason).replace('\n', ' '));
        err.flush();
        return CANNOT_READ;
    }
}
