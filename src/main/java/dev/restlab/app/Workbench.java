package dev.restlab.app;

import dev.restlab.check.CaseResult;
import dev.restlab.check.CheckReport;
import dev.restlab.check.ClassCheck;
import dev.restlab.check.ClassReport;
import dev.restlab.check.RosterEntry;
import dev.restlab.check.ScenarioFile;
import dev.restlab.check.ServerCheck;
import dev.restlab.check.StudentResult;
import dev.restlab.check.TargetUnreachable;
import dev.restlab.client.UserApiClient;
import dev.restlab.client.UserRow;
import dev.restlab.http.TargetUrl;
import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import dev.restlab.lab.ProgressStore;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.server.ApiServer;
import dev.restlab.server.ServedAddresses;
import dev.restlab.ui.api.ApiPaneController;
import dev.restlab.ui.api.ApiPaneViewModel;
import dev.restlab.ui.check.CheckPaneController;
import dev.restlab.ui.check.CheckPaneViewModel;
import dev.restlab.ui.composer.ComposerPaneController;
import dev.restlab.ui.composer.ComposerPaneViewModel;
import dev.restlab.ui.diagram.DiagramPaneController;
import dev.restlab.ui.diagram.DiagramPaneViewModel;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.FxDelays;
import dev.restlab.ui.diff.DiffPaneController;
import dev.restlab.ui.faults.FaultsPaneController;
import dev.restlab.ui.faults.FaultsPaneViewModel;
import dev.restlab.ui.diff.DiffPaneViewModel;
import dev.restlab.ui.FxDialogs;
import dev.restlab.ui.HelpTooltips;
import dev.restlab.ui.traffic.HarActions;
import dev.restlab.ui.lab.LabPaneController;
import dev.restlab.ui.lab.LabPaneViewModel;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.window.MainWindowController;
import dev.restlab.ui.window.TabViews;
import dev.restlab.ui.serverbar.ServerBarController;
import dev.restlab.ui.serverbar.ServerBarViewModel;
import dev.restlab.ui.serverbar.ServerControl;
import dev.restlab.ui.traffic.TrafficPaneController;
import dev.restlab.ui.traffic.TrafficPaneViewModel;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.users.UsersPaneController;
import dev.restlab.ui.users.UsersPaneViewModel;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Window;

/**
 * Wires the window: the server, the HTTP client the window talks through, the ViewModels, and
 * the FXML views with their controllers. The one place that knows every layer.
 */
public final class Workbench implements AutoCloseable {

    private final UserStore store;
    private final ApiServer server;
    private final TrafficModel trafficModel;
    private final TrafficPaneViewModel trafficPane;
    private final AutoCloseable usersWatch;
    private final AutoCloseable othersWatch;
    /** Requests from clients other than the window since the server last started. */
    private final AtomicInteger othersRequests = new AtomicInteger();
    private final ExecutorService io = Executors.newCachedThreadPool(daemonThreads("restlab-io"));
    private final ServerBarViewModel serverBar;
    private final UsersPaneViewModel users;
    private final ApiPaneViewModel apiPane;
    private final LabPaneViewModel lab;
    private final UiThreads threads;
    private final LookViewModel look;
    private final Parent root;
    private final TabViews tabs;

