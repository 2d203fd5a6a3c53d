package dev.restlab.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.check.Outcome;
import dev.restlab.check.ScenarioFile;
import dev.restlab.ui.Contrast;
import dev.restlab.ui.Fx;
import dev.restlab.ui.StatusMark;
import dev.restlab.ui.WindowTests;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ButtonBase;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Check a server, at a glance: each case's line carries its outcome's mark (✓ ★ ✗ ⊘ –) in the
 * outcome's colour and its answer's status marked by its class's symbol (✓ ↪ ⚠ ✖) in the class's
 * colour; the class grid's cells show the outcome over the status's mark and code, and the
 * verdicts their mark before the word. Every one of those colours keeps WCAG AA contrast (4.5) on
 * what it is drawn on, in the light, the dark and the high-contrast theme; the outcomes and
 * classes this server's answers do not produce are checked on probes styled the same way.
 */
@ExtendWith(ApplicationExtension.class)
class CheckMarksContrastTest {

    private enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    private static final double AA = 4.5;

    @TempDir
    Path folder;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench(), 1024, 768);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void the_case_list_marks_outcome_and_status_by_symbol_and_colour_readable_in_every_theme(FxRobot robot)
            throws Exception {
        String own = "http://127.0.0.1:" + WindowTests.port(workbench);
        openCheckTab(robot);
        Fx.run(() -> {
            robot.lookup("#checkUrl").queryAs(TextField.class).setText(own);
            robot.lookup("#checkRun").queryAs(ButtonBase.class).fire();
        });
        WindowTests.waitUntil(() -> robot.lookup("#checkCases").tryQuery().isPresent()); // its skin comes a pulse later
        @SuppressWarnings("unchecked")
        // Looked up on the FX thread: the check is still adding cases, and a walk of the scene from
        // this thread met a list of children changing under it (IndexOutOfBoundsException).
        ListView<CheckPaneViewModel.Row> cases = Fx.get(() -> robot.lookup("#checkCases").queryAs(ListView.class));
        WindowTests.waitUntil(() -> cases.getItems().size() >= 10 && !robot.lookup("#checkRun").query().isDisabled());

        for (Theme theme : Theme.values()) {
            use(theme);
            Fx.run(() -> {
                cases.getSelectionModel().clearSelection();
                List<Color> stripes = new ArrayList<>();
                Set<String> statusClasses = new LinkedHashSet<>();
                for (int first = 0; first < cases.getItems().size(); first += 3) {
                    cases.scrollTo(first);
                    cases.layout();
                    for (Node node : cases.lookupAll(".list-cell")) {
                        if (!(node instanceof ListCell<?> cell) || cell.isEmpty() || !cell.isVisible()
                                || !(cell.getGraphic() instanceof TextFlow line)) {
                            continue;
                        }
                        CheckPaneViewModel.Row row = (CheckPaneViewModel.Row) cell.getItem();
                        Color under = Contrast.fill(cell.getBackground(), -1, page());
                        stripes.add(under);
                        Text mark = (Text) line.getChildren().get(0);
                        Text status = (Text) line.getChildren().get(2);
                        String where = theme + ", case " + row.result().number();
                        assertEquals(row.result().outcome().symbol() + " ", mark.getText(), where + ": the outcome's mark");
                        StatusMark statusMark = StatusMark.of(row.status());
                        assertTrue(status.getText().startsWith(statusMark.symbol() + " " + row.status()),
                                where + ": the status marked by its class's symbol: " + status.getText());
                        assertTrue(status.getStyleClass().contains(statusMark.styleClass()), where + ": the status's colour");
                        statusClasses.add(statusMark.styleClass());
                        for (Node piece : line.getChildren()) {
                            assertReadable(where + ", '" + ((Text) piece).getText() + "'", (Color) ((Text) piece).getFill(), under);
                        }
                    }
                }
                assertTrue(statusClasses.size() >= 2, theme + ": success and client error both answered: " + statusClasses);
                // A selected line: every piece in the selection's text colour, on the selection.
                cases.getSelectionModel().select(0);
                cases.scrollTo(0);
                cases.layout();
                for (Node node : cases.lookupAll(".list-cell")) {
                    if (node instanceof ListCell<?> cell && cell.isSelected() && cell.isVisible()
                            && cell.getGraphic() instanceof TextFlow line) {
                        cell.applyCss();
                        Color selection = Contrast.fill(cell.getBackground(), -1, page());
                        for (Node piece : line.getChildren()) {
                            assertReadable(theme + ", selected, '" + ((Text) piece).getText() + "'",
                                    (Color) ((Text) piece).getFill(), selection);
                        }
                    }
                }
                cases.getSelectionModel().clearSelection();
                // Every outcome and class, drawn as a case's line draws them, on every stripe of the list.
                Pane pane = (Pane) cases.getParent();
                TextFlow probe = new TextFlow();
                probe.getStyleClass().add("check-case");
                for (Outcome outcome : Outcome.values()) {
                    Text text = new Text(outcome.symbol());
                    text.getStyleClass().setAll("check-mark", "check-mark-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    probe.getChildren().add(text);
                }
                for (StatusMark statusMark : StatusMark.values()) {
                    Text text = new Text(statusMark.symbol());
                    text.getStyleClass().setAll("check-status-piece", statusMark.styleClass());
                    probe.getChildren().add(text);
                }
                pane.getChildren().add(probe);
                probe.applyCss();
                for (Node piece : probe.getChildren()) {
                    Color fill = (Color) ((Text) piece).getFill();
                    assertFalse(fill.equals(Color.BLACK) && theme != Theme.LIGHT, theme + ": " + piece.getStyleClass() + " is unstyled");
                    for (Color under : stripes) {
                        assertReadable(theme + ", " + piece.getStyleClass(), fill, under);
                    }
                }
                pane.getChildren().remove(probe);
            });
        }
    }

    @Test
    void the_class_grid_marks_outcomes_statuses_and_verdicts_by_symbol_and_colour_readable_in_every_theme(
            FxRobot robot) throws Exception {
        String own = "http://127.0.0.1:" + WindowTests.port(workbench);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nobody listens there once it is closed
        }
        Path roster = Files.writeString(folder.resolve("roster.csv"),
                "student,url\nAnna," + own + "\nBruno,http://127.0.0.1:" + closed + "\n");
        openCheckTab(robot);
        Fx.run(() -> {
            robot.lookup("#checkRoster").queryAs(TextField.class).setText(roster.toString());
            robot.lookup("#checkClassRun").queryAs(ButtonBase.class).fire();
        });
        WindowTests.waitUntil(() -> robot.lookup("#checkGrid").tryQuery().isPresent()); // its skin comes a pulse later
        @SuppressWarnings("unchecked")
        TableView<CheckPaneViewModel.StudentRow> grid = Fx.get(() -> robot.lookup("#checkGrid").queryAs(TableView.class));
        WindowTests.waitUntil(() -> grid.getItems().size() == 2
                && grid.getItems().stream().allMatch(row -> row.result().isPresent()));
        // The cases are read off the FX thread as the tab is built: a column each once they are in.
        int cases = ScenarioFile.handout().cases().size();
        WindowTests.waitUntil(() -> Fx.call(() -> grid.getColumns().size()) == 3 + cases);

        for (Theme theme : Theme.values()) {
            use(theme);
            Fx.run(() -> {
                grid.getSelectionModel().clearSelection();
                List<Color> rows = new ArrayList<>();
                int cells = 0;
                int verdicts = 0;
                for (Node node : grid.lookupAll(".table-cell")) {
                    if (!(node instanceof TableCell<?, ?> cell) || !WindowTests.shows(cell)) {
                        continue;
                    }
                    Color row = Contrast.fill(cell.getTableRow().getBackground(), -1, page());
                    rows.add(row);
                    Color under = cell.getBackground() == null || cell.getBackground().getFills().isEmpty() ? row
                            : Contrast.fill(cell.getBackground(), -1, row);
                    String where = theme + ", " + cell.getTableColumn().getText() + " of "
                            + ((CheckPaneViewModel.StudentRow) cell.getTableRow().getItem()).student();
                    if (cell.getItem() instanceof CheckPaneViewModel.Cell value) {
                        cells++;
                        assertEquals(value.symbol(), cell.getText(), where);
                        assertReadable(where + ": the outcome " + value.symbol(), (Color) cell.getTextFill(), under);
                        if (value.status() != 0) {
                            Label status = (Label) cell.getGraphic();
                            StatusMark statusMark = StatusMark.of(value.status());
                            assertEquals(StatusMark.label(value.status()), status.getText(), where);
                            assertTrue(status.getStyleClass().contains(statusMark.styleClass()), where);
                            assertReadable(where + ": the status " + status.getText(), (Color) status.getTextFill(),
                                    chip(status, under));
                        } else {
                            assertTrue(cell.getGraphic() == null, where + ": no status where nothing answered");
                        }
                    } else if (cell.getStyleClass().stream().anyMatch(c -> c.startsWith("check-verdict-"))) {
                        verdicts++;
                        CheckPaneViewModel.StudentRow student = (CheckPaneViewModel.StudentRow) cell.getTableRow().getItem();
                        assertEquals(student.verdictMark() + " " + student.verdict(), cell.getText(), where);
                        Text shown = (Text) cell.lookup(".text");
                        assertEquals(cell.getText(), shown.getText(), where + ": the verdict is cut short");
                        assertReadable(where + ": the verdict", (Color) cell.getTextFill(), under);
                    }
                }
                assertTrue(cells > 10, theme + ": " + cells + " case cells shown");
                assertEquals(2, verdicts, theme + ": a verdict for each student");
                // Every outcome with every status class, as a grid cell draws them, on the rows' stripes.
                Pane pane = (Pane) grid.getParent();
                VBox host = new VBox();
                host.getStyleClass().add("check-grid");
                List<Label> probes = new ArrayList<>();
                for (Outcome outcome : Outcome.values()) {
                    for (StatusMark statusMark : StatusMark.values()) {
                        Label status = new Label(statusMark.symbol());
                        status.getStyleClass().addAll("check-cell-status", statusMark.styleClass());
                        Label cell = new Label(outcome.symbol(), status);
                        cell.getStyleClass().setAll("table-cell", "check-cell",
                                "check-cell-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        probes.add(cell);
                    }
                }
                for (String verdict : List.of("pass", "differs", "unreachable")) {
                    Label cell = new Label(verdict);
                    cell.getStyleClass().setAll("table-cell", "check-verdict-" + verdict);
                    probes.add(cell);
                }
                host.getChildren().addAll(probes);
                StackPane.setAlignment(host, javafx.geometry.Pos.TOP_LEFT);
                pane.getChildren().add(host);
                host.applyCss();
                for (Label cell : probes) {
                    for (Color row : rows) {
                        Color under = cell.getBackground() == null || cell.getBackground().getFills().isEmpty() ? row
                                : Contrast.fill(cell.getBackground(), -1, row);
                        assertReadable(theme + ", " + cell.getStyleClass(), (Color) cell.getTextFill(), under);
                        if (cell.getGraphic() instanceof Label status) {
                            assertReadable(theme + ", " + cell.getStyleClass() + " " + status.getStyleClass(),
                                    (Color) status.getTextFill(), chip(status, under));
                        }
                    }
                }
                pane.getChildren().remove(host);
            });
        }
    }

    private void openCheckTab(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab check = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Check")).findFirst().orElseThrow();
        Fx.run(() -> tabs.getSelectionModel().select(check));
        WindowTests.waitUntil(() -> robot.lookup("#checkUrl").tryQuery().isPresent());
    }

    private void use(Theme theme) throws Exception {
        Fx.run(() -> {
            workbench.look().darkProperty().set(theme == Theme.DARK);
            workbench.look().highContrastProperty().set(theme == Theme.HIGH_CONTRAST);
        });
        Fx.frames(3);
    }

    private Color page() {
        return Contrast.fill(((Region) workbench.root()).getBackground(), -1, Color.WHITE);
    }

    /** What a label's text is drawn on: its own background, if it has one, over {@code under}. */
    private static Color chip(Label label, Color under) {
        return label.getBackground() == null || label.getBackground().getFills().isEmpty() ? under
                : Contrast.fill(label.getBackground(), -1, under);
    }

    private static void assertReadable(String what, Color text, Color under) {
        double ratio = Contrast.ratio(text, under);
        assertTrue(ratio >= AA, what + ": " + text + " on " + under + " has contrast " + ratio + ", under WCAG AA's 4.5");
    }
}
