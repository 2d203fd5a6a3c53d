package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where the focus goes after what the keyboard does, in the real window: it follows the eye when
 * a control hides itself or a tab opens, comes back to the opener of a dialog, never falls on
 * Stop; F6 moves between regions, tooltips show on focus, symbol-only controls have names.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFocusTest {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        store.create("Ann", "ann@example.com");
        store.create("Bob", "bob@example.com");
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private String focusedId() throws Exception {
        return Fx.call(() -> {
            Node owner = workbench.root().getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }

    private void focus(FxRobot robot, String id) throws Exception {
        Node node = Fx.get(() -> robot.lookup(id).query());
        Fx.run(node::requestFocus);
        WindowTests.waitUntil(() -> node.isFocused());
    }

    private void open(FxRobot robot, String tabText) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Fx.run(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().startsWith(tabText)).findFirst().orElseThrow()));
        Fx.frames(3);
    }

    private void curl(String path) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + path))
                .header("User-Agent", "curl/8.5.0").build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(answer.statusCode() > 0);
    }

    /** Windows of their own (an alert), besides the main one and popups. */
    private List<Window> dialogs(FxRobot robot) {
        Window main = workbench.root().getScene().getWindow();
        return robot.listWindows().stream().filter(w -> w.isShowing() && w instanceof Stage && w != main).toList();
    }

    private static Optional<Tooltip> shownTooltip(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(Tooltip.class::cast).findFirst();
    }

    @Test
    void the_window_opens_with_the_focus_in_the_name_field_not_on_the_top_bar(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        WindowTests.waitUntil(() -> "name".equals(focusedId()));
    }

    @Test
    void show_the_answer_hides_itself_and_gives_the_focus_to_the_answer_not_to_stop(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        open(robot, "Lab");
        ListView<?> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        WindowTests.waitUntil(() -> !steps.getItems().isEmpty()); // the lab is read off the FX thread as the window opens
        Button showAnswer = Fx.get(() -> robot.lookup("#showAnswer").queryAs(Button.class));
        boolean found = false;
        for (int i = 0; i < steps.getItems().size() && !found; i++) {
            int index = i;
            Fx.run(() -> steps.getSelectionModel().clearAndSelect(index));
            Fx.frames(2);
            found = Fx.call(showAnswer::isVisible);
        }
        assertTrue(found, "a step of the handout's lab has a question with an answer");
        focus(robot, "#showAnswer");
        robot.push(KeyCode.SPACE);
        WindowTests.waitUntil(() -> "labAnswer".equals(focusedId()));
        assertFalse(Fx.call(showAnswer::isVisible));
        assertTrue(workbench.serverBar().runningProperty().get());
    }

    @Test
    void diff_opens_the_diff_tab_with_the_focus_on_the_diff(FxRobot robot) throws Exception {
        curl("/people/v1/users");
        curl("/nothing");
        @SuppressWarnings("unchecked")
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> traffic.getItems().size() >= 2);
        Fx.run(() -> traffic.getSelectionModel().selectIndices(0, 1));
        Button diff = Fx.get(() -> robot.lookup("#diff").queryAs(Button.class));
        WindowTests.waitUntil(() -> diff.getText().equals("Diff the 2 selected"));
        focus(robot, "#diff");
        robot.push(KeyCode.SPACE);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        WindowTests.waitUntil(() -> tabs.getSelectionModel().getSelectedItem().getText().equals("Diff"));
        WindowTests.waitUntil(() -> "diffLines".equals(focusedId()));
    }

    @Test
    void a_dialog_closed_gives_the_focus_back_to_the_control_that_opened_it(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        focus(robot, "#reset");
        robot.push(KeyCode.SPACE);
        WindowTests.waitUntil(() -> dialogs(robot).size() == 1);
        robot.push(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> dialogs(robot).isEmpty());
        WindowTests.waitUntil(() -> "reset".equals(focusedId()));
        assertEquals(2, store.size(), "Esc cancelled the reset");
    }

    @Test
    void stop_from_the_keyboard_asks_first_when_other_clients_use_the_server(FxRobot robot) throws Exception {
        curl("/people/v1/users");
        WindowTests.waitUntil(() -> robot.lookup("#trafficTable").queryAs(TableView.class).getItems().size() >= 1);
        focus(robot, "#startStop");
        robot.push(KeyCode.SPACE);
        WindowTests.waitUntil(() -> dialogs(robot).size() == 1);
        robot.push(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> dialogs(robot).isEmpty());
        assertTrue(workbench.serverBar().runningProperty().get(), "Esc kept the server running");
        WindowTests.waitUntil(() -> "startStop".equals(focusedId()));

        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        WindowTests.waitUntil(() -> dialogs(robot).size() == 1);
        robot.push(KeyCode.ENTER); // OK
        WindowTests.waitUntil(() -> !workbench.serverBar().runningProperty().get());
    }

    @Test
    void f6_and_shift_f6_move_between_the_top_bar_the_users_and_the_open_tab(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        focus(robot, "#name");
        robot.push(KeyCode.F6);
        WindowTests.waitUntil(() -> "trafficFilter".equals(focusedId()));
        robot.push(KeyCode.F6);
        WindowTests.waitUntil(() -> "startStop".equals(focusedId()));
        robot.push(KeyCode.F6);
        WindowTests.waitUntil(() -> "name".equals(focusedId()));
        robot.push(KeyCode.SHIFT, KeyCode.F6);
        WindowTests.waitUntil(() -> "startStop".equals(focusedId()));
        robot.push(KeyCode.SHIFT, KeyCode.F6);
        WindowTests.waitUntil(() -> "trafficFilter".equals(focusedId()));
    }

    @Test
    void the_first_down_in_the_users_table_selects_its_first_row(FxRobot robot) throws Exception {
        TableView<?> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> users.getItems().size() == 2);
        focus(robot, "#usersTable");
        robot.push(KeyCode.DOWN);
        WindowTests.waitUntil(() -> users.getSelectionModel().getSelectedIndex() == 0);
        robot.push(KeyCode.DOWN);
        WindowTests.waitUntil(() -> users.getSelectionModel().getSelectedIndex() == 1);
    }

    @Test
    void a_tooltip_shows_when_tab_brings_the_focus_and_f1_hides_and_shows_it(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        focus(robot, "#email");
        robot.push(KeyCode.TAB);
        WindowTests.waitUntil(() -> "create".equals(focusedId()));
        WindowTests.waitUntil(() -> shownTooltip(robot).isPresent());
        assertTrue(shownTooltip(robot).orElseThrow().getText().startsWith("POST /people/v1/users"));
        robot.push(KeyCode.F1);
        WindowTests.waitUntil(() -> shownTooltip(robot).isEmpty());
        robot.push(KeyCode.F1);
        WindowTests.waitUntil(() -> shownTooltip(robot).isPresent());
        robot.push(KeyCode.ESCAPE);
        WindowTests.waitUntil(() -> shownTooltip(robot).isEmpty());
    }

    @Test
    void a_diagram_arrow_takes_the_focus_shows_its_timings_and_enter_selects_its_exchange(FxRobot robot)
            throws Exception {
        curl("/people/v1/users");
        @SuppressWarnings("unchecked")
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> traffic.getItems().size() >= 1);
        open(robot, "Diagram");
        WindowTests.waitUntil(() -> robot.lookup(".diagram-item").tryQuery().isPresent());
        Node arrow = Fx.get(() -> robot.lookup(".diagram-item").query());
        assertTrue(arrow.isFocusTraversable());
        String id = arrow.getId();
        focus(robot, "#" + id);
        robot.push(KeyCode.F1); // its timings, which the mouse gets on hover
        WindowTests.waitUntil(() -> shownTooltip(robot).map(t -> t.getText().contains("total")).orElse(false));
        robot.push(KeyCode.ENTER);
        long exchange = Long.parseLong(id.split("-")[1]);
        WindowTests.waitUntil(() -> traffic.getSelectionModel().getSelectedItem() != null
                && traffic.getSelectionModel().getSelectedItem().id() == exchange);
        WindowTests.waitUntil(() -> id.equals(focusedId())); // drawn again, the same arrow keeps the focus
    }

    @Test
    void controls_named_by_a_symbol_have_names_in_words(FxRobot robot) throws Exception {
        curl("/people/v1/users");
        assertEquals("Smaller text", robot.lookup("#smaller").query().getAccessibleText());
        assertEquals("Larger text", robot.lookup("#larger").query().getAccessibleText());
        // Found and read in one FX event: a cell the table reuses may lose its text between two looks.
        java.util.concurrent.atomic.AtomicReference<String> named = new java.util.concurrent.atomic.AtomicReference<>();
        WindowTests.waitUntil(() -> {
            named.set(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trafficTable").lookup(".table-cell")
                    .match((IndexedCell<?> c) -> c.getAccessibleText() != null
                            && c instanceof javafx.scene.control.TableCell<?, ?> cell
                            && cell.getTableColumn() != null && "operationColumn".equals(cell.getTableColumn().getId()))
                    .tryQuery()
                    .map(c -> c.getAccessibleText()).orElse(null)).get());
            return named.get() != null;
        });
        String operation = named.get();
        assertTrue(operation.startsWith("listUsers, answered as the API says"), operation);
        assertFalse(operation.contains("✓") || operation.contains("✗"), operation);

        open(robot, "Lab");
        Node progress = Fx.get(() -> robot.lookup("#labProgress").query());
        assertTrue(progress.getAccessibleText().matches("Lab progress: \\d+ of \\d+ steps done"), progress.getAccessibleText());
        WindowTests.waitUntil(() -> robot.lookup("#labSteps").lookup(".list-cell")
                .match((IndexedCell<?> c) -> !c.isEmpty()).tryQuery().isPresent());
        for (Node cell : robot.lookup("#labSteps").lookup(".list-cell").queryAll()) {
            if (cell instanceof IndexedCell<?> step && !step.isEmpty()) {
                String name = step.getAccessibleText();
                assertNotNull(name, "a lab step has a name");
                assertTrue(name.startsWith("Done: ") || name.startsWith("Not done yet: "), name);
            }
        }
    }

    @Test
    void alt_c_creates_a_user_as_the_create_button_does(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        Fx.run(() -> {
            robot.lookup("#name").queryAs(TextField.class).setText("Cleo");
            robot.lookup("#email").queryAs(TextField.class).setText("cleo@example.com");
        });
        focus(robot, "#name");
        robot.push(KeyCode.ALT, KeyCode.C);
        WindowTests.waitUntil(() -> store.size() == 3);
    }

    @Test
    void in_the_composer_tab_types_a_tab_and_ctrl_tab_moves_on_without_changing_tab(FxRobot robot) throws Exception {
        open(robot, "Composer");
        TextArea headers = Fx.get(() -> robot.lookup("#composerHeaders").queryAs(TextArea.class));
        Fx.run(() -> headers.setText(""));
        focus(robot, "#composerHeaders");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\t", headers.getText());
        assertEquals("composerHeaders", focusedId());
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        WindowTests.waitUntil(() -> "composerBody".equals(focusedId()));
        Tab open = robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertEquals("Composer", open.getText());
    }
}
