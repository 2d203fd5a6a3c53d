package dev.restlab.ui.check;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** The Check tab: a URL, the cases as they come, the chosen one in full. */
public final class CheckPaneController {

    private final CheckPaneViewModel check;

    @FXML private TextField url;
    @FXML private Button run;
    @FXML private Button save;
    @FXML private Label status;
    @FXML private ListView<CheckPaneViewModel.Row> cases;
    @FXML private TextArea details;

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
    }

    /**
     * A case as a label wrapped to the list's width (so at any text size the whole line shows,
     * with no sideways scrolling), marked same or different by style, in the theme's colours.
     */
    private static final class CaseCell extends ListCell<CheckPaneViewModel.Row> {
        private final Label label = new Label();

        CaseCell(ListView<CheckPaneViewModel.Row> list) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            // Room for the scroll bar and the cell's padding, which grow with the text size.
            label.maxWidthProperty().bind(list.widthProperty().subtract(
                    Bindings.createDoubleBinding(() -> getFont().getSize() * 3, fontProperty())));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CheckPaneViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            label.setText(row.toString());
            label.getStyleClass().removeAll("check-same", "check-differs");
            label.getStyleClass().add(row.same() ? "check-same" : "check-differs");
            setGraphic(label);
        }
    }
}
