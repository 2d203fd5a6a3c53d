package dev.restlab.headless;

import dev.restlab.har.HarExport;
import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import dev.restlab.http.TargetUrl;
import dev.restlab.lab.Lab;
import dev.restlab.fault.FaultRule;
import dev.restlab.server.ApiServer;
import dev.restlab.server.ServedAddresses;
import dev.restlab.server.ServerStartException;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import dev.restlab.Options;

/**
 * The server with no window, for a terminal: prints where it serves, then one access-log line per
 * request like Flask's development server (with {@code --trace}, each request and response in
 * full as curl shows them), until Ctrl+C or SIGTERM; with {@code --har FILE} it then writes the
 * traffic to FILE.
 */
public final class Headless {

    private final PrintStream out;
    private final PrintStream err;

    public Headless(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Serves as the options say until the JVM is asked to shut down; returns the process exit
     * code. With {@link Options#trace()} every exchange is printed in full.
     */
    public int run(Options options) {
        return run(options, null, null);
    }

    /**
     * Like {@link #run(Options)}, following {@code lab} (or none when null) and writing its report
     * to {@code labReport} (or none when null) when stopped.
     */
    public int run(Options options, Lab lab, Path labReport) {
        String host = options.host();
        if (options.har() != null) {
            Optional<String> unwritable = HarFile.problem(options.har());
            if (unwritable.isPresent()) {
                err.println("restlab: --har " + options.har() + ": " + unwritable.get());
                return 1;
            }
        }
        if (labReport != null) {
            Optional<String> unwritable = LabReportFiles.problem(labReport);
            if (unwritable.isPresent()) {
                err.println("restlab: --lab-report " + labReport + ": " + unwritable.get());
                return 1;
            }
        }
        UserStore store;
        try {
            store = options.users().open();
        } catch (StoreUnavailableException e) {
            err.println("restlab: " + e.getMessage());
            return 1;
        }
        TrafficLog traffic = new TrafficLog();
        ApiServer server = new ApiServer(store, traffic);
        options.allowedHosts().forEach(server::allowHost);
        server.setProxyTarget(options.proxyTo());
        options.faults().forEach(server.faults()::add);
        int bound;
        try {
            bound = server.start(host, options.port());
        } catch (ServerStartException e) {
            store.close();
            err.println("restlab: " + e.getMessage());
            return 1;
        }
        printBanner(banner(host, bound, store.location(), options.proxyTo()));
        printBanner(faultLines(options.faults()));
        AutoCloseable printer = traffic.subscribe(new TrafficPrinter(out, options.trace()));
        HeadlessLab following = lab == null ? null
                : HeadlessLab.start(lab, options.users(), traffic, bound, options.proxyTo() == null, labReport,
                        System.in, server.faults(), out, err);
        CountDownLatch stopped = new CountDownLatch(1);
        StopActions stop = new StopActions(err)
                .add("stopping the server", server::stop)
                .add("printing the last exchanges", printer::close); // before saying goodbye
        if (following != null) {
            stop.add("writing the lab report", following::close);
        }
        if (options.har() != null) {
            stop.add("writing the HAR file", () -> writeHar(options.har(), traffic, host, bound));
        }
        stop.add("closing the user store", store::close);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.runAll();
            out.println("RestLab stopped.");
            out.flush();
            stopped.countDown();
        }, "restlab-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Every exchange the log still holds, as HAR; says how many, and how many it no longer held. */
    private void writeHar(Path file, TrafficLog traffic, String host, int port) {
        List<Exchange> exchanges = traffic.snapshot();
        try {
            new HarExport(host, port).write(exchanges, file);
            out.println(" * HAR: " + exchanges.size() + " exchanges written to " + file);
            long dropped = traffic.lastId() - exchanges.size();
            if (dropped > 0) {
                out.println(" * HAR: the " + dropped + " oldest were no longer kept (RestLab keeps the newest "
                        + traffic.capacity() + ")");
            }
        } catch (IOException | RuntimeException e) {
            err.println("restlab: could not write the HAR file " + file + ": " + e.getMessage());
        }
    }

    private void printBanner(List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }

    /** What headless mode prints once it serves, line by line, as Flask's development server does. */
    static List<String> banner(String host, int port, String usersKeptIn) {
        return banner(host, port, usersKeptIn, null);
    }

    /** What each fault asked for does, and what a good client does about it: the lesson, at the start. */
    static List<String> faultLines(List<FaultRule> faults) {
        List<String> lines = new ArrayList<>();
        for (FaultRule rule : faults) {
            lines.add(" * Fault on purpose: " + rule.text() + ". " + rule.explanation());
            lines.add("   " + rule.advice());
        }
        return lines;
    }

    /** The banner; in proxy mode ({@code proxyTo} not null) it names the target instead of the users' place. */
    static List<String> banner(String host, int port, String usersKeptIn, TargetUrl proxyTo) {
        List<String> lines = new ArrayList<>();
        if (proxyTo == null) {
            lines.add("RestLab: the lab's user API, with no window");
            lines.add(" * Users kept in " + usersKeptIn);
        } else {
            lines.add("RestLab: a proxy to " + proxyTo + ", with no window");
            lines.add(" * Every request goes to " + proxyTo + ", and its answer comes back byte for byte"
                    + " (a 502 when it cannot be had)");
        }
        if (IpAddresses.isWildcard(host)) {
            lines.add(" * WARNING: listening on every network interface (--host " + host + "): anyone who can"
                    + " reach this computer can list, create and delete users, with no login. Use --host "
                    + Api.LOOPBACK + " (the default) unless others need to connect.");
            lines.add(" * Running on all addresses (" + host + ")");
        }
        for (String url : ServedAddresses.urls(host, port)) {
            lines.add(" * Running on " + url);
        }
        lines.add("Press CTRL+C to quit");
        return lines;
    }
}
