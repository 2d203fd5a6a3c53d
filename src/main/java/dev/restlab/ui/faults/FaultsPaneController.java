package dev.restlab.ui.faults;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/** The Faults tab: type a rule, add it, switch it on and off, remove it. */
public final class FaultsPaneController {

    private final FaultsPaneViewModel faults;

    @FXML private TextField faultRule;
    @FXML private Button addFault;
    @FXML private Label faultPreview;
    @FXML private Label faultMessage;
    @FXML private ListView<FaultsPaneViewModel.Row> faultRules;
    @FXML private Label faultDetails;
    @FXML private Button toggleFault;
    @FXML private Button removeFault;

    public FaultsPaneController(FaultsPaneViewModel faults) {
        this.faults = faults;
    }

    @FXML
    private void initialize() {
        faultRule.textProperty().bindBidirectional(faults.typedProperty());
        faultRule.setOnAction(e -> faults.add());
        addFault.setOnAction(e -> faults.add());
        addFault.disableProperty().bind(faults.typedProperty().isEmpty());
        faultPreview.textProperty().bind(faults.previewProperty());
        faultMessage.textProperty().bind(faults.messageProperty());
        faultRules.setItems(faults.rows());
        faultRules.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(FaultsPaneViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.text());
            }
        });
        var selected = faultRules.getSelectionModel().selectedItemProperty();
        faultDetails.textProperty().bind(Bindings.createStringBinding(
                () -> FaultsPaneViewModel.details(Optional.ofNullable(selected.get())), selected));
        toggleFault.disableProperty().bind(selected.isNull());
        removeFault.disableProperty().bind(selected.isNull());
        toggleFault.setOnAction(e -> act(faults::toggle));
        removeFault.setOnAction(e -> act(faults::remove));
        faultRules.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.DELETE) {
                act(faults::remove);
            } else if (key.getCode() == KeyCode.SPACE) {
                act(faults::toggle);
                key.consume();
            }
        });
    }

    /** Acts on the selected rule and keeps the same place in the list selected, so keys can go on. */
    private void act(java.util.function.Consumer<FaultsPaneViewModel.Row> action) {
        FaultsPaneViewModel.Row row = faultRules.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        int index = faultRules.getSelectionModel().getSelectedIndex();
        action.accept(row);
        if (!faultRules.getItems().isEmpty()) {
            faultRules.getSelectionModel().select(Math.min(index, faultRules.getItems().size() - 1));
        }
        faultRules.requestFocus();
    }
}
