package dev.restlab.headless;

import dev.restlab.fault.FaultRules;
import dev.restlab.lab.Lab;
import dev.restlab.lab.LabFaults;
import dev.restlab.lab.LabPrinter;
import dev.restlab.lab.LabReport;
import dev.restlab.lab.LabTracker;
import dev.restlab.lab.ProgressStore;
import dev.restlab.users.StoreChoice;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * A lab followed in the terminal ({@code --lab}): ticks printed as they happen, and for each
 * exchange that ticked nothing one line saying why; {@code skip} typed in RestLab's terminal skips
 * a step RestLab adds; progress kept in the data folder (in memory with {@code --in-memory}), and
 * with {@code --lab-report} the report written when RestLab stops.
 */
final class HeadlessLab implements AutoCloseable {

    private final LabTracker tracker;
    private final AutoCloseable following;
    private final LabFaults faults;
    private final Path report;
    private final PrintStream out;
    private final PrintStream err;

    private HeadlessLab(LabTracker tracker, AutoCloseable following, LabFaults faults, Path report, PrintStream out,
            PrintStream err) {
        this.tracker = tracker;
        this.following = following;
        this.faults = faults;
        this.report = report;
        this.out = out;
        this.err = err;
    }

    /**
     * @param report     where to write the report at the end, or null for none
     * @param serverIsOurs false in proxy mode: then RestLab running proves nothing about the
     *                   student's server, and the first answer it relays ticks "Start the server"
     * @param keys       what the student types in RestLab's terminal ({@code skip}), or null for nothing
     * @param faultRules the server's rules, which the lab's steps switch their {@code faults:} on and off in
     */
    static HeadlessLab start(Lab lab, StoreChoice users, TrafficLog traffic, int port, boolean serverIsOurs,
            Path report, InputStream keys, FaultRules faultRules, PrintStream out, PrintStream err) {
        ProgressStore progress = users.isInMemory() ? ProgressStore.inMemory() : ProgressStore.inFolder(users.dataDir());
        LabTracker tracker = new LabTracker(lab, progress);
        tracker.usePort(port);
        LabPrinter printer = new LabPrinter(tracker, out, report == null
                ? "Start RestLab with --lab-report FILE to write a report to hand in."
                : "RestLab writes the report to " + report + " when you stop it (Ctrl+C).");
        printer.start();
        if (serverIsOurs) {
            tracker.serverRunning(port);
        }
        // From the first exchange on: what the server answered before the lab was listening still counts.
        AutoCloseable following = traffic.subscribe(tracker, 0);
        LabFaults faults = LabFaults.follow(tracker, faultRules);
        if (keys != null) {
            readKeys(keys, printer);
        }
        return new HeadlessLab(tracker, following, faults, report, out, err);
    }

    /** Reads the student's lines on a daemon thread: it ends with the input, or with the JVM. */
    private static void readKeys(InputStream keys, LabPrinter printer) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(keys, Charset.defaultCharset()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    printer.typed(line);
                }
            } catch (IOException closed) {
                // No more input (the terminal went away): the lab goes on following the traffic.
            }
        }, "restlab-lab-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** Stops following the traffic (after its last exchanges) and writes the report if asked. */
    @Override
    public void close() {
        try {
            following.close();
        } catch (Exception e) {
            // The last exchanges only; the report still says what was done before.
        }
        faults.close();
        if (report == null) {
            return;
        }
        try {
            List<Path> written = LabReport.write(tracker, report, "");
            out.println("Lab report written to " + written.get(0) + " and " + written.get(1));
        } catch (IOException e) {
            err.println("restlab: the lab report could not be written to " + report + ": " + e.getMessage());
        }
        out.flush();
    }
}
