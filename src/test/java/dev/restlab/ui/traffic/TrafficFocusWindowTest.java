package dev.restlab.ui.traffic;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.ui.Fx;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.WindowTests;

/** The traffic list and the exchange it shows, in the real window headless, driven by the users forms. */
@ExtendWith(ApplicationExtension.class)
class TrafficFocusWindowTest {

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

    @SuppressWarnings("unchecked")
    private static TableView<Exchange> traffic(FxRobot robot) {
        return robot.lookup("#trafficTable").queryAs(TableView.class);
    }

    /** True when the table's last row is drawn whole inside the rows' viewport. */
    private static boolean lastRowWhollyInView(TableView<Exchange> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null || last.getIndex() != table.getItems().size() - 1) {
            return false;
        }
        Node viewport = flow.lookup(".clipped-container");
        Bounds cell = last.localToScene(last.getBoundsInLocal());
        Bounds rows = viewport.localToScene(viewport.getBoundsInLocal());
        return cell.getMaxY() <= rows.getMaxY() + 2; // (the clip is a pixel shorter than the flow)
    }

    private static String debug(TableView<Exchange> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> last = flow.getLastVisibleCell();
        Node viewport = flow.lookup(".clipped-container");
        return " items=" + table.getItems().size() + " lastIdx=" + (last == null ? -1 : last.getIndex())
                + " cell=" + (last == null ? null : last.localToScene(last.getBoundsInLocal()))
                + " rows=" + viewport.localToScene(viewport.getBoundsInLocal()) + " pos=" + flow.getPosition()
                + " hbar=" + flow.lookupAll(".scroll-bar").stream().map(n -> n.isVisible() + "/" + n.getLayoutBounds()).toList();
    }

    @Test
    void follow_newest_keeps_the_newest_exchange_in_view_however_often_all_is_clicked(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        for (int i = 0; i < 30; i++) {
            store.create("User " + i, "u" + i + "@example.com"); // longer listings, as in a class
        }
        TableView<Exchange> table = traffic(robot);
        for (int click = 1; click <= 12; click++) {
            int before = table.getItems().size();
            robot.clickOn("#showAll").clickOn("#showAll"); // quick clicks: GETs on two connections at once
            waitUntil(() -> table.getItems().size() >= before + 2);
            WaitForAsyncUtils.waitForFxEvents(3); // let the layout that follows the scroll happen
            int shown = click;
            assertTrue(lastRowWhollyInView(table), "after click " + shown + " the newest row is out of view" + debug(table));
        }
    }

    @Test
    void follow_newest_keeps_the_newest_exchange_in_view_when_the_text_grows_and_the_class_is_shown(FxRobot robot)
            throws Exception {
        WindowTests.port(workbench);
        TableView<Exchange> table = traffic(robot);
        for (int click = 1; click <= 6; click++) {
            int before = table.getItems().size();
            robot.clickOn("#showAll");
            waitUntil(() -> table.getItems().size() > before);
        }
        waitUntil(() -> lastRowWhollyInView(table));

        for (int press = 1; press <= 3; press++) {
            robot.clickOn("#larger"); // the rows grow taller, so fewer fit
            WaitForAsyncUtils.waitForFxEvents(3);
            int pressed = press;
            assertTrue(lastRowWhollyInView(table), "after A+ " + pressed + " the newest row is out of view" + debug(table));
        }
        robot.push(KeyCode.F11); // presentation mode: another layout, the text larger still
        WaitForAsyncUtils.waitForFxEvents(3);
        assertTrue(lastRowWhollyInView(table), "in presentation mode the newest row is out of view" + debug(table));
    }

    @Test
    void get_by_id_with_a_character_that_needs_escaping_shows_that_exchange(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        robot.interact(() -> robot.lookup("#idToGet").queryAs(TextField.class).setText("nope x"));
        robot.clickOn("#get");
        TableView<Exchange> table = traffic(robot);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().target().equals("/people/v1/users/nope%20x"));
        Label outcome = Fx.get(() -> robot.lookup("#outcome").queryAs(Label.class));
        waitUntil(() -> outcome.getText().startsWith("GET /people/v1/users/nope%20x → 404"));
    }

    @Test
    void deleting_several_users_shows_the_delete_the_outcome_names(FxRobot robot) throws Exception {
        WindowTests.port(workbench);
        store.create("Ann", "ann@example.com");
        store.create("Bob", "bob@example.com");
        store.create("Cy", "cy@example.com");
        robot.clickOn("#showAll");
        @SuppressWarnings("unchecked")
        TableView<dev.restlab.client.UserRow> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        waitUntil(() -> users.getItems().size() == 3);
        robot.interact(() -> users.getSelectionModel().selectAll());
        robot.clickOn("#delete");
        Label outcome = Fx.get(() -> robot.lookup("#outcome").queryAs(Label.class));
        waitUntil(() -> outcome.getText().startsWith("DELETE "));
        String named = outcome.getText().substring("DELETE ".length(), outcome.getText().indexOf(' ', "DELETE ".length()));
        TableView<Exchange> table = traffic(robot);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().method().equals("DELETE"));
        assertEquals(named, table.getSelectionModel().getSelectedItem().target(), outcome.getText());
    }
}
