package dev.restlab;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRuleException;
import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.server.AllowedHosts;
import dev.restlab.lab.Lab;
import dev.restlab.lab.LabFile;
import dev.restlab.lab.LabFileException;
import dev.restlab.users.StoreChoice;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import dev.restlab.app.App;
import dev.restlab.app.Display;
import dev.restlab.app.EarlyToolkit;
import dev.restlab.headless.CheckCommand;
import dev.restlab.headless.Headless;
import dev.restlab.headless.ShowCommand;

/** Reads the command line, then opens the window or serves headless. */
@Command(name = "restlab", mixinStandardHelpOptions = true, version = "RestLab " + Api.VERSION,
        subcommands = {CheckCommand.class, ShowCommand.class},
        description = "A workbench for learning HTTP and REST: the lab's user API on a real server,"
                + " with every request and response shown as curl prints it.")
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--headless", description = "Serve in this terminal, with no window.")
    private boolean headless;

    @Option(names = "--trace", description = "With --headless: print every request and response"
            + " in full: the request as sent, the response as curl -i prints it.")
    private boolean trace;

    @Option(names = "--har", paramLabel = "FILE", description = "With --headless: when RestLab stops"
            + " (Ctrl+C included), write every exchange it still holds to FILE as HAR 1.2, which browsers'"
            + " developer tools open.")
    private Path har;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Api.DEFAULT_PORT,
            description = "Port to serve on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = Api.LOOPBACK,
            description = "Address to listen on: 127.0.0.1 (this computer only, the default)"
                    + " or 0.0.0.0 (all network interfaces).")
    private String host;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests that name NAME in their Host header (repeatable): a name"
                    + " that points at this computer. Others than localhost and this computer's own"
                    + " addresses get 421, which keeps web pages from reaching RestLab by DNS rebinding.")
    private List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--proxy-to", paramLabel = "URL", description = "Relay every request to the server at URL"
            + " (such as http://127.0.0.1:5000, your own Flask app) instead of serving the built-in API; its"
            + " answers come back byte for byte and every exchange is shown and checked as with the API.")
    private String proxyTo;

    @Option(names = "--fault", paramLabel = "RULE", description = "Misbehave on purpose (repeatable), e.g."
            + " 'delay 300ms on GET /people/v1/users', 'status 503 rate 0.5 on POST', 'reset on DELETE',"
            + " 'truncate', 'drip 100B/s', 'hang': ACTION [ARGS] [rate P] [on [METHOD] [PATH]].")
    private List<String> faults = new ArrayList<>();

    @Option(names = "--lab", paramLabel = "LAB", description = "With --headless: follow a lab, ticking its"
            + " steps from the live traffic: 'handout' (the built-in lab) or a lab file (.yaml).")
    private String lab;

    @Option(names = "--lab-report", paramLabel = "FILE", description = "With --lab: write the lab report"
            + " as FILE.md and FILE.html when RestLab stops.")
    private Path labReport;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private StoreFlags store;

    /** Where users are kept: one of the two flags, or neither for the default data directory. */
    static final class StoreFlags {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Keep users in DIR/users.db (default: $XDG_DATA_HOME/restlab or"
                        + " ~/.local/share/restlab on Linux, %%APPDATA%%\\RestLab on Windows,"
                        + " ~/Library/Application Support/RestLab on macOS).")
        Path dataDir;

        @Option(names = "--in-memory",
                description = "Keep users in memory only, as the handout does: they are gone when"
                        + " RestLab stops.")
        boolean inMemory;
    }

    public static void main(String[] args) {
        EarlyToolkit.startIfOpeningWindow(args);
        // A double-click gives no arguments: nothing to read, and picocli's reading (its classes
        // cannot be kept in a class-data archive) would hold the window back while JavaFX is ready.
        System.exit(args.length == 0 ? openWindow(Options.defaults()) : commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() {
        Options options = options();
        if (headless) {
            return new Headless(System.out, System.err).run(options, loadLab(), labReport);
        }
        return openWindow(options);
    }

    /** Opens the window; returns the exit status once it has closed (1 if it could not open). */
    private static int openWindow(Options options) {
        Optional<String> noDisplay = noDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            return 1;
        }
        try {
            App.launch(options);
        } catch (UnsupportedOperationException | IllegalStateException cannotOpen) {
            // JavaFX's way of saying the display named in DISPLAY cannot be opened.
            System.err.println("restlab: the window cannot open (" + cannotOpen.getMessage() + ")." + HEADLESS_HINT);
            return 1;
        }
        return 0;
    }

    private static final String HEADLESS_HINT = " Serve without a window instead:"
            + System.lineSeparator() + "  java -jar restlab.jar --headless";

    /**
     * Why the window cannot open here, before JavaFX tries and fails with a stack trace: on Linux
     * and other Unixes, a desktop is reached through DISPLAY (X11) or WAYLAND_DISPLAY. Another
     * JavaFX platform chosen with -Dglass.platform (Monocle's headless one) needs no display.
     */
    static Optional<String> noDisplay(Map<String, String> env, String osName, String glassPlatform) {
        if (Display.windowCanOpen(env, osName, glassPlatform)) {
            return Optional.empty();
        }
        return Optional.of("restlab: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the"
                + " window cannot open." + HEADLESS_HINT);
    }

    /**
     * The parsed flags, checked, as one value.
     *
     * @throws ParameterException when a flag's value is out of range or not what it should be
     */
    Options options() {
        validate();
        List<String> names = new ArrayList<>();
        for (String name : allowedHosts) {
            try {
                names.add(AllowedHosts.normalize(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--allow-host: " + e.getMessage());
            }
        }
        TargetUrl target = null;
        if (proxyTo != null) {
            try {
                target = TargetUrl.parse(proxyTo);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--proxy-to: " + e.getMessage());
            }
        }
        List<FaultRule> rules = new ArrayList<>();
        for (String typed : faults) {
            try {
                rules.add(FaultRule.parse(typed));
            } catch (FaultRuleException e) {
                throw new ParameterException(spec.commandLine(), "--fault: " + e.getMessage());
            }
        }
        return new Options(host, port, storeChoice(), trace, names, har, target, rules);
    }

    /** Whether the flags asked for no window (for tests of the parsing). */
    boolean headless() {
        return headless;
    }

    /** The lab asked for, or null; a lab file that is wrong is reported and RestLab goes on without it. */
    private Lab loadLab() {
        if (lab == null) {
            return null;
        }
        try {
            return LabFile.load(lab);
        } catch (LabFileException e) {
            System.err.println("restlab: the lab is not used: " + e.getMessage());
            return null;
        }
    }

    private StoreChoice storeChoice() {
        if (store == null) {
            return StoreChoice.defaultDurable();
        }
        return store.inMemory ? StoreChoice.inMemory() : StoreChoice.durable(store.dataDir);
    }

    private void validate() {
        if (har != null && !headless) {
            throw new ParameterException(spec.commandLine(),
                    "--har works with --headless; in the window, use Export HAR in the traffic pane");
        }
        if (host.equalsIgnoreCase("localhost")) {
            host = Api.LOOPBACK;
        }
        if (trace && !headless) {
            throw new ParameterException(spec.commandLine(), "--trace works with --headless (it prints every"
                    + " exchange to this terminal); the window shows them in its Traffic tab");
        }
        if (proxyTo != null && !headless) {
            throw new ParameterException(spec.commandLine(), "--proxy-to works with --headless; in the window,"
                    + " choose 'Proxy to' in the bar and type your server's URL");
        }
        if (lab != null && !headless) {
            throw new ParameterException(spec.commandLine(), "--lab works with --headless (a lab in the terminal)");
        }
        if (labReport != null && lab == null) {
            throw new ParameterException(spec.commandLine(), "--lab-report needs --lab (which lab to report on)");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, not " + port);
        }
        if (!looksLikeIpAddress(host)) {
            throw new ParameterException(spec.commandLine(),
                    "--host must be an IP address such as 127.0.0.1 or 0.0.0.0, not '" + host + "'");
        }
    }

    private static boolean looksLikeIpAddress(String text) {
        boolean ipv4 = text.matches("(\\d{1,3})(\\.\\d{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            return false; // refuse names and shorthands here: no DNS lookup just to parse a flag
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
