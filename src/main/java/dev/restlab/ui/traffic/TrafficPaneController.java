package dev.restlab.ui.traffic;

import dev.restlab.diagram.FaultMark;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.Piece;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableBooleanValue;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import dev.restlab.ui.ColumnWidths;
import dev.restlab.ui.HelpTooltips;
import dev.restlab.ui.TabLeaves;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.diff.DiffPaneViewModel;
import dev.restlab.ui.StatusMark;
import dev.restlab.ui.WholeTextCell;

/** The live traffic list and the selected exchange, raw. */
public final class TrafficPaneController {

    /** Marks the window's own rows apart from other clients' (a bar at the row's left edge). */
    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");

    private final TrafficPaneViewModel pane;
    private final TrafficModel traffic;
    private final HarActions har;
    private final DiffPaneViewModel diffs;

    @FXML private VBox trafficPane;
    @FXML private TextField filter;
    @FXML private CheckBox showOwn;
    @FXML private CheckBox showBackground;
    @FXML private CheckBox followNewest;
    @FXML private Button clear;
    @FXML private Button undoClear;
    @FXML private Label count;
    @FXML private TableView<Exchange> table;
    @FXML private TableColumn<Exchange, String> timeColumn;
    @FXML private TableColumn<Exchange, String> clientColumn;
    @FXML private TableColumn<Exchange, String> methodColumn;
    @FXML private TableColumn<Exchange, String> pathColumn;
    @FXML private TableColumn<Exchange, Integer> statusColumn;
    @FXML private TableColumn<Exchange, String> millisColumn;
    @FXML private TableColumn<Exchange, Long> bytesColumn;
    @FXML private TableColumn<Exchange, Exchange> operationColumn;
    @FXML private Region requestSpace;
    @FXML private Region responseSpace;
    /** The wire text, made when the first exchange is shown (or presenting begins): null until then. */
    private StyleClassedTextArea request;
    private StyleClassedTextArea response;
    @FXML private Label facts;
    @FXML private Label explanation;
    @FXML private ToggleButton prettyJson;
    @FXML private Button copyCurl;
    @FXML private Button copyPowerShell;

    @FXML private MenuItem exportAll;
    @FXML private MenuItem exportShown;
    @FXML private MenuItem exportSelected;
    @FXML private MenuItem importHar;
    @FXML private Button diff;
    @FXML private Label harStatus;
    @FXML private HBox importBanner;
    @FXML private Label importBannerText;
    @FXML private Label importBannerNote;
    @FXML private Button backToLive;
    @FXML private HBox keptBar;
    @FXML private Label kept;
    @FXML private Button forgetKept;

    private NewestRowFollower newest;

    private final ObservableBooleanValue presenting;

    /** @param presenting whether the window presents: the wire panes are then shown, and made if they are not yet */
    public TrafficPaneController(TrafficPaneViewModel pane, HarActions har, DiffPaneViewModel diffs,
            ObservableBooleanValue presenting) {
        this.pane = pane;
        this.traffic = pane.traffic();
        this.har = har;
        this.diffs = diffs;
        this.presenting = presenting;
    }

