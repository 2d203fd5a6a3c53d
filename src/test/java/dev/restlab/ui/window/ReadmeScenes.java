package dev.restlab.ui.window;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.check.HandoutFlaskServer;
import dev.restlab.check.ScenarioFile;
import dev.restlab.client.UserRow;
import dev.restlab.http.Api;
import dev.restlab.testing.Await;
import dev.restlab.testing.Requires;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import dev.restlab.ui.check.CheckPaneViewModel;
import dev.restlab.ui.serverbar.ServerBarController;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.Fx;

/**
 * The README's pictures as steps on the real window: the handout's curl session against its
 * server over real HTTP, then tabs, rows, theme and text size chosen through the window's own
 * nodes, found by their ids (never by screen coordinates), and the buttons fired as a click
 * fires them. {@link ReadmePictures} runs the steps and writes each picture as a PNG;
 * {@code ReadmeScenesTest} runs the same steps, so a renamed id fails the build, not the pictures.
 */
final class ReadmeScenes {

    /**
     * What happens when a scene is ready, on the FX thread: the program writes a PNG, the test
     * looks at the scene.
     */
    interface Camera {
        void take(Picture picture, Scene scene) throws Exception;
    }

    /** One README picture: its file in docs/ and the tab it shows. */
    record Picture(String file, String tabId) {
    }

    static final Picture LIGHT = new Picture("restlab-light.png", "trafficTab");
    static final Picture DARK = new Picture("restlab-dark.png", "trafficTab");
    static final Picture PRESENT = new Picture("restlab-present.png", "trafficTab");
    static final Picture LAB = new Picture("restlab-lab-dark.png", "labTab");
    static final Picture PROXY = new Picture("restlab-proxy-dark.png", "trafficTab");
    static final Picture CHECK = new Picture("restlab-check.png", "checkTab");
    static final Picture CHECK_CLASS = new Picture("restlab-check-class.png", "checkTab");
    static final Picture DIAGRAM_LIGHT = new Picture("restlab-diagram-light.png", "diagramTab");
    static final Picture WATERFALL_LIGHT = new Picture("restlab-waterfall-light.png", "diagramTab");
    static final Picture WATERFALL_DARK = new Picture("restlab-waterfall-dark.png", "diagramTab");
    static final Picture DIAGRAM_DARK = new Picture("restlab-diagram-dark.png", "diagramTab");
    static final Picture FAULTS_DARK = new Picture("restlab-faults-dark.png", "diagramTab");
    /** Every picture, in the order they are taken. */
    static final List<Picture> ALL = List.of(LIGHT, CHECK, CHECK_CLASS,
            DIAGRAM_LIGHT, WATERFALL_LIGHT, WATERFALL_DARK, DIAGRAM_DARK, FAULTS_DARK, LAB, DARK, PRESENT, PROXY);
    /** The pictures of the window as a teacher projects it: 1024×768, dark, A+ three times. */
    static final List<Picture> PROJECTED = List.of(FAULTS_DARK, LAB, DARK, PRESENT, PROXY);

    /** The screen size most classroom laptops and projectors offer, and the small one every size must fit. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final int SMALL_WIDTH = 1024;
    static final int SMALL_HEIGHT = 768;

    private static final String JSON = "Content-Type: application/json";
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: *" + Api.USERS + "/(\\S+)\\s*$");

    private final Stage stage;
    private final Workbench workbench;
    private final String base;
    /** Ann's id: the lab's picture shows why deleting her does not do step 11. */
    private String ann;
    private final boolean studentPauses;

    private ReadmeScenes(Stage stage, Workbench workbench, int port, boolean studentPauses) {
        this.stage = stage;
        this.workbench = workbench;
        this.base = Api.loopbackUrl(port);
        this.studentPauses = studentPauses;
    }

    /**
     * Shows a fresh window (users in memory) in {@code stage} at 1280×800 and starts its server on
     * {@code port} (0: any free port); call from any thread but the FX thread.
     *
     * @param studentPauses whether the session pauses between commands as a student does (the
     *                      diagram shows the pauses; the test leaves them out)
     */
    static ReadmeScenes open(Stage stage, int port, boolean studentPauses) throws Exception {
        Workbench workbench = Fx.call(() -> {
            Workbench shown = new Workbench(new InMemoryUserStore(), WorkbenchSettings.listening(Api.LOOPBACK, port, url -> { }));
            stage.setTitle("RestLab");
            stage.setScene(new Scene(shown.root(), WIDTH, HEIGHT));
            stage.show();
            stage.requestFocus();
            shown.startServer();
            return shown;
        });
        int bound = awaitValue("the window's server to start", () -> {
            int now = workbench.serverBar().boundPortProperty().get();
            return now > 0 ? Optional.of(now) : Optional.empty();
        });
        ReadmeScenes scenes = new ReadmeScenes(stage, workbench, bound, studentPauses);
        scenes.await("the lab to tick its first step (the server runs)", () -> scenes.tab("labTab").getText().startsWith("Lab 1/"));
        return scenes;
    }

