package dev.restlab;

import dev.restlab.http.Api;
import dev.restlab.lab.Lab;
import dev.restlab.server.ApiServer;
import dev.restlab.server.ServedAddresses;
import dev.restlab.server.ServerStartException;
import dev.restlab.users.StoreUnavailableException;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The server with no window, for a terminal: prints where it serves, then one access-log line per
 * request like Flask's development server (with {@code --trace}, each request and response in
 * full as curl shows them), until Ctrl+C or SIGTERM.
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
        int bound;
        try {
            bound = server.start(host, options.port());
        } catch (ServerStartException e) {
            store.close();
            err.println("restlab: " + e.getMessage());
            return 1;
        }
        printBanner(host, bound, store.location());
        AutoCloseable printer = traffic.subscribe(new TrafficPrinter(out, options.trace()));
        HeadlessLab following = lab == null ? null
                : HeadlessLab.start(lab, options.users(), traffic, bound, labReport, out, err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            close(printer); // prints the last exchanges before saying goodbye
            if (following != null) {
                following.close();
            }
            store.close();
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

    private static void close(AutoCloseable printer) {
        try {
            printer.close();
        } catch (Exception e) {
            // Only the last log lines are at stake while the JVM is shutting down.
        }
    }

    private void printBanner(String host, int port, String usersKeptIn) {
        banner(host, port, usersKeptIn).forEach(out::println);
        out.flush();
    }

    /** What headless mode prints once it serves, line by line, as Flask's development server does. */
    static List<String> banner(String host, int port, String usersKeptIn) {
        List<String> lines = new ArrayList<>();
        lines.add("RestLab: the lab's user API, with no window");
        lines.add(" * Users kept in " + usersKeptIn);
        if (ServedAddresses.isWildcard(host)) {
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
