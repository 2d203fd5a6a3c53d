package dev.restlab.ui.serverbar;

import dev.restlab.http.Api;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import dev.restlab.ui.LookViewModel;

/** The top bar: server start/stop, port, bind address, and the look of the window. */
public final class ServerBarController {

    static final String THIS_COMPUTER = "This computer only (" + Api.LOOPBACK + ")";
    static final String ALL_NETWORK = "All network interfaces (" + Api.ALL_INTERFACES + ")";
    static final String BUILT_IN = "Built-in API";
    public static final String PROXY = "Proxy to";

    private final ServerBarViewModel server;
    private final LookViewModel look;
    /** Whether the Start/Stop button's next action comes from the mouse. */
    private boolean clicked;

    @FXML private Button startStop;
    @FXML private TextField port;
    @FXML private ChoiceBox<String> bind;
    @FXML private ChoiceBox<String> serves;
    @FXML private TextField proxyUrl;
    @FXML private Label status;
    @FXML private Label problem;
    @FXML private Label networkNote;
    @FXML private Label bindWarning;
    @FXML private Button smaller;
    @FXML private Button larger;
    @FXML private ToggleButton dark;
    @FXML private ToggleButton highContrast;
    @FXML private ToggleButton present;
    @FXML private ToggleButton showForms;
    @FXML private ToggleButton showGlossary;
    @FXML private Label usersLocation;
    @FXML private Button reset;
    @FXML private TextField hostToAllow;
    @FXML private Button allowHost;
    @FXML private Label allowedHosts;
    @FXML private FlowPane usersRow;
    @FXML private HBox usersKept;

    public ServerBarController(ServerBarViewModel server, LookViewModel look) {
        this.server = server;
        this.look = look;
    }

    @FXML
    private void initialize() {
        port.textProperty().bindBidirectional(server.portTextProperty());
        port.disableProperty().bind(server.runningProperty().or(server.busyProperty()));
        bind.getItems().setAll(THIS_COMPUTER, ALL_NETWORK);
        bind.getSelectionModel().select(server.allInterfacesProperty().get() ? ALL_NETWORK : THIS_COMPUTER);
        bind.getSelectionModel().selectedItemProperty().addListener(
                (o, old, chosen) -> server.allInterfacesProperty().set(ALL_NETWORK.equals(chosen)));
        bind.disableProperty().bind(port.disableProperty());
        serves.getItems().setAll(BUILT_IN, PROXY);
        serves.getSelectionModel().select(server.proxyModeProperty().get() ? PROXY : BUILT_IN);
        serves.getSelectionModel().selectedItemProperty().addListener(
                (o, old, chosen) -> server.proxyModeProperty().set(PROXY.equals(chosen)));
        serves.disableProperty().bind(port.disableProperty());
        proxyUrl.textProperty().bindBidirectional(server.proxyUrlTextProperty());
        proxyUrl.disableProperty().bind(port.disableProperty());
        proxyUrl.visibleProperty().bind(server.proxyModeProperty());
        proxyUrl.managedProperty().bind(proxyUrl.visibleProperty());
        proxyUrl.setOnAction(e -> server.start());
        startStop.textProperty().bind(server.runningProperty().map(on -> on ? "Stop" : "Start"));
        startStop.disableProperty().bind(server.busyProperty());
        // A click stops at once; Space or Enter on the button asks first when others use the server.
        startStop.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> clicked = true);
        startStop.addEventFilter(KeyEvent.KEY_PRESSED, e -> clicked = false);
        startStop.setOnAction(e -> {
            if (clicked) {
                server.toggle();
            } else {
                server.toggleAskingFirst();
            }
            clicked = false;
        });
        port.setOnAction(e -> server.start());
        status.textProperty().bind(server.statusProperty());
        showWhenNotEmpty(problem);
        problem.textProperty().bind(server.problemProperty());
        showWhenNotEmpty(bindWarning);
        bindWarning.textProperty().bind(server.bindWarningProperty());
        showWhenNotEmpty(networkNote);
        networkNote.textProperty().bind(server.networkNoteProperty());
        smaller.setOnAction(e -> look.smaller());
        larger.setOnAction(e -> look.larger());
        // A+ stops at the largest size at which the window still fits.
        larger.disableProperty().bind(look.fontSizeProperty().greaterThanOrEqualTo(look.largestThatFitsProperty()));
        smaller.disableProperty().bind(look.fontSizeProperty().lessThanOrEqualTo(LookViewModel.SMALLEST));
        dark.selectedProperty().bindBidirectional(look.darkProperty());
        highContrast.selectedProperty().bindBidirectional(look.highContrastProperty());
        present.selectedProperty().bindBidirectional(look.presentingProperty());
        showForms.selectedProperty().bindBidirectional(look.formsShownProperty());
        showGlossary.selectedProperty().bindBidirectional(look.glossaryShownProperty());
        for (ToggleButton onlyWhilePresenting : new ToggleButton[] {showForms, showGlossary}) {
            onlyWhilePresenting.visibleProperty().bind(look.presentingProperty());
            onlyWhilePresenting.managedProperty().bind(look.presentingProperty());
        }
        usersLocation.textProperty().bind(server.usersLocationProperty());
        hostToAllow.textProperty().bindBidirectional(server.hostToAllowProperty());
        hostToAllow.setOnAction(e -> server.allowHost());
        allowHost.setOnAction(e -> server.allowHost());
        allowedHosts.textProperty().bind(server.allowedHostsProperty());
        reset.setOnAction(e -> server.reset());
        reset.disableProperty().bind(server.resettingProperty());
        // While proxying, the users live in the target: Reset would empty a store nobody is served from.
        reset.visibleProperty().bind(server.proxyingProperty().not());
        reset.managedProperty().bind(reset.visibleProperty());
        // A long path wraps within the bar instead of running under the buttons at its right.
        usersKept.maxWidthProperty().bind(usersRow.widthProperty());
        allowedHosts.maxWidthProperty().bind(usersRow.widthProperty());
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