    Workbench workbench() {
        return workbench;
    }

    /** Takes every README picture with {@code camera}, in the order of {@link #ALL}. */
    void takeAll(Camera camera) throws Exception {
        handoutSession();
        mainWindow(camera);
        check(camera);
        checkClass(camera);
        diagrams(camera);
        // The rest at 1024×768: the window only shrinks (Monocle's painter trips over a window that grows again).
        faults(camera);
        projectorLook();
        lab(camera);
        projected(camera);
        proxy(camera);
    }

    /**
     * The handout in a terminal: the root with and without -i, POST John, a POST the server
     * refuses (400), POST Ann, the list, {@code ?name=John}, John by id, DELETE Ann; then Zoe from
     * the window's own form. The lab ticks eight steps, and says why DELETE Ann ticks nothing: step 11
     * wants John's id.
     */
    void handoutSession() throws Exception {
        curl(base + "/");
        curl("-i", base + "/");
        String john = createdId(curl("-i", "-X", "POST", "-H", JSON,
                "-d", "{\"name\": \"John\", \"email\": \"john@example.com\"}", base + Api.USERS));
        curl("-i", "-X", "POST", "-H", JSON, "-d", "{\"name\": \"John\"}", base + Api.USERS);
        ann = createdId(curl("-i", "-X", "POST", "-H", JSON,
                "-d", "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}", base + Api.USERS));
        // As the student does: Ann's row appears in the window before she is deleted below.
        await("Ann in the users table", () -> userNames().contains("Ann"));
        curl("-i", base + Api.USERS);
        curl("-i", base + Api.USERS + "?name=John");
        curl("-i", base + Api.USERS + "/" + john);
        curl("-i", "-X", "DELETE", base + Api.USERS + "/" + ann);
        Fx.run(() -> {
            type("#name", "Zoe");
            type("#email", "zoe@example.com");
            press("#create");
        });
        await("the window's POST of Zoe in the traffic list",
                () -> listed(e -> TrafficModel.isOwn(e) && e.method().equals("POST") && e.status() == 201));
        await(() -> "John and Zoe in the users table, which shows " + Fx.call(this::userNames),
                () -> userNames().equals(List.of("John", "Zoe")));
        // The root twice, John, his 400, the list, ?name=John and John by id; DELETE Ann is not step 11's.
        await("the lab's first eight steps ticked", () -> tab("labTab").getText().startsWith("Lab 8/"));
    }

    /** The main window at 1280×800, light, at the default text size. */
    void mainWindow(Camera camera) throws Exception {
        showTab(LIGHT.tabId());
        // The divider under the traffic list a little higher, as a teacher drags it, so that the
        // selected exchange shows whole: the request's body, the answer's headers.
        double listDivider = Fx.call(() -> node("#listAndExchange", SplitPane.class).getDividerPositions()[0]);
        Fx.run(() -> node("#listAndExchange", SplitPane.class).setDividerPosition(0, 0.28));
        Fx.frames(2); // laid out at its new height before a row is scrolled into view
        select("curl's POST of John", e -> e.method().equals("POST") && e.status() == 201 && !TrafficModel.isOwn(e));
        take(camera, LIGHT);
        Fx.run(() -> node("#listAndExchange", SplitPane.class).setDividerPosition(0, listDivider));
    }

    /** A teacher at a 1024×768 projector: the dark theme and A+ three times, for the pictures from here on. */
    void projectorLook() throws Exception {
        resize(SMALL_WIDTH, SMALL_HEIGHT);
        showTab("trafficTab");
        // The forms beside the tabs as a window opened at this size has them (the scenes before
        // moved the divider by putting the forms away and back at another width).
        Fx.run(() -> node("#mainSplit", SplitPane.class).setDividerPosition(0, 0.38));
        Fx.frames(2);
        Fx.run(() -> {
            press("#dark");
            for (int i = 0; i < 3; i++) {
                press("#larger");
            }
        });
    }

