package dev.restlab.ui.composer;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import dev.restlab.ui.Shortcuts;

/** The raw request composer. */
public final class ComposerPaneController {

    private final ComposerPaneViewModel composer;

    @FXML private ChoiceBox<ComposerPaneViewModel.Example> examples;
    @FXML private ComboBox<String> method;
    @FXML private TextField target;
    @FXML private TextArea headers;
    @FXML private TextArea body;
    @FXML private TextArea preview;
    @FXML private TextArea response;
    @FXML private Button send;
    @FXML private VBox composerRoot;

    public ComposerPaneController(ComposerPaneViewModel composer) {
        this.composer = composer;
    }

    @FXML
    private void initialize() {
        examples.getItems().setAll(ComposerPaneViewModel.EXAMPLES);
        examples.getSelectionModel().selectedItemProperty().addListener((o, old, chosen) -> composer.use(chosen));
        method.getItems().setAll("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        method.valueProperty().bindBidirectional(composer.methodProperty());
        target.textProperty().bindBidirectional(composer.targetProperty());
        headers.textProperty().bindBidirectional(composer.headersProperty());
        body.textProperty().bindBidirectional(composer.bodyProperty());
        preview.textProperty().bind(composer.previewBinding());
        response.textProperty().bind(composer.responseProperty());
        send.setOnAction(e -> composer.send());
        Shortcuts.inPane(composerRoot, Shortcuts.SEND, composer::send);
        target.setOnAction(e -> composer.send());
    }
}
