package dev.restlab.ui.check;

import dev.restlab.check.CaseResult;
import dev.restlab.ui.StatusMark;
import dev.restlab.ui.check.CheckPaneViewModel.CaseColumn;
import dev.restlab.ui.check.CheckPaneViewModel.Cell;
import dev.restlab.ui.check.CheckPaneViewModel.StudentRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Check tab: a URL, the cases as they come, the chosen one in full; or a class roster, the
 * class as a grid (a row per student, a cell per case), the chosen cell's exchange in full.
 */
public final class CheckPaneController {

    private final CheckPaneViewModel check;

    @FXML private TextField url;
    @FXML private Button run;
    @FXML private Button save;
    @FXML private Label status;
    @FXML private ListView<CheckPaneViewModel.Row> cases;
    @FXML private TextArea details;
    @FXML private TextField roster;
    @FXML private Button chooseRoster;
    @FXML private Button runClass;
    @FXML private Button again;
    @FXML private Button saveGrades;
    @FXML private TableView<StudentRow> grid;

    public CheckPaneController(CheckPaneViewModel check) {
        this.check = check;
    }

    @FXML
    private void initialize() {
        url.textProperty().bindBidirectional(check.urlProperty());
        url.disableProperty().bind(check.runningProperty());
        run.disableProperty().bind(check.runningProperty());
        save.disableProperty().bind(check.reportReadyProperty().not());
        status.textProperty().bind(check.statusProperty());
        cases.setItems(check.rows());
        cases.setCellFactory(CaseCell::new);
        cases.getSelectionModel().selectedIndexProperty().addListener((o, was, index) -> check.show(index.intValue()));
        details.textProperty().bind(check.detailsProperty());
        run.setOnAction(e -> check.check());
        url.setOnAction(e -> check.check());
        save.setOnAction(e -> check.saveReport());

        roster.textProperty().bindBidirectional(check.rosterProperty());
        roster.disableProperty().bind(check.runningProperty());
        chooseRoster.disableProperty().bind(check.runningProperty());
        runClass.disableProperty().bind(check.runningProperty());
        again.disableProperty().bind(check.runningProperty().or(check.checkedOnceProperty().not()));
        saveGrades.disableProperty().bind(check.gradesReadyProperty().not());
        roster.setOnAction(e -> check.checkClass());
        chooseRoster.setOnAction(e -> check.chooseRoster());
        runClass.setOnAction(e -> check.checkClass());
        again.setOnAction(e -> check.checkAgain());
        saveGrades.setOnAction(e -> check.saveGrades());

        cases.visibleProperty().bind(check.classShownProperty().not());
        grid.visibleProperty().bind(check.classShownProperty());
        grid.setItems(check.students());
        grid.getColumns().setAll(columns(check.caseColumns()));
        // The cases are read off the FX thread as this view is built: their columns join the grid when they come.
        check.caseColumns().addListener((ListChangeListener<CaseColumn>) change ->
                grid.getColumns().setAll(columns(check.caseColumns())));
        check.readCases();
        grid.getSelectionModel().setCellSelectionEnabled(true);
        grid.setPlaceholder(new Label("Choose a roster and press Check class: each student's row fills in as"
                + " their check ends."));
        grid.getSelectionModel().getSelectedCells().addListener((ListChangeListener<TablePosition>) change -> {
            List<TablePosition> selected = grid.getSelectionModel().getSelectedCells();
            if (selected.isEmpty()) {
                return;
            }
            TablePosition<?, ?> at = selected.get(0);
            check.showCell(at.getRow(), at.getColumn() - FIXED_COLUMNS);
        });
    }

    /** Student, listing and verdict come before the cases' columns. */
    private static final int FIXED_COLUMNS = 3;