    /** The Lab tab, projected: eight steps ticked, and under step 11 why deleting Ann again did not tick it. */
    void lab(Camera camera) throws Exception {
        showTab(LAB.tabId());
        // The student deletes Ann again, though step 11 is about John: the lab says why no tick.
        curl("-i", "-X", "DELETE", base + Api.USERS + "/" + ann);
        await(() -> "the reason DELETE Ann ticked nothing, under step 11; it says: "
                + Fx.call(() -> node("#labReason", Label.class).getText()),
                () -> node("#labReason", Label.class).getText().contains("DELETE"));
        take(camera, LAB);
    }

    /** The Check a server tab on the handout's own Flask program, the first case it fails shown in full. */
    void check(Camera camera) throws Exception {
        try (HandoutFlaskServer flask = new HandoutFlaskServer()) {
            showTab(CHECK.tabId());
            Fx.run(() -> {
                type("#checkUrl", Api.loopbackUrl(flask.port()));
                press("#checkRun");
            });
            await("the check to finish", () -> !node("#checkSave", ButtonBase.class).isDisabled());
            Fx.run(() -> {
                ListView<?> cases = node("#checkCases", ListView.class);
                int differs = indexOf(cases.getItems(), row -> !((CheckPaneViewModel.Row) row).same());
                if (differs < 0) {
                    throw new IllegalStateException("the handout's Flask program passed every case: no difference to show");
                }
                cases.getSelectionModel().select(differs);
                cases.scrollTo(Math.max(0, differs - 5));
                cases.requestFocus();
            });
            take(camera, CHECK);
        }
    }

    /**
     * The Check a server tab on a class of five: the handout's final listing as printed, the same
     * with one bug (a missing email taken), In [5] (a student who stopped there), In [7] that kept
     * In [6]'s ?name= (went further), and a laptop whose server is not running. The buggy
     * student's differing cell is chosen, so its exchange shows below the grid. The users forms are
     * put away for the picture, so that the grid has the window's width, and then come back.
     */
    void checkClass(Camera camera) throws Exception {
        Path roster = Files.createTempFile("restlab-roster", ".csv");
        try (HandoutFlaskServer anna = HandoutFlaskServer.listing("in7.py");
                HandoutFlaskServer bruno = HandoutFlaskServer.listing("bug_missing_email.py");
                HandoutFlaskServer carla = HandoutFlaskServer.listing("in5.py");
                HandoutFlaskServer dario = new HandoutFlaskServer()) {
            Files.writeString(roster, "student,url\n"
                    + "Anna Rossi," + Api.loopbackUrl(anna.port()) + "\n"
                    + "Bruno Bianchi," + Api.loopbackUrl(bruno.port()) + "\n"
                    + "Carla Verdi," + Api.loopbackUrl(carla.port()) + "\n"
                    + "Dario Neri," + Api.loopbackUrl(dario.port()) + "\n"
                    + "Elena Costa," + Api.loopbackUrl(ScriptedTarget.downPort()) + "\n");
            showTab(CHECK_CLASS.tabId());
            Fx.run(() -> workbench.look().formsShownProperty().set(false)); // the grid gets the window's width
            await("the users forms put away", () -> node("#mainSplit", SplitPane.class).getItems().size() == 1);
            Fx.run(() -> {
                type("#checkRoster", roster.toString());
                press("#checkClassRun");
            });
            await("the class check to finish", () -> !node("#checkSaveGrades", ButtonBase.class).isDisabled());
            Fx.run(() -> {
                @SuppressWarnings("unchecked")
                TableView<CheckPaneViewModel.StudentRow> grid = node("#checkGrid", TableView.class);
                int bug = indexOf(grid.getItems(), row -> ((CheckPaneViewModel.StudentRow) row).student().startsWith("Bruno"));
                int missingEmail = 3 + ScenarioFile.handout().cases().indexOf(
                        ScenarioFile.handout().scenarioCase("missing-field").orElseThrow());
                grid.getSelectionModel().clearAndSelect(bug, grid.getColumns().get(missingEmail));
                grid.requestFocus();
            });
            take(camera, CHECK_CLASS);
            Fx.run(() -> workbench.look().formsShownProperty().set(true));
            await("the users forms back", () -> node("#mainSplit", SplitPane.class).getItems().size() == 2);
        } finally {
            Files.deleteIfExists(roster);
        }
    }

