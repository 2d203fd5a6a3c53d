package dev.restlab.ui.api;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** The API tab: the OpenAPI document and a button to Swagger UI. */
public final class ApiPaneController {

    private final ApiPaneViewModel api;

    @FXML private Button openDocs;
    @FXML private Hyperlink docsUrl;
    @FXML private Label note;
    @FXML private TextArea document;

    public ApiPaneController(ApiPaneViewModel api) {
        this.api = api;
    }

    @FXML
    private void initialize() {
        document.textProperty().bind(api.documentProperty());
        openDocs.setOnAction(e -> api.openDocs());
        docsUrl.textProperty().bind(api.docsUrlBinding());
        docsUrl.setOnAction(e -> api.openDocs());
        note.textProperty().bind(api.noteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
    }
}