    private List<TableColumn<StudentRow, ?>> columns(List<CaseColumn> cases) {
        TableColumn<StudentRow, String> student = text("Student", StudentRow::student);
        student.setPrefWidth(160);
        TableColumn<StudentRow, String> listing = text("Listing", StudentRow::listing);
        TableColumn<StudentRow, String> verdict = text("", StudentRow::verdict);
        Label verdictHeader = new Label("Verdict");
        verdict.setGraphic(verdictHeader);
        // Its longest word whole with its mark, "⊘ unreachable" in bold, at every text size (120 px cut it).
        verdict.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> verdictHeader.getFont().getSize() * 9.5,
                verdictHeader.fontProperty()));
        verdict.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                getStyleClass().removeAll("check-verdict-pass", "check-verdict-differs", "check-verdict-unreachable");
                StudentRow row = empty ? null : getTableRow().getItem();
                // The verdict's mark before its word (✓ pass, ✗ differs, ⊘ unreachable): never the colour alone.
                setText(empty || word == null ? null
                        : row == null || row.verdictMark().isEmpty() ? word : row.verdictMark() + " " + word);
                if (!empty && word != null && !word.endsWith("…")) {
                    getStyleClass().add("check-verdict-" + word);
                }
            }
        });
        List<TableColumn<StudentRow, ?>> columns = new ArrayList<>(List.of(student, listing, verdict));
        for (int i = 0; i < cases.size(); i++) {
            int index = i;
            TableColumn<StudentRow, Cell> column = new TableColumn<>();
            Label header = new Label(String.valueOf(i + 1));
            header.setMinWidth(Region.USE_PREF_SIZE); // "10" whole, never "…"
            boolean extra = !cases.get(i).graded();
            header.setTooltip(new Tooltip((i + 1) + ". " + cases.get(i).title() + (extra ? " (an extra, not graded)" : "")));
            if (extra) {
                column.getStyleClass().add("check-extra");
            }
            column.setGraphic(header);
            column.setSortable(false);
            column.setReorderable(false);
            // A symbol over the status's mark and code per cell: narrow, so that a whole handout's cases fit
            // beside the names, at any text size.
            column.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> header.getFont().getSize() * 3.8,
                    header.fontProperty()));
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().cell(index)));
            column.setCellFactory(c -> new CaseGridCell());
            columns.add(column);
        }
        return columns;
    }

    private static TableColumn<StudentRow, String> text(String title, Function<StudentRow, String> value) {
        TableColumn<StudentRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setReorderable(false);
        return column;
    }

    /**
     * One case of one student: its outcome's symbol in its colour, under it the answer's status
     * marked by its class's symbol and colour ("⚠ 404"), the case and the verdict in a tooltip.
     */
    private static final class CaseGridCell extends TableCell<StudentRow, Cell> {
        private final Label status = new Label();
        private String style;

        CaseGridCell() {
            setContentDisplay(ContentDisplay.BOTTOM);
            status.getStyleClass().add("check-cell-status");
        }

        @Override
        protected void updateItem(Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().remove("check-cell");
            status.getStyleClass().removeAll(StatusMark.styleClasses());
            if (style != null) {
                getStyleClass().remove(style);
                style = null;
            }
            if (empty || cell == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(cell.symbol());
            style = cell.style();
            getStyleClass().addAll("check-cell", style);
            if (cell.status() != 0) {
                status.setText(StatusMark.label(cell.status()));
                status.getStyleClass().add(StatusMark.of(cell.status()).styleClass());
                setGraphic(status);
            } else {
                setGraphic(null);
            }
            setTooltip(new Tooltip(cell.tip()));
        }
    }

    /**
     * A case as a line wrapped to the list's width (so at any text size the whole line shows, with
     * no sideways scrolling): its outcome's mark in the outcome's colour, the case, the answer's
     * status marked by its class's symbol and colour, and the verdict, in the theme's colours.
     */
    private static final class CaseCell extends ListCell<CheckPaneViewModel.Row> {
        private final TextFlow line = new TextFlow();
        private final Text mark = piece("check-mark");
        private final Text title = piece("check-piece");
        private final Text status = piece("check-status-piece");
        private final Text verdict = piece("check-piece");

        CaseCell(ListView<CheckPaneViewModel.Row> list) {
            line.getChildren().addAll(mark, title, status, verdict);
            line.getStyleClass().add("check-case");
            line.setMinHeight(Region.USE_PREF_SIZE);
            // Room for the scroll bar and the cell's padding, which grow with the text size.
            line.prefWidthProperty().bind(list.widthProperty().subtract(
                    Bindings.createDoubleBinding(() -> getFont().getSize() * 3, fontProperty())));
            line.maxWidthProperty().bind(line.prefWidthProperty());
            setPrefWidth(0);
        }

        private static Text piece(String styleClass) {
            Text text = new Text();
            text.getStyleClass().add(styleClass);
            return text;
        }

        @Override
        protected void updateItem(CheckPaneViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            CaseResult result = row.result();
            mark.setText(result.outcome().symbol() + " ");
            mark.getStyleClass().setAll("check-mark", "check-mark-" + result.outcome().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            title.setText(result.number() + ". " + result.scenarioCase().title() + (result.handout() ? "" : " (extra)")
                    + " — ");
            StatusMark statusMark = StatusMark.of(row.status());
            status.setText(statusMark.symbol() + " " + result.answer().statusText());
            status.getStyleClass().setAll("check-status-piece", statusMark.styleClass());
            verdict.setText(": " + result.verdict());
            // The marks in words for a screen reader.
            setAccessibleText((row.same() ? "Same as RestLab: " : "Differs from RestLab: ")
                    + row.toString().substring(2));
            setGraphic(line);
        }
    }
}
