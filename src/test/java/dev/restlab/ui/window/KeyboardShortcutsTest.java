package dev.restlab.ui.window;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.client.UserRow;
import dev.restlab.ui.Fx;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.TrafficModel;
import dev.restlab.ui.WindowTests;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javafx.application.Application;
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

    private int port() throws Exception {
        return WindowTests.port(workbench);
    }

    @Test
    void ctrl_r_stops_and_starts_the_server(FxRobot robot) throws Exception {
        int first = port(); // no other client yet, so Ctrl+R stops without asking

        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        waitUntil(() -> !workbench.serverBar().busyProperty().get() && !workbench.serverBar().runningProperty().get());
        assertEquals(-1, workbench.serverBar().boundPortProperty().get());
        assertThrows(ConnectException.class, () -> get(first), "nothing listens once Ctrl+R stopped it");

        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        waitUntil(() -> !workbench.serverBar().busyProperty().get() && workbench.serverBar().runningProperty().get());
        int again = workbench.serverBar().boundPortProperty().get();
        assertTrue(again > 0, "bound again: " + again);
        assertEquals(200, get(again).statusCode(), "the second Ctrl+R started it again");
    }

    private static HttpResponse<Void> get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void ctrl_plus_and_ctrl_minus_change_the_text_size_and_ctrl_d_the_theme(FxRobot robot) throws Exception {
        LookViewModel look = workbench.look();
        int before = look.fontSizeProperty().get();
        robot.push(KeyCode.SHORTCUT, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 2, look.fontSizeProperty().get(), "one step larger");
        assertEquals(before + 2, size(workbench.root().getStyle()), "the window's text follows");
        robot.push(KeyCode.SHORTCUT, KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, look.fontSizeProperty().get());
        assertEquals(before, size(workbench.root().getStyle()));

        boolean dark = look.darkProperty().get();
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(!dark, look.darkProperty().get());
        assertEquals(theme(!dark), Application.getUserAgentStylesheet());
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dark, look.darkProperty().get());
        assertEquals(theme(dark), Application.getUserAgentStylesheet());
    }

    private static String theme(boolean dark) {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    @Test
    void f5_reloads_the_users_and_ctrl_l_clears_the_traffic(FxRobot robot) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, answer.statusCode());
        TableView<?> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        TrafficModel model = workbench.traffic();
        waitUntil(() -> model.onView().stream().anyMatch(e -> e.target().equals("/")));
        List<Exchange> listed = Fx.call(model::onView);
        robot.push(KeyCode.SHORTCUT, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(model::onView).stream().noneMatch(listed::contains), "Ctrl+L cleared the list");
        assertTrue(traffic.getItems().stream().noneMatch(listed::contains), "and the table shows none of them");
        assertTrue(model.undoClearTextProperty().get().matches("Undo clear \\(\\d+\\)"),
                "Clear can be undone: " + model.undoClearTextProperty().get());

        TableView<UserRow> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        int before = users.getItems().size();
        store.create("Fiona", "f@example.com"); // behind the server's back: only F5 can show it
        robot.push(KeyCode.F5);
        waitUntil(() -> users.getItems().size() == before + 1);
        assertTrue(users.getItems().stream().anyMatch(row -> row.name().equals("Fiona") && row.email().equals("f@example.com")),
                "the reloaded table has the user made behind the server's back: " + users.getItems());
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
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        robot.interact(() -> {
            robot.lookup("#name").queryAs(TextField.class).setText("Formy");
            robot.lookup("#email").queryAs(TextField.class).setText("formy@example.com");
        });
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
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

    @Test
    void ctrl_shift_c_puts_the_selected_exchange_on_the_clipboard_as_curl(FxRobot robot) throws Exception {
        assertEquals(200, get(port()).statusCode());
        TrafficModel model = workbench.traffic();
        waitUntil(() -> model.onView().stream().anyMatch(e -> e.target().equals("/")));
        Exchange root = Fx.call(model::onView).stream().filter(e -> e.target().equals("/")).findFirst()
                .orElseThrow();
        robot.interact(() -> model.select(root.id()));
        robot.clickOn("#trafficFilter"); // the shortcut works wherever the focus is
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        String[] now = new String[1];
        robot.interact(() -> now[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(workbench.trafficPane().copyAsCurl(), now[0]);
        assertTrue(now[0].startsWith("curl ") && now[0].contains("http://127.0.0.1:" + port() + "/"), now[0]);
    }

    private static int size(String style) {
        return Integer.parseInt(style.replaceAll("\\D+", ""));
    }
}