    /**
     * The Diagram tab on the handout's POST, GET, DELETE and GET again from curl, with a student's
     * pauses between them: the traffic list cleared first and showing other clients only, the
     * users forms put away (as presentation mode's Forms button does) so that the drawing has the
     * window's width. Light, then dark; then the forms and the light theme come back.
     */
    void diagrams(Camera camera) throws Exception {
        showTab("trafficTab");
        Fx.run(() -> {
            press("#clearTraffic");
            if (node("#showOwn", CheckBox.class).isSelected()) {
                press("#showOwn");
            }
        });
        await("the traffic list cleared", () -> node("#trafficTable", TableView.class).getItems().isEmpty());
        String id = createdId(curl("-i", "-X", "POST", "-H", JSON,
                "-d", "{\"name\": \"John\", \"email\": \"john@example.com\"}", base + Api.USERS));
        pause(1500);
        curl(base + Api.USERS);
        pause(2000);
        curl("-X", "DELETE", base + Api.USERS + "/" + id);
        pause(1500);
        curl(base + Api.USERS);
        await("the four exchanges listed", () -> node("#trafficTable", TableView.class).getItems().size() == 4);
        showTab(DIAGRAM_LIGHT.tabId());
        Fx.run(() -> workbench.look().formsShownProperty().set(false));
        await("the users forms put away", () -> node("#mainSplit", SplitPane.class).getItems().size() == 1);
        Fx.run(() -> press("#showSequence"));
        take(camera, DIAGRAM_LIGHT);
        Fx.run(() -> press("#showWaterfall"));
        take(camera, WATERFALL_LIGHT);
        Fx.run(() -> press("#dark"));
        take(camera, WATERFALL_DARK);
        Fx.run(() -> press("#showSequence"));
        take(camera, DIAGRAM_DARK);
        Fx.run(() -> {
            workbench.look().formsShownProperty().set(true);
            press("#dark");
        });
    }

    /**
     * The Diagram tab on a faulted conversation as a teacher projects it (1024×768, dark, A+ three
     * times, Fit width): two rules typed in the Faults tab, then curl's slow list and a DELETE whose
     * connection is reset (curl exits 56). The rules go, and the theme, the text size and the forms
     * come back.
     */
    void faults(Camera camera) throws Exception {
        resize(SMALL_WIDTH, SMALL_HEIGHT);
        showTab("faultsTab");
        List<String> rules = List.of("delay 600ms on GET " + Api.USERS, "reset on DELETE");
        for (String rule : rules) {
            Fx.run(() -> {
                type("#faultRule", rule);
                press("#addFault");
            });
        }
        await("the rules listed", () -> node("#faultRules", ListView.class).getItems().size() == rules.size());
        showTab("trafficTab");
        Fx.run(() -> press("#clearTraffic"));
        await("the traffic list cleared", () -> node("#trafficTable", TableView.class).getItems().isEmpty());
        // One after the other, as a script sends them: both fit the projector's height.
        curl(base + Api.USERS);
        curlFailing(56, "-X", "DELETE", base + Api.USERS + "/" + ann);
        await("the two exchanges listed", () -> node("#trafficTable", TableView.class).getItems().size() == 2);
        showTab(FAULTS_DARK.tabId());
        Fx.run(() -> {
            workbench.look().formsShownProperty().set(false);
            press("#dark");
            for (int i = 0; i < 3; i++) {
                press("#larger");
            }
            press("#showSequence");
            if (!node("#diagramFitWidth", ToggleButton.class).isSelected()) {
                press("#diagramFitWidth");
            }
        });
        await("the users forms put away", () -> node("#mainSplit", SplitPane.class).getItems().size() == 1);
        take(camera, FAULTS_DARK);
        Fx.run(() -> {
            press("#diagramFitWidth");
            press("#showBoth");
            for (int i = 0; i < 3; i++) {
                press("#smaller");
            }
            press("#dark");
            workbench.look().formsShownProperty().set(true);
        });
        showTab("faultsTab");
        for (int i = 0; i < rules.size(); i++) {
            Fx.run(() -> {
                node("#faultRules", ListView.class).getSelectionModel().select(0);
                press("#removeFault");
            });
        }
        await("the rules removed", () -> node("#faultRules", ListView.class).getItems().isEmpty());
    }

