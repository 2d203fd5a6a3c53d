package dev.restlab.ui.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.ui.Contrast;
import dev.restlab.ui.Fx;
import dev.restlab.ui.WindowTests;
import dev.restlab.users.InMemoryUserStore;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * States that can be seen, measured as drawn in the light, dark and high-contrast themes: the
 * selection in the tables and lists stands 3:1 from the rows, edges of fields and checkboxes 3:1
 * from the page, placeholder text 4.5:1 on its field (WCAG 1.4.11 and 1.4.3).
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {

    private enum Theme { LIGHT, DARK, HIGH_CONTRAST }

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        InMemoryUserStore store = new InMemoryUserStore();
        store.create("Ann", "ann@example.com");
        store.create("Bob", "bob@example.com");
        store.create("Cy", "cy@example.com");
        workbench = WindowTests.show(stage, new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { })));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void use(Theme theme) throws Exception {
        Fx.run(() -> {
            workbench.look().darkProperty().set(theme == Theme.DARK);
            workbench.look().highContrastProperty().set(theme == Theme.HIGH_CONTRAST);
        });
        Fx.frames(3);
    }

    private Color page() throws Exception {
        return Fx.call(() -> Contrast.fill(((Region) workbench.root()).getBackground(), -1, Color.WHITE));
    }

    @Test
    void the_selected_row_of_the_users_table_stands_out_from_the_other_rows_with_and_without_focus(FxRobot robot)
            throws Exception {
        TableView<?> users = Fx.get(() -> robot.lookup("#usersTable").queryAs(TableView.class));
        WindowTests.waitUntil(() -> users.getItems().size() == 3);
        for (Theme theme : Theme.values()) {
            use(theme);
            for (boolean focused : List.of(false, true)) {
                Fx.run(() -> {
                    users.getSelectionModel().clearAndSelect(1);
                    (focused ? users : robot.lookup("#name").query()).requestFocus();
                });
                Fx.frames(3);
                assertSelectionStandsOut(theme + (focused ? ", focused" : ""), cells(users, ".table-row-cell"));
            }
        }
    }

    @Test
    void the_selected_step_of_the_lab_list_stands_out_from_the_other_steps(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Fx.run(() -> tabs.getSelectionModel().select(tab(tabs, "Lab")));
        Fx.frames(3);
        ListView<?> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        WindowTests.waitUntil(() -> steps.getItems().size() > 3);
        for (Theme theme : Theme.values()) {
            use(theme);
            Fx.run(() -> {
                steps.getSelectionModel().clearAndSelect(1);
                steps.requestFocus();
            });
            Fx.frames(3);
            assertSelectionStandsOut(theme.toString(), cells(steps, ".list-cell"));
        }
    }

    @Test
    void edges_of_fields_and_checkboxes_stand_3_to_1_from_the_page_and_placeholders_4_5_to_1(FxRobot robot)
            throws Exception {
        TextField nameFilter = Fx.get(() -> robot.lookup("#nameFilter").queryAs(TextField.class));
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Fx.run(() -> robot.lookup("#filter").query().requestFocus()); // no field has the focus
        for (Theme theme : Theme.values()) {
            use(theme);
            Color page = page();
            Fx.run(() -> tabs.getSelectionModel().select(tab(tabs, "Traffic")));
            Fx.frames(3);
            CheckBox showBackground = Fx.get(() -> robot.lookup("#showBackground").queryAs(CheckBox.class));
            Fx.run(() -> {
                Color edge = Contrast.fill(nameFilter.getBackground(), 0, page);
                Color inside = Contrast.fill(nameFilter.getBackground(), -1, page);
                assertTrue(Contrast.ratio(edge, page) >= 3, theme + ": a field's edge " + edge + " on " + page
                        + " has contrast " + Contrast.ratio(edge, page));
                Color prompt = Contrast.over(promptFill(nameFilter), inside);
                assertTrue(Contrast.ratio(prompt, inside) >= 4.5, theme + ": placeholder " + prompt + " on " + inside
                        + " has contrast " + Contrast.ratio(prompt, inside));

                // The wire panes' places, before any request is selected, say what will show there.
                for (String id : List.of("#requestHint", "#responseHint")) {
                    Label hint = Fx.get(() -> robot.lookup(id).queryAs(Label.class));
                    Color under = Contrast.fill(hint.getBackground(), -1, page);
                    Color text = Contrast.over((Color) hint.getTextFill(), under);
                    assertTrue(Contrast.ratio(text, under) >= 4.5, theme + ": " + id + " " + text + " on " + under
                            + " has contrast " + Contrast.ratio(text, under));
                }

                Region box = (Region) showBackground.lookup(".box");
                Color boxEdge = Contrast.fill(box.getBackground(), 0, page);
                assertTrue(!showBackground.isSelected() && Contrast.ratio(boxEdge, page) >= 3, theme
                        + ": an unticked checkbox's edge " + boxEdge + " on " + page + " has contrast "
                        + Contrast.ratio(boxEdge, page));
            });
            Fx.run(() -> tabs.getSelectionModel().select(tab(tabs, "Check")));
            Fx.frames(3);
            TextArea details = Fx.get(() -> robot.lookup("#checkDetails").queryAs(TextArea.class));
            Fx.run(() -> {
                Color detailsInside = Contrast.fill(details.getBackground(), -1, page);
                Color detailsPrompt = Contrast.over(promptFill(details), detailsInside);
                assertTrue(Contrast.ratio(detailsPrompt, detailsInside) >= 4.5, theme + ": the Check details' placeholder "
                        + detailsPrompt + " on " + detailsInside + " has contrast "
                        + Contrast.ratio(detailsPrompt, detailsInside));
            });
        }
    }

    /** The colour the field draws its placeholder in (the skin's prompt text node). */
    private static Color promptFill(TextInputControl field) {
        for (Node node : field.lookupAll(".text")) {
            if (node instanceof Text text && field.getPromptText().equals(text.getText()) && text.isVisible()) {
                return (Color) text.getFill();
            }
        }
        throw new AssertionError("no placeholder shown in " + field.getId());
    }

    private static Tab tab(TabPane tabs, String startsWith) {
        return tabs.getTabs().stream().filter(t -> t.getText().startsWith(startsWith)).findFirst().orElseThrow();
    }

    private static List<IndexedCell<?>> cells(Node view, String selector) throws Exception {
        return Fx.call(() -> {
            List<IndexedCell<?>> cells = new ArrayList<>();
            for (Node node : view.lookupAll(selector)) {
                if (node instanceof IndexedCell<?> cell && cell.isVisible() && !cell.isEmpty()
                        && cell.getBackground() != null && cell.getIndex() <= 3) {
                    cells.add(cell);
                }
            }
            return cells;
        });
    }

    private void assertSelectionStandsOut(String theme, List<IndexedCell<?>> cells) throws Exception {
        Color page = page();
        Fx.run(() -> {
            IndexedCell<?> selected = cells.stream().filter(IndexedCell::isSelected).findFirst().orElseThrow();
            Color selection = Contrast.fill(selected.getBackground(), -1, page);
            List<IndexedCell<?>> others = cells.stream().filter(cell -> !cell.isSelected()).toList();
            assertTrue(others.size() >= 2, theme + ": rows to compare with");
            for (IndexedCell<?> other : others) {
                Color row = Contrast.fill(other.getBackground(), -1, page);
                assertTrue(Contrast.ratio(selection, row) >= 3, theme + ": the selection " + selection
                        + " beside the row " + row + " has contrast " + Contrast.ratio(selection, row) + ", under 3:1");
            }
        });
    }
}
