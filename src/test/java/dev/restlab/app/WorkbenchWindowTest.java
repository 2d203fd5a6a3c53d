package dev.restlab.app;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.client.UserRow;
import dev.restlab.ui.Fx;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.WindowTests;

/** The real window, driven headless: what a student does with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private Workbench workbench;
    private final InMemoryUserStore store = new InMemoryUserStore();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, opened::add)));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<UserRow> table(FxRobot robot) {
        return robot.lookup("#usersTable").queryAs(TableView.class);
    }

    /** Selects all of a field's text and types over it, as a user would. */
    private static void typeInto(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A);
        if (text.isEmpty()) {
            robot.push(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    /**
     * Clicks the cell of {@code table} showing {@code text} once it is drawn (a bare text
     * lookup could hit a prompt text; the items can be there a pulse before their cells).
     */
    private static void clickCell(FxRobot robot, TableView<?> table, String text) throws Exception {
        WindowTests.clickWhenShown(robot, () -> robot.from(table).lookup(".table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText()) && WindowTests.shows(c)).tryQuery());
    }

    private void createUser(FxRobot robot, String name, String email) {
        typeInto(robot, "#name", name);
        typeInto(robot, "#email", email);
        robot.clickOn("#create");
    }

    @Test
    void creates_lists_filters_gets_and_deletes_users(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());

        createUser(robot, "John", "john@example.com");
        waitUntil(() -> table(robot).getItems().size() == 1);
        // The wire panes are made as the window's own POST is selected in the traffic.
        waitUntil(() -> robot.lookup("#responseText").tryQuery().isPresent());
        StyleClassedTextArea response = Fx.get(() -> robot.lookup("#responseText").queryAs(StyleClassedTextArea.class));
        waitUntil(() -> response.getText().startsWith("HTTP/1.1 201 Created"));
        createUser(robot, "Ann", "ann@example.com");
        waitUntil(() -> table(robot).getItems().size() == 2);

        typeInto(robot, "#nameFilter", "John");
        robot.clickOn("#filter");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertEquals("John", table(robot).getItems().get(0).name());

        typeInto(robot, "#nameFilter", "Nobody");
        robot.clickOn("#filter");
        waitUntil(() -> text(robot, "#outcome").contains("User with name 'Nobody' not found"));
        assertEquals(0, table(robot).getItems().size());

        robot.clickOn("#showAll");
        waitUntil(() -> table(robot).getItems().size() == 2);
        clickCell(robot, table(robot), "Ann");
        robot.clickOn("#get");
        waitUntil(() -> table(robot).getItems().size() == 1 && text(robot, "#outcome").contains("→ 200"));
        assertEquals("Ann", table(robot).getItems().get(0).name());

        robot.clickOn("#showAll");
        waitUntil(() -> table(robot).getItems().size() == 2);
        clickCell(robot, table(robot), "John");
        robot.clickOn("#delete");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertEquals("Ann", table(robot).getItems().get(0).name());
        assertTrue(text(robot, "#outcome").contains("→ 204"));
    }

    @Test
    void an_outside_clients_post_appears_in_the_table_and_the_traffic_with_its_bytes(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());
        int port = workbench.serverBar().boundPortProperty().get();

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/people/v1/users"))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "curl/8.0")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Zoe\", \"email\": \"zoe@example.com\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode());

        waitUntil(() -> table(robot).getItems().size() == 1);
        assertEquals("Zoe", table(robot).getItems().get(0).name());

        TableView<Exchange> traffic = trafficTable(robot);
        waitUntil(() -> traffic.getItems().stream().anyMatch(e -> e.method().equals("POST")));
        Exchange post = traffic.getItems().stream().filter(e -> e.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(!TrafficModel.isOwn(post));
        assertTrue(traffic.getItems().stream().noneMatch(TrafficModel::isBackground),
                "the window's own refreshes are hidden by default");
        javafx.scene.control.CheckBox showBackground = Fx.get(() -> robot.lookup("#showBackground").queryAs(javafx.scene.control.CheckBox.class));
        robot.interact(showBackground::fire);
        waitUntil(() -> traffic.getItems().stream().anyMatch(e -> TrafficModel.isBackground(e)
                && e.method().equals("GET") && e.path().equals("/people/v1/users/" + table(robot).getItems().get(0).id())));
        robot.interact(showBackground::fire);
        waitUntil(() -> traffic.getItems().stream().noneMatch(TrafficModel::isBackground));

        clickCell(robot, traffic, "POST");
        StyleClassedTextArea response = Fx.get(() -> robot.lookup("#responseText").queryAs(StyleClassedTextArea.class));
        waitUntil(() -> response.getText().startsWith("HTTP/1.1 201 Created"));
        assertTrue(response.getText().contains(created.body()), response.getText());
        assertTrue(text(robot, "#explanation").contains("RFC 9110 §15.3.2"));

        assertTrue(text(robot, "#explanation").startsWith("OpenAPI: createUser: conforms"), text(robot, "#explanation"));

        robot.clickOn("#copyCurl");
        String[] clipboard = new String[1];
        robot.interact(() -> clipboard[0] = Clipboard.getSystemClipboard().getString());
        assertTrue(clipboard[0].startsWith("curl "), clipboard[0]);
        assertTrue(clipboard[0].contains("/people/v1/users"), clipboard[0]);
        assertTrue(clipboard[0].contains("Zoe"), clipboard[0]);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Exchange> trafficTable(FxRobot robot) {
        return robot.lookup("#trafficTable").queryAs(TableView.class);
    }

    @Test
    void the_api_tab_shows_the_document_and_opens_swagger_ui_of_the_running_server(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());
        int port = workbench.serverBar().boundPortProperty().get();
        robot.clickOn("API");
        TextArea document = Fx.get(() -> robot.lookup("#apiDocument").queryAs(TextArea.class));
        waitUntil(() -> document.getText().contains("operationId: createUser"));
        robot.clickOn("#openDocs");
        waitUntil(() -> !opened.isEmpty());
        assertEquals(List.of("http://127.0.0.1:" + port + "/docs"), opened);
        Label note = Fx.get(() -> robot.lookup("#apiNote").queryAs(Label.class));
        waitUntil(() -> note.getText().startsWith("Opened http://127.0.0.1:" + port + "/docs in your browser."));
        HttpResponse<String> docs = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(opened.get(0))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, docs.statusCode());
    }

    @Test
    void reset_users_asks_first_and_then_empties_the_table(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());
        assertEquals("Users kept in memory only", text(robot, "#usersLocation"));
        createUser(robot, "John", "john@example.com");
        waitUntil(() -> table(robot).getItems().size() == 1);

        robot.clickOn("#reset");
        robot.clickOn("Cancel");
        // The click's handler has returned once the FX queue is drained. Had it started a reset,
        // the bar would say so until the store was empty: either shows here, not only later.
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(workbench.serverBar().resettingProperty().get(), "Cancel started a reset");
        assertEquals(1, store.size(), "Cancel deleted users");
        assertEquals(1, table(robot).getItems().size());

        robot.clickOn("#reset");
        robot.clickOn("OK");
        waitUntil(() -> table(robot).getItems().isEmpty());
        assertEquals(0, store.size());
        assertFalse(workbench.serverBar().resettingProperty().get());
    }

    @Test
    void an_invalid_create_shows_the_400_and_explains_it(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());
        createUser(robot, "John", "");
        waitUntil(() -> text(robot, "#outcome").contains("→ 400"));
        assertTrue(text(robot, "#outcome").contains("Bad Request"));
        assertTrue(text(robot, "#outcome").contains("Missing required fields (name and email)"));
    }

    @Test
    void stop_then_a_taken_port_is_explained_and_start_elsewhere_works(FxRobot robot) throws Exception {
        waitUntil(() -> workbench.serverBar().runningProperty().get());
        robot.clickOn("#startStop");
        waitUntil(() -> !workbench.serverBar().runningProperty().get());

        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            typeInto(robot, "#port", Integer.toString(taken.getLocalPort()));
            robot.clickOn("#startStop");
            waitUntil(() -> text(robot, "#problem").contains("is already in use"));
            assertTrue(text(robot, "#problem").contains("Port " + taken.getLocalPort()));
            assertEquals("Stopped", text(robot, "#status"));
        }
        typeInto(robot, "#port", "0");
        robot.clickOn("#startStop");
        // The bar sets running a moment before the status line, in the same FX task: wait for both.
        waitUntil(() -> workbench.serverBar().runningProperty().get()
                && text(robot, "#status").startsWith("Serving on http://127.0.0.1:"));
        assertEquals("", text(robot, "#problem"));
    }
}