    /**
     * The handout's curl commands again, projected: the POST's 201, the list, a 404 for an id
     * nobody has, and ?name=John. The Traffic tab with ?name=John selected; then presentation mode
     * (a 1024×768 projector's full screen) with the POST selected, its request and whole answer in
     * view.
     */
    void projected(Camera camera) throws Exception {
        showTab(DARK.tabId());
        Fx.run(() -> press("#clearTraffic"));
        await("the traffic list cleared", () -> node("#trafficTable", TableView.class).getItems().isEmpty());
        curl("-i", "-X", "POST", "-H", JSON, "-d", "{\"name\": \"John\", \"email\": \"john@example.com\"}",
                base + Api.USERS);
        curl("-i", base + Api.USERS);
        curl("-i", base + Api.USERS + "/864d82a5-e4e2-4b17-8358-d0d66d34e470");
        curl("-i", base + Api.USERS + "?name=John");
        select("curl's GET of ?name=John", e -> e.target().endsWith("?name=John"));
        take(camera, DARK);

        Fx.run(() -> press("#present"));
        await("presentation mode", () -> workbench.look().presentingProperty().get());
        // The test screen is larger than a projector's: its full screen is a window of 1024×768.
        Fx.run(() -> stage.setFullScreen(false));
        resize(SMALL_WIDTH, SMALL_HEIGHT);
        select("curl's POST of John", e -> e.method().equals("POST") && e.status() == 201 && !TrafficModel.isOwn(e));
        take(camera, PRESENT);
        Fx.run(() -> press("#present"));
        await("the normal layout back", () -> !workbench.look().presentingProperty().get()
                && node("#usersScroll", Node.class).isVisible());
        resize(SMALL_WIDTH, SMALL_HEIGHT);
    }

