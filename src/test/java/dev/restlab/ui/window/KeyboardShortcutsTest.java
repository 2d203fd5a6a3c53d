package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.users.InMemoryUserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import javafx.application.Application;
import dev.restlab.wire.Exchange;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.WindowTests;

/** The window's keyboard shortcuts, pressed as a user presses them, in the real window headless. */
@ExtendWith(ApplicationExtension.class)
class KeyboardShortcutsTest {

    private final InMemoryUserStore store = new InMemoryUserStore();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private int port() throws Exception {
        return WindowTests.port(workbench);
    }

    @Test
    void ctrl_r_stops_and_starts_the_server(FxRobot robot) throws Exception {
        port();
        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        waitUntil(() -> !workbench.serverBar().runningProperty().get());
        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        waitUntil(() -> workbench.serverBar().runningProperty().get());
    }

    @Test
    void ctrl_plus_and_ctrl_minus_change_the_text_size_and_ctrl_d_the_theme(FxRobot robot) throws Exception {
        String before = workbench.root().getStyle();
        robot.push(KeyCode.SHORTCUT, KeyCode.EQUALS);
        waitUntil(() -> !workbench.root().getStyle().equals(before));
        String larger = workbench.root().getStyle();
        assertTrue(size(larger) > size(before), larger + " after " + before);
        robot.push(KeyCode.SHORTCUT, KeyCode.MINUS);
        waitUntil(() -> workbench.root().getStyle().equals(before));

        String theme = Application.getUserAgentStylesheet();
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        waitUntil(() -> !Application.getUserAgentStylesheet().equals(theme));
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        waitUntil(() -> Application.getUserAgentStylesheet().equals(theme));
    }

    @Test
    void f5_reloads_the_users_and_ctrl_l_clears_the_traffic(FxRobot robot) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, answer.statusCode());
        TableView<?> traffic = robot.lookup("#trafficTable").queryAs(TableView.class);
        waitUntil(() -> !traffic.getItems().isEmpty());
        robot.push(KeyCode.SHORTCUT, KeyCode.L);
        waitUntil(() -> traffic.getItems().isEmpty());

        TableView<?> users = robot.lookup("#usersTable").queryAs(TableView.class);
        int before = users.getItems().size();
        store.create("Fiona", "f@example.com"); // behind the server's back: only F5 can show it
        robot.push(KeyCode.F5);
        waitUntil(() -> users.getItems().size() == before + 1);
        assertNotEquals(0, users.getItems().size());
        // F5 is the user's request, not the window's background one: the traffic list shows it.
        waitUntil(() -> traffic.getItems().stream().map(Exchange.class::cast)
                .anyMatch(e -> e.method().equals("GET") && e.path().equals("/people/v1/users")));
    }

    @Test
    void ctrl_plus_typed_as_a_us_keyboard_types_it_and_the_numpad_plus_and_minus_change_the_text_size(FxRobot robot)
            throws Exception {
        String before = workbench.root().getStyle();
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.EQUALS); // Ctrl+Plus on a US keyboard
        waitUntil(() -> size(workbench.root().getStyle()) > size(before));
        String once = workbench.root().getStyle();
        robot.push(KeyCode.SHORTCUT, KeyCode.ADD);
        waitUntil(() -> size(workbench.root().getStyle()) > size(once));
        robot.push(KeyCode.SHORTCUT, KeyCode.SUBTRACT);
        waitUntil(() -> workbench.root().getStyle().equals(once));
        robot.push(KeyCode.SHORTCUT, KeyCode.SUBTRACT);
        waitUntil(() -> workbench.root().getStyle().equals(before));
    }

    @Test
    void ctrl_enter_acts_in_the_pane_with_the_focus_the_composer_sends_its_request_not_the_users_form(FxRobot robot)
            throws Exception {
        port();
        TableView<Exchange> traffic = robot.lookup("#trafficTable").queryAs(TableView.class);
        robot.interact(() -> {
            robot.lookup("#name").queryAs(TextField.class).setText("Formy");
            robot.lookup("#email").queryAs(TextField.class).setText("formy@example.com");
        });
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getText().equals("Composer")).findFirst().orElseThrow()));
        robot.interact(() -> {
            robot.lookup("#composerMethod").queryAs(ComboBox.class).setValue("OPTIONS");
            robot.lookup("#composerTarget").queryAs(TextField.class).setText("/composed");
        });
        robot.clickOn("#composerBody").write("x");
        robot.push(KeyCode.SHORTCUT, KeyCode.ENTER);
        waitUntil(() -> traffic.getItems().stream().anyMatch(e -> e.target().equals("/composed")));
        assertTrue(traffic.getItems().stream().noneMatch(e -> e.method().equals("POST")), "the users form sent nothing");
        assertEquals("Formy", robot.lookup("#name").queryAs(TextField.class).getText());

        robot.clickOn("#name");
        robot.push(KeyCode.SHORTCUT, KeyCode.ENTER);
        waitUntil(() -> traffic.getItems().stream().anyMatch(e -> e.method().equals("POST") && e.status() == 201));
        assertEquals(1, traffic.getItems().stream().filter(e -> e.target().equals("/composed")).count(),
                "the composer sent once");
    }

    @Test
    void ctrl_shift_c_with_no_exchange_selected_leaves_the_clipboard_as_it_was(FxRobot robot) throws Exception {
        port();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("what the user copied");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#trafficFilter");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        String[] now = new String[1];
        robot.interact(() -> now[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("what the user copied", now[0]);
    }

    private static int size(String style) {
        return Integer.parseInt(style.replaceAll("\\D+", ""));
    }
}
