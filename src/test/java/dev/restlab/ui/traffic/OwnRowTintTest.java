package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.TrafficModel;
import dev.restlab.wire.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import dev.restlab.ui.WindowTests;

/**
 * The window's own rows in the traffic list are told apart by a mark (⌂ before the method, a bar at
 * the left edge), not by a tint: the dark theme's tint read as a second selection. The selected
 * row still stands out more than the bar.
 */
@ExtendWith(ApplicationExtension.class)
class OwnRowTintTest {

    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");

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
    void the_windows_own_rows_are_marked_not_tinted_in_both_themes(FxRobot robot) throws Exception {
        TableView<?> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        // The window lists the users as it starts: that request is its own, sent in the
        // background, so it shows once the window's background requests are shown.
        javafx.scene.control.CheckBox showBackground = robot.lookup("#showBackground")
                .queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(() -> showBackground.setSelected(true));
        WindowTests.waitUntil(() -> ownRow(traffic).isPresent());
        // Two rows from another client: one of them lies on the own row's stripe (odd or even).
        for (int i = 0; i < 2; i++) {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + "/test/"))
                    .header("User-Agent", "curl/8.0").build(), HttpResponse.BodyHandlers.discarding());
            assertTrue(answer.statusCode() == 200);
        }
        WindowTests.waitUntil(() -> traffic.getItems().size() >= 3);
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> workbench.look().darkProperty().set(dark));
            WaitForAsyncUtils.waitForFxEvents();
            TableRow<?> row = ownRow(traffic).orElseThrow();
            String theme = dark ? "dark" : "light";
            List<BackgroundFill> fills = row.getBackground().getFills();
            Color under = (Color) fills.get(fills.size() - 1).getFill();
            TableRow<?> other = otherRow(traffic, row.getIndex() % 2).orElseThrow();
            List<BackgroundFill> otherFills = other.getBackground().getFills();
            Color otherBackground = (Color) otherFills.get(otherFills.size() - 1).getFill();
            assertEquals(otherBackground, under, theme + ": the own row is tinted, which reads as a second selection");
            Color bar = (Color) fills.get(fills.size() - 2).getFill();
            assertTrue(contrast(bar, under) >= 3, theme + ": the bar " + bar + " at the row's edge is hard to see on " + under);
            Labeled method = (Labeled) row.lookup(".table-cell .own-mark");
            assertTrue(method != null && method.isVisible() && method.getText().equals(MethodCell.OWN_MARK),
                    theme + ": the own row carries no mark");
            Color text = (Color) ((Labeled) row.lookup(".table-cell")).getTextFill();
            assertTrue(contrast(text, under) >= 4.5, theme + ": text " + text + " on " + under
                    + " has contrast " + contrast(text, under) + ", under WCAG's 4.5");
            assertTrue(contrast((Color) method.getTextFill(), under) >= 4.5, theme + ": the mark has too little contrast");
        }
    }

    @Test
    void the_selected_exchange_stands_out_from_the_windows_own_rows_when_the_list_has_no_focus(FxRobot robot)
            throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Exchange> traffic = Fx.get(() -> robot.lookup("#trafficTable").queryAs(TableView.class));
        javafx.scene.control.CheckBox showBackground = robot.lookup("#showBackground")
                .queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(() -> showBackground.setSelected(true));
        WindowTests.waitUntil(() -> ownRow(traffic).isPresent());
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + WindowTests.port(workbench) + "/test/"))
                .header("User-Agent", "curl/8.0").build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(answer.statusCode() == 200);
        WindowTests.waitUntil(() -> traffic.getItems().stream().anyMatch(e -> e.target().equals("/test/")));
        robot.interact(() -> {
            traffic.getSelectionModel().clearAndSelect(traffic.getItems().size() - 1);
            robot.lookup("#filter").query().requestFocus(); // the teacher typed in the filter since
        });
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> workbench.look().darkProperty().set(dark));
            WaitForAsyncUtils.waitForFxEvents();
            TableRow<?> own = ownRow(traffic).orElseThrow();
            List<BackgroundFill> ownFills = own.getBackground().getFills();
            Color page = (Color) ownFills.get(ownFills.size() - 1).getFill();
            TableRow<?> selected = selectedRow(traffic).orElseThrow();
            List<BackgroundFill> fills = selected.getBackground().getFills();
            Color selection = (Color) fills.get(fills.size() - 1).getFill();
            Color text = (Color) ((Labeled) selected.lookup(".table-cell")).getTextFill();
            String theme = dark ? "dark" : "light";
            assertTrue(contrast(selection, page) >= 3, theme + ": the selection " + selection
                    + " is hard to tell from an own row's " + page);
            assertTrue(contrast(text, selection) >= 4.5, theme + ": text " + text + " on the selection " + selection
                    + " has contrast " + contrast(text, selection) + ", under WCAG's 4.5");
        }
    }

    private static Optional<TableRow<?>> selectedRow(TableView<?> table) {
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isSelected() && row.getItem() != null
                    && row.getBackground() != null) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** A row from another client, not selected, on the odd ({@code parity} 1) or even stripe. */
    private static Optional<TableRow<?>> otherRow(TableView<?> table, int parity) {
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() instanceof Exchange e && !TrafficModel.isOwn(e)
                    && !row.isSelected() && row.getBackground() != null && row.getIndex() % 2 == parity) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static Optional<TableRow<?>> ownRow(TableView<?> table) {
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getPseudoClassStates().contains(OWN)
                    && !row.isSelected() && row.getBackground() != null) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
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