    public Workbench(UserStore store, WorkbenchSettings settings) {
        String host = settings.host();
        int port = settings.port();
        Consumer<String> openInBrowser = settings.openInBrowser();
        this.store = store;
        TrafficLog traffic = new TrafficLog();
        this.server = new ApiServer(store, traffic);
        settings.allowedHosts().forEach(server::allowHost);
        settings.faults().forEach(server.faults()::add);
        UiThreads threads = new UiThreads(io, Platform::runLater);
        Dialogs dialogs = settings.dialogs() != null ? settings.dialogs() : new FxDialogs(this::window);
        serverBar = new ServerBarViewModel(new EmbeddedServerControl(server, store), threads, dialogs, host, port);
        Supplier<URI> base = () -> URI.create(Api.loopbackUrl(Math.max(server.port(), 0)));
        look = new LookViewModel();
        // Parsing the OpenAPI document takes a quarter second: done after the window shows.
        Supplier<ApiDescription> api = ApiDescription::bundled;
        trafficModel = new TrafficModel(traffic, threads, api);
        trafficModel.useUndoDelays(new FxDelays());
        trafficPane = new TrafficPaneViewModel(trafficModel, dialogs, serverBar.boundPortProperty()::get);
        users = new UsersPaneViewModel(new UserApiClient(base), threads, trafficModel);
        apiPane = new ApiPaneViewModel(api, serverBar.boundPortProperty(), openInBrowser, threads, dialogs);
        this.threads = threads;
        usersWatch = traffic.subscribe(users::onTraffic);
        lab = new LabPaneViewModel(traffic, settings.labProgress(), threads, TrafficModel::isOwn,
                serverBar.boundPortProperty(), dialogs, trafficModel::select);
        lab.useMessageDelays(new FxDelays());
        lab.useFaults(server.faults());
        ComposerPaneViewModel composer = new ComposerPaneViewModel(serverBar.boundPortProperty(), threads);
        // The scenario's cases are read off the FX thread once the Check tab is built, not before the first frame.
        CheckPaneViewModel check = new CheckPaneViewModel(Workbench::checkAgainstHandout, Workbench::checkClass,
                () -> ScenarioFile.handout().cases(), threads, dialogs);
        HarActions har = new HarActions(trafficModel, trafficModel, threads, dialogs, server::host, server::port);
        DiffPaneViewModel diffs = new DiffPaneViewModel(trafficModel, threads);
        serverBar.setAfterReset(users::refresh);
        othersWatch = traffic.subscribe(batch -> othersRequests.addAndGet(
                (int) batch.stream().filter(exchange -> !TrafficModel.isOwn(exchange)).count()));
        serverBar.setOthersRequests(othersRequests::get);
        // In proxy mode the users live in the target: the table lists them through the proxy (the
        // reload as it starts), and shows the ones kept here again once it stops.
        serverBar.proxiedToProperty().addListener((o, was, target) -> {
            if (!target.isEmpty()) {
                users.followServerAt(target);
            } else if (!was.isEmpty()) {
                users.showKeptHere(() -> store.all().stream().map(u -> new UserRow(u.id(), u.name(), u.email())).toList());
            }
        });
        serverBar.runningProperty().addListener((o, was, running) -> {
            if (running) {
                othersRequests.set(0);
                users.refresh();
            }
        });
        DiagramPaneViewModel diagram = new DiagramPaneViewModel(trafficModel, look, dialogs);
        // Each controller is made when its view is loaded: the tabs' views are built when first needed.
        FaultsPaneViewModel faultRules = new FaultsPaneViewModel(server.faults());
        Map<Class<?>, Supplier<Object>> controllers = Map.ofEntries(
                Map.entry(MainWindowController.class, () -> new MainWindowController(look, serverBar, users, trafficPane, lab, diagram, diffs)),
                Map.entry(DiagramPaneController.class, () -> new DiagramPaneController(diagram, look)),
                Map.entry(LabPaneController.class, () -> new LabPaneController(lab)),
                Map.entry(TrafficPaneController.class, () -> new TrafficPaneController(trafficPane, har, diffs, look.presentingProperty())),
                Map.entry(DiffPaneController.class, () -> new DiffPaneController(diffs)),
                Map.entry(ServerBarController.class, () -> new ServerBarController(serverBar, look)),
                Map.entry(UsersPaneController.class, () -> new UsersPaneController(users)),
                Map.entry(ComposerPaneController.class, () -> new ComposerPaneController(composer)),
                Map.entry(CheckPaneController.class, () -> new CheckPaneController(check)),
                Map.entry(ApiPaneController.class, () -> new ApiPaneController(apiPane)),
                Map.entry(FaultsPaneController.class, () -> new FaultsPaneController(faultRules)));
        FXMLLoader loader = loader("/fxml/window/MainWindow.fxml", controllers);
        root = load(loader);
        // The bar's and the users pane's tooltips are made on the first hover (the traffic pane does the same).
        HelpTooltips.install((Parent) loader.getNamespace().get("serverBar"));
        HelpTooltips.install((Parent) loader.getNamespace().get("usersPane"));
        tabs = TabViews.install(root, (TabPane) loader.getNamespace().get("tabs"),
                view -> load(loader(view, controllers)));
        root.getStylesheets().add(Workbench.class.getResource("/css/restlab.css").toExternalForm());
    }

