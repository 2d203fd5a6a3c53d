package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.app.Workbench;
import dev.restlab.ui.Fx;
import dev.restlab.ui.LookViewModel;
import dev.restlab.ui.WindowTests;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Lab tab as a student in a classroom sees it, on a 1024×768 projector with the text made
 * larger three times: the handout's own curl commands complete the lab, and a request that ticks
 * nothing (the window's own Create (POST) where the step wants a terminal) gets its reason right
 * under the current step, whole and in view; each tick's banner names and counts its step, whole.
 */
@ExtendWith(ApplicationExtension.class)
class LabReasonWindowTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = WindowTests.show(stage, WindowTests.inMemoryWorkbench(), 1024, 768);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private static void curl(String arguments) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "curl -s " + arguments + " > /dev/null")
                .redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "hangs: curl " + arguments);
        assertEquals(0, bash.exitValue(), "failed: curl " + arguments);
    }

    private Tab labTab(FxRobot robot) throws Exception {
        TabPane tabs = Fx.get(() -> robot.lookup("#tabs").queryAs(TabPane.class));
        Tab lab = tabs.getTabs().stream().filter(t -> t.getText().startsWith("Lab")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(lab));
        WindowTests.waitUntil(() -> lab.getText().equals("Lab 1/14"));
        return lab;
    }

    /** Shown, whole (as tall as its wrapped text needs), inside the window and inside its scroll pane's view. */
    private void assertWholeInView(Node node, Node viewport, String what) {
        assertTrue(node.isVisible() && node.getScene() != null, what + " is shown");
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        Bounds view = viewport.localToScene(viewport.getBoundsInLocal());
        assertTrue(bounds.getMinX() >= -0.5 && bounds.getMaxX() <= stage.getScene().getWidth() + 0.5
                && bounds.getMaxY() <= stage.getScene().getHeight() + 0.5, what + " inside the window: " + bounds);
        assertTrue(bounds.getMinY() >= view.getMinY() - 0.5 && bounds.getMaxY() <= view.getMaxY() + 0.5,
                what + " in view without scrolling: " + bounds + " in " + view);
        if (node instanceof Label label) {
            assertTrue(label.getHeight() + 0.5 >= label.prefHeight(label.getWidth()),
                    what + " is not cut short: " + label.getHeight() + " < " + label.prefHeight(label.getWidth()));
        }
    }

    @Test
    void the_reason_line_shows_under_the_current_step_at_1024x768_with_larger_text(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            robot.interact(workbench.look()::larger); // A+ three times
        }
        assertEquals(LookViewModel.DEFAULT_SIZE + 6, workbench.look().fontSizeProperty().get());
        Tab lab = labTab(robot);
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        curl(base);
        curl("-i " + base);
        WindowTests.waitUntil(() -> lab.getText().equals("Lab 3/14"));
        Label banner = Fx.get(() -> robot.lookup("#labBanner").queryAs(Label.class));
        WindowTests.waitUntil(() -> banner.isVisible()
                && banner.getText().equals("✓ Step 3 of 14 done: See the status line and the headers with curl -i"));
        robot.interact(() -> { });
        assertWholeInView(banner, stage.getScene().getRoot(), "the banner");

        robot.interact(() -> { // the window's own Create (POST), where step 4 wants curl
            robot.lookup("#name").queryAs(TextInputControl.class).setText("John");
            robot.lookup("#email").queryAs(TextInputControl.class).setText("john@example.com");
            robot.lookup("#create").queryAs(ButtonBase.class).fire();
        });
        Label reason = Fx.get(() -> robot.lookup("#labReason").queryAs(Label.class));
        WindowTests.waitUntil(reason::isVisible);
        assertTrue(reason.getText().matches("✗ exchange #\\d+, POST /people/v1/users, 201 Created, is step 4, but it"
                + " came from RestLab's window; the step wants a terminal \\(curl\\).*"), reason.getText());
        Label stepTitle = Fx.get(() -> robot.lookup("#labStepTitle").queryAs(Label.class));
        assertEquals("Step 4 of 14: Create a user with POST", stepTitle.getText());
        robot.interact(() -> { });
        Node view = Fx.get(() -> robot.lookup("#labCard").query());
        assertWholeInView(reason, view, "the reason");
        assertTrue(reason.localToScene(reason.getBoundsInLocal()).getMinY()
                >= stepTitle.localToScene(stepTitle.getBoundsInLocal()).getMaxY() - 0.5, "under the step's title");
    }

    @Test
    void the_handouts_own_commands_complete_the_lab_in_the_window(FxRobot robot) throws Exception {
        Tab lab = labTab(robot);
        String base = "http://127.0.0.1:" + WindowTests.port(workbench);
        curl(base);
        curl("-i " + base);
        curl("-i -X POST -H \"Content-Type: application/json\" -d '{\"name\": \"John\", \"email\":"
                + " \"john@example.com\"}' " + base + "/people/v1/users");
        WindowTests.waitUntil(() -> lab.getText().equals("Lab 4/14"));
        @SuppressWarnings("unchecked")
        ListView<LabPaneViewModel.StepRow> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        TextInputControl command = Fx.get(() -> robot.lookup("#labCommand").queryAs(TextInputControl.class));
        robot.interact(() -> steps.getSelectionModel().select(9)); // step 10's command has the id the POST gave
        String shown = command.getText().replace("\n", ""); // shown in lines, one command
        Matcher uuid = Pattern.compile("/people/v1/users/([0-9a-f-]{36})$").matcher(shown);
        assertTrue(uuid.find(), shown);
        String user = base + "/people/v1/users/" + uuid.group(1);
        curl("-i " + base + "/people/v1/users");
        curl("-i " + base + "/people/v1/users?name=John");
        curl("-i " + base + "/people/v1/users?name=Nobody");
        curl("-i " + user);
        curl("-i -X DELETE " + user);
        curl("-i -X DELETE " + user);
        curl("-i " + user);
        Label finished = Fx.get(() -> robot.lookup("#labFinished").queryAs(Label.class));
        WindowTests.waitUntil(finished::isVisible);
        assertEquals("Lab 10/14", lab.getText());
        assertTrue(finished.getText().startsWith("Lab complete: 10 of 14 steps done, every step that is not optional"
                + " included. Next: Export lab report"), finished.getText());
        assertTrue(steps.getItems().stream().filter(row -> !row.done()).allMatch(LabPaneViewModel.StepRow::optional));
    }
}
