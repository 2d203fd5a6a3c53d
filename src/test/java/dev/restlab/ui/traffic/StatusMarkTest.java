package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.StatusMark;
import dev.restlab.ui.WindowTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Status at a glance in the traffic list: each class of codes has its symbol and its colour, and
 * every colour keeps WCAG AA contrast (4.5) on both stripes of the rows in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class StatusMarkTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void each_status_class_has_a_symbol_and_a_colour_readable_in_both_themes(FxRobot robot) throws Exception {
        String users = "http://127.0.0.1:" + WindowTests.port(workbench) + "/people/v1/users";
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(201, send(client, HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ann\", \"email\": \"ann@example.com\"}"))));
        assertEquals(404, send(client, HttpRequest.newBuilder(URI.create(users + "/nobody"))));
        assertEquals(200, send(client, HttpRequest.newBuilder(URI.create(users))));
        TableView<?> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> statusCells(traffic).size() >= 3);

        for (boolean dark : List.of(false, true)) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> {
                workbench.look().darkProperty().set(dark);
                traffic.getSelectionModel().clearSelection();
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<TableCell<?, ?>> cells = statusCells(traffic);
            List<Color> stripes = new ArrayList<>();
            for (TableCell<?, ?> cell : cells) {
                int status = (Integer) cell.getItem();
                StatusMark mark = StatusMark.of(status);
                assertEquals(mark.symbol() + " " + status, cell.getText(), theme + ": the status is marked by a symbol");
                assertTrue(cell.getStyleClass().contains(mark.styleClass()), theme + ": " + status + " has its colour");
                List<BackgroundFill> fills = cell.getTableRow().getBackground().getFills();
                Color row = (Color) fills.get(fills.size() - 1).getFill();
                stripes.add(row);
                Color text = (Color) cell.getTextFill();
                assertTrue(contrast(text, row) >= 4.5, theme + ": " + status + " in " + text + " on " + row
                        + " has contrast " + contrast(text, row));
            }
            assertTrue(cells.stream().map(c -> StatusMark.of((Integer) c.getItem())).distinct().count() >= 2,
                    theme + ": success and client error look different");
            // The classes no request here produces (a redirect, a server error) get the same check.
            Pane pane = (Pane) traffic.getScene().getRoot().lookup(".traffic-pane");
            for (StatusMark mark : StatusMark.values()) {
                Label probe = new Label(mark.symbol());
                probe.getStyleClass().addAll("table-cell", mark.styleClass());
                robot.interact(() -> pane.getChildren().add(probe));
                WaitForAsyncUtils.waitForFxEvents();
                for (Color row : stripes) {
                    Color text = (Color) probe.getTextFill();
                    assertTrue(contrast(text, row) >= 4.5, theme + ": " + mark + " in " + text + " on " + row
                            + " has contrast " + contrast(text, row));
                }
                robot.interact(() -> pane.getChildren().remove(probe));
            }
        }
    }

    private static int send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.header("User-Agent", "curl/8.0").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<TableCell<?, ?>> statusCells(TableView<?> table) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && WindowTests.shows(cell) && cell.getItem() instanceof Integer
                    && cell.getTableRow().getBackground() != null) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
