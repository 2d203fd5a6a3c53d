package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.diagram.FaultMark;
import dev.restlab.ui.Contrast;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rules typed in the Faults tab, curl-like requests they touch: the traffic list marks each
 * touched exchange ⚡ (readable in both themes) and says on hover the rule and what a good client
 * does; the Diagram tab draws the delay beside the server and the reset as a broken arrow.
 */
@ExtendWith(ApplicationExtension.class)
class FaultMarkWindowTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void touched_exchanges_are_marked_in_the_list_and_the_diagram(FxRobot robot) throws Exception {
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        select(robot, tabs, "Faults");
        WindowTests.waitUntil(() -> robot.lookup("#faultRule").tryQuery().isPresent());
        robot.clickOn("#faultRule").write("delay 200ms on GET /test/").type(KeyCode.ENTER);
        robot.clickOn("#faultRule").write("reset on DELETE").type(KeyCode.ENTER);
        ListView<?> rules = Fx.get(() -> robot.lookup("#faultRules").queryAs(ListView.class));
        WindowTests.waitUntil(() -> rules.getItems().size() == 2);

        HttpClient client = HttpClient.newHttpClient();
        assertEquals(200, client.send(curl(base + "/").build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(200, client.send(curl(base + "/test/").build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(curl(base + "/people/v1/users/nobody")
                .DELETE().build(), HttpResponse.BodyHandlers.discarding()), "reset: no answer");
        select(robot, tabs, "Traffic");
        TableView<?> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> statusCells(traffic).size() >= 3);

        List<TableCell<?, ?>> marked = statusCells(traffic).stream().filter(c -> c.getGraphic() != null).toList();
        assertEquals(2, marked.size(), "the delayed and the reset exchange, not the untouched one");
        for (TableCell<?, ?> cell : marked) {
            Exchange exchange = (Exchange) cell.getTableRow().getItem();
            assertEquals(FaultMark.SYMBOL, ((Label) cell.getGraphic()).getText());
            String tip = cell.getTooltip().getText();
            assertTrue(tip.contains("Fault rule '" + exchange.faultRule().orElseThrow() + "'"), tip);
            assertTrue(tip.contains("A good client"), tip);
        }
        TableCell<?, ?> reset = marked.stream().filter(c -> ((Exchange) c.getTableRow().getItem()).method().equals("DELETE"))
                .findFirst().orElseThrow();
        assertEquals("–", reset.getText(), "no answer, no status");
        assertTrue(reset.getTooltip().getText().startsWith("No answer: connection reset by the server"), reset.getTooltip().getText());

        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> {
                workbench.look().darkProperty().set(dark);
                traffic.getSelectionModel().clearSelection();
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (TableCell<?, ?> cell : statusCells(traffic).stream().filter(c -> c.getGraphic() != null).toList()) {
                List<BackgroundFill> fills = cell.getTableRow().getBackground().getFills();
                Color row = (Color) fills.get(fills.size() - 1).getFill();
                Color mark = (Color) ((Label) cell.getGraphic()).getTextFill();
                double ratio = Contrast.ratio(mark, row);
                assertTrue(ratio >= 4.5, (dark ? "dark" : "light") + ": ⚡ in " + mark + " on " + row + " has " + ratio);
            }
        }

        // On a projector (1024×768, presenting, A+ as far as it goes) the status stays whole, ⚡ and all.
        robot.interact(() -> {
            workbench.look().presentingProperty().set(true);
            stage.setFullScreen(false); // the headless screen is larger than a projector's
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        for (int i = 0; i < 6; i++) {
            robot.interact(workbench.look()::larger);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> projected = statusCells(traffic).stream().filter(c -> c.getGraphic() != null).toList();
        assertTrue(!projected.isEmpty(), "the marked rows are in view");
        for (TableCell<?, ?> cell : projected) {
            Text shown = (Text) cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst().orElseThrow();
            assertEquals(cell.getText(), shown.getText(), "at " + workbench.look().fontSizeProperty().get()
                    + "px the status is whole, not cut to an ellipsis");
        }

        select(robot, tabs, "Diagram");
        WindowTests.waitUntil(() -> !robot.lookup("#sequenceDiagram").queryAs(javafx.scene.layout.Pane.class).getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        for (Node node : robot.lookup("#sequenceDiagram").queryAs(javafx.scene.layout.Pane.class).lookupAll("*")) {
            if (node instanceof Text text) {
                texts.add(text.getText());
            }
        }
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("⚡ delay 200ms · server ")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("⚡ reset · waited ")), texts.toString());
        assertTrue(texts.contains("– no answer: connection reset"), texts.toString());
        assertNotNull(robot.lookup(n -> n.getId() != null && n.getId().endsWith("-fault")).query(), "a note to point at");
    }

    private static void select(FxRobot robot, TabPane tabs, String title) {
        Tab tab = tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    private static HttpRequest.Builder curl(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "curl/8.5.0");
    }

    private static List<TableCell<?, ?>> statusCells(TableView<?> table) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof StatusAndFaultCell cell && WindowTests.shows(cell) && cell.getItem() != null
                    && cell.getTableRow().getBackground() != null) {
                cells.add(cell);
            }
        }
        return cells;
    }
}