    private static FXMLLoader loader(String view, Map<Class<?>, Supplier<Object>> controllers) {
        FXMLLoader loader = new FXMLLoader(Workbench.class.getResource(view));
        loader.setControllerFactory(type -> controllers.get(type).get());
        return loader;
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The window's layout could not be loaded: " + loader.getLocation(), e);
        }
    }

    /** The window's check: the handout's scenario against {@code target}, graded against the handout's listings. */
    private static CheckReport checkAgainstHandout(TargetUrl target, Consumer<CaseResult> eachCase)
            throws TargetUnreachable {
        return new ServerCheck(ScenarioFile.handout()).run(target, eachCase);
    }

    /** The window's class check: the handout's scenario against each server of a roster, eight at a time. */
    private static ClassReport checkClass(List<RosterEntry> roster, Consumer<StudentResult> eachDone)
            throws InterruptedException {
        return new ClassCheck(ScenarioFile.handout(), ServerCheck.DEFAULT_CASE_TIMEOUT, ServerCheck.DEFAULT_TIMEOUT,
                ClassCheck.DEFAULT_PARALLEL).run(roster, eachDone);
    }

    public Parent root() {
        return root;
    }

    /** The window the parts are shown in, once they are; dialogs open over it. */
    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Starts the server as the window opens, as the handout's `python app.py` would. */
    public void startServer() {
        serverBar.start();
        apiPane.load(threads);
    }

    /** The tabs: which is open, and each one's view built when it is first needed. */
    public TabViews tabs() {
        return tabs;
    }

    /** Theme, text size and presentation mode. */
    public LookViewModel look() {
        return look;
    }

    public ServerBarViewModel serverBar() {
        return serverBar;
    }

    /** The window's traffic: what is listed and selected, shared by the panes. */
    public TrafficModel traffic() {
        return trafficModel;
    }

    /** The traffic pane's ViewModel: the selected exchange in detail, and the copies. */
    public TrafficPaneViewModel trafficPane() {
        return trafficPane;
    }

    @Override
    public void close() {
        closeQuietly(usersWatch);
        closeQuietly(othersWatch);
        closeQuietly(trafficModel);
        closeQuietly(lab);
        server.stop();
        store.close();
        io.shutdownNow();
    }

    /**
     * After {@link #close}: waits up to {@code limit} for the background work still running to end.
     *
     * @return whether it has ended
     */
    public boolean awaitBackgroundWork(Duration limit) throws InterruptedException {
        return io.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            // Only unsubscribes; nothing to tell the user as the window goes away.
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The window's view of the server: start, stop and the URLs to show. */
    private record EmbeddedServerControl(ApiServer server, UserStore store) implements ServerControl {
        @Override
        public int start(String host, int port) {
            return server.start(host, port);
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void setProxyTarget(TargetUrl target) {
            server.setProxyTarget(target);
        }

        @Override
        public List<String> urls(String host, int port) {
            return ServedAddresses.urls(host, port);
        }

        @Override
        public boolean isWildcard(String host) {
            return IpAddresses.isWildcard(host);
        }

        @Override
        public void allowHost(String name) {
            server.allowHost(name);
        }

        @Override
        public List<String> allowedHosts() {
            return server.allowedHosts();
        }

        @Override
        public String usersLocation() {
            return store.location();
        }

        @Override
        public void resetUsers() {
            store.clear();
        }
    }
}