    @FXML
    private void initialize() {
        HelpTooltips.install(trafficPane);
        newest = new NewestRowFollower(table, () -> pane.followNewestProperty().get() && !traffic.isImportShown());
        filter.textProperty().bindBidirectional(traffic.filterProperty());
        showOwn.selectedProperty().bindBidirectional(traffic.showOwnProperty());
        showBackground.selectedProperty().bindBidirectional(traffic.showBackgroundProperty());
        showBackground.disableProperty().bind(showOwn.selectedProperty().not());
        followNewest.selectedProperty().bindBidirectional(pane.followNewestProperty());
        prettyJson.selectedProperty().bindBidirectional(pane.prettyJsonProperty());
        clear.setOnAction(e -> traffic.clear());
        undoClear.setOnAction(e -> traffic.undoClear());
        undoClear.textProperty().bind(traffic.undoClearTextProperty());
        undoClear.visibleProperty().bind(traffic.undoClearTextProperty().isNotEmpty());
        undoClear.managedProperty().bind(undoClear.visibleProperty());
        copyCurl.setOnAction(e -> pane.copyCurlToClipboard());
        copyPowerShell.setOnAction(e -> pane.copyPowerShellToClipboard());
        copyCurl.disableProperty().bind(traffic.selectedProperty().isNull());
        copyPowerShell.disableProperty().bind(copyCurl.disableProperty());

        harAndDiff();
        table.setItems(traffic.shown());
        column(timeColumn, TrafficPaneViewModel::time);
        column(clientColumn, TrafficPaneViewModel::client);
        column(methodColumn, Exchange::method);
        column(pathColumn, Exchange::target);
        column(statusColumn, Exchange::status);
        column(millisColumn, TrafficPaneViewModel::millis);
        column(bytesColumn, e -> e.response().wireBytes());
        column(operationColumn, e -> e);
        operationColumn.setCellFactory(c -> new OperationCell(traffic));
        clientColumn.setCellFactory(c -> new WholeTextCell<>());
        pathColumn.setCellFactory(c -> new WholeTextCell<>());
        methodColumn.setCellFactory(c -> new MethodCell());
        statusColumn.setCellFactory(c -> new StatusAndFaultCell());
        // The facts line has the table's font (the tool row's is smaller at large text sizes).
        // Method, path and status are what a lesson is about: when the list is narrow (a projector's
        // text size), the client hides first, then the time, the size, the milliseconds, the operation.
        ColumnWidths.keep(table, facts, List.of(
                new ColumnWidths.Fit(timeColumn, "00:00:00", "00:00:00", 2),
                new ColumnWidths.Fit(clientColumn, "127.0.0.1:65535", "127.0.0.1:65535 · window", 1),
                new ColumnWidths.Fit(methodColumn, MethodCell.OWN_MARK + " OPTIONS", MethodCell.OWN_MARK + " OPTIONS"),
                // Up to the handout's path with a user's id: the RESTful way shows its whole id.
                ColumnWidths.Fit.upToWidest(pathColumn, "/people/v1/users", "/people/v1/users/864d82a5-e4e2-4b17-8358-d0d66d34e470"),
                // A status a fault rule touched has ⚡ in front: it is shown whole too.
                new ColumnWidths.Fit(statusColumn, FaultMark.SYMBOL + " " + StatusMark.label(503),
                        FaultMark.SYMBOL + " " + StatusMark.label(503)),
                new ColumnWidths.Fit(millisColumn, "9999.9", "9999.9", 4),
                new ColumnWidths.Fit(bytesColumn, "9999", "99999", 3),
                new ColumnWidths.Fit(operationColumn, "usersOptions ✓", "usersOptions ✓", 5)));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Exchange item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(OWN, !empty && item != null && TrafficModel.isOwn(item));
            }
        });
        // Several rows may be selected (for a diagram, a diff, an export); the detail pane shows the focused one.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Exchange>) change ->
                traffic.setSelection(inListOrder(table)));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, chosen) -> traffic.selectedProperty().set(chosen));
        traffic.selectedProperty().addListener((o, old, wanted) -> {
            if (wanted != null && wanted != table.getSelectionModel().getSelectedItem()) {
                int row = table.getItems().indexOf(wanted);
                if (row >= 0) {
                    table.getSelectionModel().clearAndSelect(row);
                    table.scrollTo(wanted);
                }
            }
        });
        count.textProperty().bind(Bindings.size(traffic.shown()).asString("%d shown"));
        traffic.arrivalsProperty().addListener((o, was, now) -> newest.follow());
        // Rows that grow (A+, presentation mode) or rows' space made shorter (a taller header, a
        // smaller window) push the newest row down with no new arrival. The count's font changes
        // with the text size the rows are drawn in; the flow is where the rows are.
        count.fontProperty().addListener((o, was, now) -> newest.follow());
        table.skinProperty().addListener((o, was, skin) -> {
            if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.heightProperty().addListener((h, before, after) -> newest.follow());
            }
        });
        pane.followNewestProperty().addListener((o, was, now) -> newest.follow());

        // RichTextFX (700 classes) and its two areas wait until there is an exchange to show in them.
        pane.requestPiecesProperty().addListener((o, was, pieces) -> {
            if (request != null) {
                show(request, pieces);
            } else {
                makeWireWhenNeeded();
            }
        });
        pane.responsePiecesProperty().addListener((o, was, pieces) -> {
            if (response != null) {
                show(response, pieces);
            } else {
                makeWireWhenNeeded();
            }
        });
        traffic.selectedProperty().addListener((o, was, now) -> makeWireWhenNeeded());
        presenting.addListener((o, was, now) -> makeWireWhenNeeded());
        makeWireWhenNeeded();
        facts.textProperty().bind(pane.factsProperty());
        explanation.textProperty().bind(pane.explanationProperty());
    }

    /** Makes the wire panes, showing the selected exchange, once there is one to show or the window presents. */
    private void makeWireWhenNeeded() {
        if (request != null || (traffic.selectedProperty().get() == null && pane.requestPiecesProperty().get().isEmpty()
                && pane.responsePiecesProperty().get().isEmpty() && !presenting.get())) {
            return;
        }
        request = wireText(requestSpace, "requestText");
        response = wireText(responseSpace, "responseText");
        show(request, pane.requestPiecesProperty().get());
        show(response, pane.responsePiecesProperty().get());
    }

    /** A read-only wire text area, scrolling, in {@code space}'s place. */
    private static StyleClassedTextArea wireText(Region space, String id) {
        StyleClassedTextArea area = new StyleClassedTextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("wire-text");
        TabLeaves.richText(area);
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.getStyleClass().add("wire-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = (VBox) space.getParent();
        box.getChildren().set(box.getChildren().indexOf(space), scroll);
        return area;
    }

    private void harAndDiff() {
        exportAll.setOnAction(e -> har.export(HarActions.Scope.ALL));
        exportShown.setOnAction(e -> har.export(HarActions.Scope.SHOWN));
        exportSelected.setOnAction(e -> har.export(HarActions.Scope.SELECTED));
        exportSelected.disableProperty().bind(Bindings.isEmpty(traffic.selectedExchanges()));
        importHar.setOnAction(e -> har.importHar());
        harStatus.textProperty().bind(har.statusProperty());
        BooleanBinding importShown = traffic.importedFromProperty().isNotEmpty();
        showOnlyWhen(importBanner, importShown);
        importBannerText.textProperty().bind(traffic.importedFromProperty().map(file -> "Imported from " + file + " — read-only"));
        importBannerNote.textProperty().bind(Bindings.createStringBinding(() -> traffic.onView().size()
                + " exchanges from the file. Live traffic is still being recorded: "
                + traffic.liveMeanwhileProperty().get() + " new since the import.",
                traffic.importedFromProperty(), traffic.liveMeanwhileProperty()));
        backToLive.setOnAction(e -> traffic.backToLive());
        clear.disableProperty().bind(importShown);
        importShown.addListener((o, was, now) -> table.getSelectionModel().clearSelection());

        diff.textProperty().bind(diffs.actionProperty());
        diff.disableProperty().bind(diffs.actionDisabledProperty());
        diff.setOnAction(e -> diffs.act());
        showOnlyWhen(keptBar, diffs.keptTextProperty().isNotEmpty());
        kept.textProperty().bind(diffs.keptTextProperty());
        forgetKept.setOnAction(e -> diffs.forgetKept());
    }

    private static void showOnlyWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** The selected rows top to bottom, whatever order they were chosen in. */
    private static List<Exchange> inListOrder(TableView<Exchange> table) {
        return table.getSelectionModel().getSelectedIndices().stream().sorted()
                .filter(row -> row >= 0 && row < table.getItems().size())
                .map(table.getItems()::get).filter(Objects::nonNull).toList();
    }

    private static <T> void column(TableColumn<Exchange, T> column, Function<Exchange, T> value) {
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
    }

    private static void show(StyleClassedTextArea area, List<Piece> message) {
        area.clear();
        if (message.isEmpty()) {
            return;
        }
        for (Piece piece : message) {
            area.append(piece.asText("\n"), MessagePieces.styleClass(piece.kind()));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }
}
