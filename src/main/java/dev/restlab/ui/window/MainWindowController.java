package dev.restlab.ui.window;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import dev.restlab.ui.diagram.DiagramPaneViewModel;
import dev.restlab.ui.diff.DiffPaneViewModel;
import dev.restlab.ui.lab.LabPaneViewModel;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.TrafficCommands;
import dev.restlab.ui.serverbar.ServerBarViewModel;
import dev.restlab.ui.users.UsersPaneViewModel;

/**
 * The frame around the parts: theme, text size and the window-wide keyboard shortcuts. Ctrl+Enter
 * is not one of them: it acts in the pane that has the focus (the users form, the composer).
 */
public final class MainWindowController {

    /** On the window above the default text size: the style sheet makes tool and settings rows compact. */
    static final PseudoClass LARGE_TEXT = PseudoClass.getPseudoClass("large-text");

    private final LookViewModel look;
    private final ServerBarViewModel server;
    private final UsersPaneViewModel users;
    private final TrafficCommands traffic;
    private final LabPaneViewModel lab;
    private final DiagramPaneViewModel diagram;
    private final DiffPaneViewModel diffs;

    @FXML private BorderPane root;
    @FXML private TabPane tabs;
    @FXML private Tab trafficTab;
    @FXML private Tab labTab;
    @FXML private Tab diagramTab;
    @FXML private Tab diffTab;
    @FXML private SplitPane split;
    @FXML private ScrollPane usersScroll;

    public MainWindowController(LookViewModel look, ServerBarViewModel server, UsersPaneViewModel users,
            TrafficCommands traffic, LabPaneViewModel lab, DiagramPaneViewModel diagram, DiffPaneViewModel diffs) {
        this.look = look;
        this.server = server;
        this.users = users;
        this.traffic = traffic;
        this.lab = lab;
        this.diagram = diagram;
        this.diffs = diffs;
    }

    @FXML
    private void initialize() {
        root.styleProperty().bind(look.fontSizeProperty().asString("-fx-font-size: %dpx;"));
        root.pseudoClassStateChanged(LARGE_TEXT, look.fontSizeProperty().get() > LookViewModel.DEFAULT_SIZE);
        look.fontSizeProperty().addListener((o, was, size) ->
                root.pseudoClassStateChanged(LARGE_TEXT, size.intValue() > LookViewModel.DEFAULT_SIZE));
        // The lab's progress stays in sight on the tab, whichever tab is shown.
        lab.exchangeShownProperty().addListener((o, was, now) -> {
            tabs.getSelectionModel().select(trafficTab);
            focusWhenShown("#trafficTable"); // where the exchange now is selected
        });
        diagram.activeProperty().bind(diagramTab.selectedProperty()); // laid out only when seen
        diffs.comparedProperty().addListener((o, was, now) -> {
            tabs.getSelectionModel().select(diffTab);
            focusWhenShown("#diffLines"); // the Diff button stays behind in Traffic: the eye goes to the diff
        });
        // No progress yet while the lab is being read, as the window opens: the tab says "Lab" alone.
        labTab.textProperty().bind(lab.progressTextProperty().map(done -> done.isEmpty() ? "Lab"
                : "Lab " + done.replace(" of ", "/")));
        Tooltip labProgress = new Tooltip();
        labProgress.textProperty().bind(lab.progressTextProperty().map(done -> done.isEmpty() ? "The lab is being read"
                : "The lab: " + done + " steps done"));
        labTab.setTooltip(labProgress);
        look.checkFitWith(() -> WindowFit.fits(root));
        applyTheme();
        look.darkProperty().addListener(o -> applyTheme());
        look.highContrastProperty().addListener(o -> applyTheme());
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                addShortcuts(scene);
                KeyboardNavigation.install(scene, this::regions, root.lookup("#startStop"));
                scene.widthProperty().addListener((w, before, after) -> {
                    if (after.doubleValue() > before.doubleValue()) {
                        look.roomGrew();
                    }
                });
                scene.heightProperty().addListener((h, before, after) -> {
                    if (after.doubleValue() > before.doubleValue()) {
                        look.roomGrew();
                    }
                });
                PresentationMode.install(root, scene, look);
                PopupLook.install(scene, look);
            }
        });
    }

    /** The window's main regions in F6 order: the top bar, the users (unless presenting), the open tab's content. */
    private List<Node> regions() {
        List<Node> regions = new ArrayList<>();
        regions.add(root.getTop());
        if (split.getItems().contains(usersScroll)) {
            regions.add(usersScroll);
        }
        Tab open = tabs.getSelectionModel().getSelectedItem();
        if (open != null && open.getContent() != null) {
            regions.add(open.getContent());
        }
        return regions;
    }

    /** Gives the focus to the node {@code id} names once the tab that holds it has been laid out. */
    private void focusWhenShown(String id) {
        Platform.runLater(() -> {
            Node target = root.lookup(id);
            if (target != null) {
                target.requestFocus();
            }
        });
    }

    private void addShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        // From the keyboard: stopping a server others are using asks first (a key is easily pressed by mistake).
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), server::toggleAskingFirst);
        keys.put(new KeyCodeCombination(KeyCode.F5), users::reload);
        // Ctrl+Plus is Ctrl+Shift+= on a US keyboard, a key of its own on others, or the numpad's.
        keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY), look::larger);
        keys.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY), look::larger);
        keys.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), look::larger);
        keys.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), look::smaller);
        keys.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), look::smaller);
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), traffic::clear);
        keys.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                traffic::copyCurlToClipboard);
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> scene.getWindow().hide());
        keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                () -> look.darkProperty().set(!look.darkProperty().get()));
        keys.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> look.highContrastProperty().set(!look.highContrastProperty().get()));
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(Themes.userAgentStylesheet(look.darkProperty().get(),
                look.highContrastProperty().get()));
    }
}
