package dev.restlab.ui.serverbar;

import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.UiThreads;

/** Start and stop the server, on which port and for whom; says in plain words what went wrong. */
public final class ServerBarViewModel {


    private final ServerControl server;
    private final UiThreads threads;
    /** The address asked for on the command line, kept for its choice (e.g. {@code ::}, not 0.0.0.0). */
    private final String askedHost;
    private final Dialogs dialogs;

    private final StringProperty portText = new SimpleStringProperty();
    private final BooleanProperty allInterfaces = new SimpleBooleanProperty(false);
    private final BooleanProperty proxyMode = new SimpleBooleanProperty(false);
    private final StringProperty proxyUrlText = new SimpleStringProperty("http://127.0.0.1:5000");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper boundPort = new ReadOnlyIntegerWrapper(-1);
    private final BooleanBinding running = boundPort.greaterThanOrEqualTo(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Stopped");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bindWarning = new ReadOnlyStringWrapper("");
    private final StringProperty hostToAllow = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper allowedHosts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usersLocation = new ReadOnlyStringWrapper("");
    /** The server the running proxy relays to; empty while the built-in API serves or nothing does. */
    private final ReadOnlyStringWrapper proxiedTo = new ReadOnlyStringWrapper("");
    private final BooleanBinding proxying = proxiedTo.isNotEmpty();
    private final String keptHere;
    private final ReadOnlyBooleanWrapper resetting = new ReadOnlyBooleanWrapper(false);
    private final String resetQuestion;
    private Runnable afterReset = () -> { };
    private IntSupplier othersRequests = () -> 0;

    public ServerBarViewModel(ServerControl server, UiThreads threads, Dialogs dialogs, String host, int port) {
        this.server = server;
        this.threads = threads;
        this.askedHost = host;
        this.dialogs = dialogs;
        this.portText.set(Integer.toString(port));
        this.allInterfaces.set(server.isWildcard(host));
        this.keptHere = "Users kept in " + server.usersLocation();
        this.usersLocation.set(keptHere);
        this.allowedHosts.set(describeAllowed(server.allowedHosts()));
        this.resetQuestion = "All users, from every client, are removed from " + server.usersLocation()
                + ". This cannot be undone.";
    }

    /** Called after a reset, so that the users table can reload. */
    public void setAfterReset(Runnable afterReset) {
        this.afterReset = afterReset;
    }

    /**
     * Asks whether to delete every user kept here for good, and only on OK forgets them all; a
     * reset already under way is not started twice, and none is offered while proxying.
     */
    public void reset() {
        // While proxying, the users clients see are the target's: a reset here would not touch them.
        if (resetting.get() || proxying.get() || !dialogs.confirm("Reset users", "Delete every user for good?", resetQuestion)) {
            return;
        }
        resetting.set(true);
        threads.run(() -> {
            server.resetUsers();
            return null;
        }, done -> {
            resetting.set(false);
            problem.set("");
            afterReset.run();
        }, failure -> {
            resetting.set(false);
            problem.set("Could not reset the users: " + failure.getMessage());
        });
    }

    /**
     * Tells how many requests other clients (not this window) have sent since the server last
     * started, for {@link #toggleAskingFirst}.
     */
    public void setOthersRequests(IntSupplier othersRequests) {
        this.othersRequests = othersRequests;
    }

    /**
     * Start or stop as asked from the keyboard: a stop that would cut off other clients asks
     * first, as a key is easily pressed by mistake (the focus may be on Stop unseen). Starting,
     * or stopping a server only this window has used, does not ask.
     */
    public void toggleAskingFirst() {
        int others = othersRequests.getAsInt();
        if (running.get() && !busy.get() && others > 0 && !dialogs.confirm("Stop the server",
                "Stop the server while other clients use it?",
                others + (others == 1 ? " request has" : " requests have") + " come from other clients (curl, a"
                        + " browser, a classmate) since it started. Stopped, it answers nobody until you start"
                        + " it again.")) {
            return;
        }
        toggle();
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    public void start() {
        if (busy.get() || running.get()) {
            return;
        }
        Integer port = parsePort(portText.get());
        if (port == null) {
            problem.set("\"" + portText.get() + "\" is not a port. Type a whole number from 1 to 65535"
                    + " (" + Api.DEFAULT_PORT + " is the handout's), or 0 for any free port.");
            return;
        }
        TargetUrl target = null;
        if (proxyMode.get()) {
            try {
                target = TargetUrl.parse(proxyUrlText.get());
            } catch (IllegalArgumentException e) {
                problem.set("Proxy to: " + e.getMessage());
                return;
            }
        }
        TargetUrl proxyTarget = target;
        String host = bindHost();
        busy.set(true);
        problem.set("");
        status.set("Starting on port " + port + "…");
        threads.run(() -> {
            server.setProxyTarget(proxyTarget);
            return server.start(host, port);
        }, bound -> {
            busy.set(false);
            // Where users live changes before the server counts as running: the table follows the
            // target from its first reload on.
            proxiedTo.set(proxyTarget == null ? "" : proxyTarget.toString());
            usersLocation.set(proxyTarget == null ? keptHere : "Users kept by " + proxyTarget);
            boundPort.set(bound);
            portText.set(Integer.toString(bound));
            List<String> urls = server.urls(host, bound);
            status.set(proxyTarget == null ? "Serving on " + urls.get(0)
                    : "Proxy to " + proxyTarget + " on " + urls.get(0));
            boolean everywhere = server.isWildcard(host);
            networkNote.set(everywhere ? networkNote(urls.subList(1, urls.size())) : "");
            bindWarning.set(everywhere ? bindWarning(host) : "");
        }, failure -> {
            busy.set(false);
            status.set("Stopped");
            problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        });
    }

    public void stop() {
        if (busy.get() || !running.get()) {
            return;
        }
        busy.set(true);
        problem.set("");
        threads.run(() -> {
            server.stop();
            return null;
        }, done -> {
            busy.set(false);
            boundPort.set(-1);
            proxiedTo.set("");
            usersLocation.set(keptHere);
            status.set("Stopped");
            networkNote.set("");
            bindWarning.set("");
        }, failure -> {
            busy.set(false);
            problem.set("The server did not stop cleanly: " + failure.getMessage()
                    + ". Try Stop again; closing RestLab also stops it.");
        });
    }

    /**
     * Also answers requests naming the host typed into {@link #hostToAllowProperty()} (the window's
     * {@code --allow-host}); a name that is no host name is explained and kept for correcting.
     */
    public void allowHost() {
        String name = hostToAllow.get() == null ? "" : hostToAllow.get().strip();
        if (name.isEmpty()) {
            return;
        }
        threads.run(() -> {
            server.allowHost(name);
            return server.allowedHosts();
        }, names -> {
            hostToAllow.set("");
            problem.set("");
            allowedHosts.set(describeAllowed(names));
        }, failure -> problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    private static String describeAllowed(List<String> names) {
        return names.isEmpty() ? "" : "Also answers for " + String.join(", ", names);
    }

    /**
     * Where to listen: the command line's address while the bar's choice agrees with it (so
     * {@code --host ::} or {@code --host 192.168.1.5} are honoured), else the choice's own address.
     */
    private String bindHost() {
        if (allInterfaces.get() == server.isWildcard(askedHost)) {
            return askedHost;
        }
        return allInterfaces.get() ? Api.ALL_INTERFACES : Api.LOOPBACK;
    }

    private static String bindWarning(String host) {
        return "Warning: listening on every network interface (" + host + "). Anyone who can reach this"
                + " computer can list, create and delete users; there is no login. Choose “This"
                + " computer only” unless others need to connect.";
    }

    private static String networkNote(List<String> others) {
        return others.isEmpty()
                ? "Listening on all network interfaces, but this computer has no network address now."
                : "Others on your network can now reach this server at " + String.join(", ", others);
    }

    static Integer parsePort(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            return null;
        }
        int port = Integer.parseInt(text.strip());
        return port <= 65535 ? port : null;
    }

    public StringProperty portTextProperty() {
        return portText;
    }

    public BooleanProperty allInterfacesProperty() {
        return allInterfaces;
    }

    /** True for proxy mode: the next start relays to {@link #proxyUrlTextProperty()}, not the built-in API. */
    public BooleanProperty proxyModeProperty() {
        return proxyMode;
    }

    /** The address of the server proxy mode relays to, as typed (checked at start). */
    public StringProperty proxyUrlTextProperty() {
        return proxyUrlText;
    }

    /** True while the server serves: derived from the bound port, -1 when stopped. */
    public BooleanExpression runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty boundPortProperty() {
        return boundPort.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A host name to allow, as typed. */
    public StringProperty hostToAllowProperty() {
        return hostToAllow;
    }

    /** The host names allowed besides this computer's, in words; empty when none. */
    public ReadOnlyStringProperty allowedHostsProperty() {
        return allowedHosts.getReadOnlyProperty();
    }

    /**
     * The server the running proxy relays to, as typed and checked ({@code http://127.0.0.1:5000}):
     * its users are the ones clients see. Empty while the built-in API serves, and once stopped.
     */
    public ReadOnlyStringProperty proxiedToProperty() {
        return proxiedTo.getReadOnlyProperty();
    }

    /** True while serving as a proxy: the users are the target's, not kept here, so there is nothing here to reset. */
    public BooleanExpression proxyingProperty() {
        return proxying;
    }

    /** Where the users clients see are kept: this store's file (or memory), or the proxy's target while it relays. */
    public ReadOnlyStringProperty usersLocationProperty() {
        return usersLocation.getReadOnlyProperty();
    }

    /** A warning while the server listens on every network interface; empty otherwise. */
    public ReadOnlyStringProperty bindWarningProperty() {
        return bindWarning.getReadOnlyProperty();
    }

    /** True from an accepted reset until the users are gone (or the reset failed). */
    public ReadOnlyBooleanProperty resettingProperty() {
        return resetting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkNoteProperty() {
        return networkNote.getReadOnlyProperty();
    }
}