    /**
     * Proxy mode in front of the handout's final Flask listing: the server stopped, Proxy to its
     * address, started again; curl creates John and Ann there and lists them. The top bar says the
     * users are kept by the Flask server, and the users table lists its users.
     */
    void proxy(Camera camera) throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            String target = Api.loopbackUrl(flask.port());
            // As a click on Stop does: fired from the keyboard, Stop would first ask, since curl used the server.
            Fx.run(() -> workbench.serverBar().stop());
            await("the server stopped", () -> !workbench.serverBar().runningProperty().get()
                    && !workbench.serverBar().busyProperty().get());
            Fx.run(() -> {
                node("#serves", ChoiceBox.class).getSelectionModel().select(ServerBarController.PROXY);
                type("#proxyUrl", target);
                press("#startStop");
            });
            await("the proxy to " + target, () -> workbench.serverBar().proxiedToProperty().get().equals(target)
                    && workbench.serverBar().runningProperty().get());
            curl("-i", "-X", "POST", "-H", JSON, "-d", "{\"name\": \"John\", \"email\": \"john@example.com\"}",
                    base + Api.USERS);
            curl("-i", "-X", "POST", "-H", JSON, "-d", "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}",
                    base + Api.USERS);
            curl("-i", base + Api.USERS);
            await(() -> "the Flask server's John and Ann in the users table, which shows " + Fx.call(this::userNames),
                    () -> userNames().equals(List.of("John", "Ann")));
            select("curl's list through the proxy", e -> e.method().equals("GET") && e.target().equals(Api.USERS)
                    && e.connection().relayedTo().isPresent() && !TrafficModel.isOwn(e));
            take(camera, PROXY);
            Fx.run(() -> workbench.serverBar().stop());
            await("the proxy stopped", () -> !workbench.serverBar().runningProperty().get()
                    && !workbench.serverBar().busyProperty().get());
        }
    }

    /** Checks that the picture's tab is the one shown, lets the window draw, and takes it. */
    private void take(Camera camera, Picture picture) throws Exception {
        await(picture.file() + " on its tab " + picture.tabId(), () -> selectedTab().equals(picture.tabId()));
        Fx.frames(12);
        Fx.call(() -> {
            camera.take(picture, stage.getScene());
            return null;
        });
    }

    /** The fx:id of the tab shown now. */
    String selectedTab() throws Exception {
        return Fx.call(() -> node("#tabs", TabPane.class).getSelectionModel().getSelectedItem().getId());
    }

    private void showTab(String id) throws Exception {
        Fx.run(() -> node("#tabs", TabPane.class).getSelectionModel().select(tab(id)));
    }

    private void resize(int width, int height) throws Exception {
        Fx.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        await("the window at " + width + "×" + height,
                () -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
    }

    /** Selects the first exchange in the traffic list that {@code which} accepts, as a click would. */
    private void select(String what, Predicate<Exchange> which) throws Exception {
        await(what + " in the traffic list", () -> listed(which));
        Fx.run(() -> {
            TableView<?> table = node("#trafficTable", TableView.class);
            List<?> items = table.getItems();
            int index = indexOf(items, item -> which.test((Exchange) item));
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(Math.max(0, index - 1));
            table.requestFocus();
        });
        await(what + " shown in detail", () -> {
            Exchange shown = workbench.traffic().selectedProperty().get();
            return shown != null && which.test(shown);
        });
        scrollToSelected(); // Follow newest may have scrolled the list to the newest row meanwhile
    }

    /**
     * Scrolls the traffic list so that the row above the selected one is the first in view. Twice:
     * the list guesses the height of rows it has not drawn yet at a new text size, and corrects
     * the guess once it has.
     */
    private void scrollToSelected() throws Exception {
        for (int pass = 0; pass < 2; pass++) {
            Fx.frames(2);
            Fx.run(() -> {
                TableView<?> table = node("#trafficTable", TableView.class);
                table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 1));
            });
        }
    }

    /** The names in the users table, top to bottom. */
    private List<String> userNames() {
        return node("#usersTable", TableView.class).getItems().stream().map(row -> ((UserRow) row).name()).toList();
    }

    private boolean listed(Predicate<Exchange> which) {
        return node("#trafficTable", TableView.class).getItems().stream().anyMatch(item -> which.test((Exchange) item));
    }

    /** The tab with this fx:id; fails naming the tabs there are when there is none. */
    private Tab tab(String id) {
        TabPane tabs = node("#tabs", TabPane.class);
        List<String> ids = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) {
            if (id.equals(tab.getId())) {
                return tab;
            }
            ids.add(tab.getId());
        }
        throw new IllegalStateException("the window has no tab with fx:id '" + id + "'; its tabs are " + ids);
    }

    /** The node with this id; fails naming it when the window has none of that type. */
    private <T> T node(String selector, Class<T> type) {
        Node node = workbench.root().lookup(selector);
        if (!type.isInstance(node)) {
            throw new IllegalStateException("the window has no " + type.getSimpleName() + " " + selector
                    + (node == null ? "" : " (it is a " + node.getClass().getSimpleName() + ")"));
        }
        return type.cast(node);
    }

    /** Fires the button as a click does (a toggle button changes its state). */
    private void press(String selector) {
        ButtonBase button = node(selector, ButtonBase.class);
        if (button.isDisabled()) {
            throw new IllegalStateException(selector + " is disabled");
        }
        button.fire();
    }

    private void type(String selector, String text) {
        node(selector, TextInputControl.class).setText(text);
    }

    private static int indexOf(List<?> items, Predicate<Object> which) {
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until {@code condition}, asked on the FX thread, holds. */
    private void await(String what, Callable<Boolean> condition) {
        await(() -> what, condition);
    }

    /** The same; {@code what} is asked on a timeout, so it can say how things stand. */
    private void await(Callable<String> what, Callable<Boolean> condition) {
        Await.until(() -> {
            try {
                return what.call();
            } catch (Exception e) {
                return e.toString();
            }
        }, Fx.LIMIT, () -> {
            try {
                return Fx.call(condition);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static <T> T awaitValue(String what, Callable<Optional<T>> probe) {
        List<T> found = new ArrayList<>();
        Await.until(what, Fx.LIMIT, () -> {
            try {
                Optional<T> value = Fx.call(probe);
                value.ifPresent(found::add);
                return value.isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return found.get(0);
    }

    /** A student's pause between two commands, which the diagram shows; left out in the test. */
    private void pause(long millis) throws InterruptedException {
        if (studentPauses) {
            Thread.sleep(millis);
        }
    }

    /** Runs curl as a student types it in a terminal; returns what it printed. */
    private static String curl(String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** Runs curl where it is meant to fail (a reset connection is exit 56), and checks that it did. */
    private static void curlFailing(int exitCode, String... args) throws IOException, InterruptedException {
        Requires.curl();
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != exitCode) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not exit " + exitCode + ": "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static String createdId(String curlOutput) {
        Matcher location = LOCATION.matcher(curlOutput);
        if (!location.find()) {
            throw new IllegalStateException("no Location of a created user in: " + curlOutput);
        }
        return location.group(1);
    }
}
