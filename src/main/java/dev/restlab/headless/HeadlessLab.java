package dev.restlab.headless;

import dev.restlab.client.UserApiClient;
import dev.restlab.lab.Lab;
import dev.restlab.lab.LabPrinter;
import dev.restlab.lab.LabReport;
import dev.restlab.lab.LabTracker;
import dev.restlab.lab.ProgressStore;
import dev.restlab.users.StoreChoice;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A lab followed in the terminal ({@code --lab}): ticks printed as they happen, progress kept in
 * the data folder (in memory with {@code --in-memory}), and with {@code --lab-report} the report
 * written when RestLab stops.
 */
final class HeadlessLab implements AutoCloseable {

    private final LabTracker tracker;
    private final AutoCloseable following;
    private final Path report;
    private final PrintStream out;
    private final PrintStream err;

    private HeadlessLab(LabTracker tracker, AutoCloseable following, Path report, PrintStream out, PrintStream err) {
        this.tracker = tracker;
        this.following = following;
        this.report = report;
        this.out = out;
        this.err = err;
    }

    /** @param report where to write the report at the end, or null for none */
    static HeadlessLab start(Lab lab, StoreChoice users, TrafficLog traffic, int port, Path report,
            PrintStream out, PrintStream err) {
        ProgressStore progress = users.isInMemory() ? ProgressStore.inMemory() : ProgressStore.inFolder(users.dataDir());
        LabTracker tracker = new LabTracker(lab, progress, UserApiClient::sentByWindow);
        new LabPrinter(tracker, out, port).start();
        tracker.serverRunning(port);
        return new HeadlessLab(tracker, traffic.subscribe(tracker), report, out, err);
    }

    /** Stops following the traffic (after its last exchanges) and writes the report if asked. */
    @Override
    public void close() {
        try {
            following.close();
        } catch (Exception e) {
            // The last exchanges only; the report still says what was done before.
        }
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
