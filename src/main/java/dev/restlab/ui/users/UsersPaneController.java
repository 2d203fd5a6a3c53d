package dev.restlab.ui.users;

import dev.restlab.client.UserRow;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import dev.restlab.ui.ColumnWidths;
import dev.restlab.ui.MiddleCutCell;
import dev.restlab.ui.Shortcuts;
import dev.restlab.ui.WholeTextCell;

/** The users forms and table. */
public final class UsersPaneController {

    /** Ctrl+C (Cmd+C) on the table copies the selected users' whole ids. */
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final UsersPaneViewModel users;

    @FXML private TextField name;
    @FXML private TextField email;
    @FXML private CheckBox sendAsJson;
    @FXML private Button create;
    @FXML private TextField nameFilter;
    @FXML private Button filter;
    @FXML private Button showAll;
    @FXML private TextField idToGet;
    @FXML private Button get;
    @FXML private Label shown;
    @FXML private Button delete;
    @FXML private TableView<UserRow> table;
    @FXML private TableColumn<UserRow, String> nameColumn;
    @FXML private TableColumn<UserRow, String> emailColumn;
    @FXML private TableColumn<UserRow, String> idColumn;
    @FXML private Label outcome;
    @FXML private VBox usersRoot;
    @FXML private Label placeholder;

    public UsersPaneController(UsersPaneViewModel users) {
        this.users = users;
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(users.nameProperty());
        email.textProperty().bindBidirectional(users.emailProperty());
        sendAsJson.selectedProperty().bindBidirectional(users.sendAsJsonProperty());
        nameFilter.textProperty().bindBidirectional(users.nameFilterProperty());
        idToGet.textProperty().bindBidirectional(users.idToGetProperty());
        shown.textProperty().bind(users.shownProperty());
        outcome.textProperty().bind(users.outcomeProperty());
        outcome.visibleProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());

        create.setOnAction(e -> users.create());
        Shortcuts.inPane(usersRoot, Shortcuts.SEND, users::create);
        placeholder.textProperty().bind(users.emptyTableTextProperty());
        email.setOnAction(e -> users.create());
        filter.setOnAction(e -> users.applyFilter());
        nameFilter.setOnAction(e -> users.applyFilter());
        showAll.setOnAction(e -> users.clearFilter());
        get.setOnAction(e -> users.getById());
        idToGet.setOnAction(e -> users.getById());
        delete.setOnAction(e -> users.delete(table.getSelectionModel().getSelectedItems()));

        table.setItems(users.users());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> users.select(row));
        table.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.DELETE) {
                users.delete(table.getSelectionModel().getSelectedItems());
            } else if (COPY.match(key)) {
                // The whole ids, however the column cuts them.
                MiddleCutCell.copy(String.join("\n", table.getSelectionModel().getSelectedItems().stream()
                        .map(UserRow::id).toList()));
                key.consume();
            }
        });
        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        emailColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().email()));
        idColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().id()));
        nameColumn.setCellFactory(c -> new WholeTextCell<>());
        emailColumn.setCellFactory(c -> new WholeTextCell<>());
        idColumn.setCellFactory(c -> new MiddleCutCell<>());
        // Name and email are what the class reads; a long id is cut in the middle and gives way first.
        ColumnWidths.keep(table, shown, List.of(
                new ColumnWidths.Fit(nameColumn, "John", "Quintessa Marlowe"),
                new ColumnWidths.Fit(emailColumn, "john@example", "john@example.com"),
                new ColumnWidths.Fit(idColumn, "b25c…4123", "b25c3f63…4123", 1)));
    }
}
