package dev.restlab.ui.lab;

import static dev.restlab.ui.WindowTests.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.lab.LabFile;
import dev.restlab.lab.ProgressStore;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.Fx;
import dev.restlab.ui.UiThreads;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.application.Platform;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Lab tab opened before its lab is read (the window opens on it, or it is picked at once):
 * it says so, and shows the lab, with what the traffic did meanwhile, once the lab arrives.
 */
@ExtendWith(ApplicationExtension.class)
class LabPaneReadingWindowTest {

    private final TrafficLog traffic = new TrafficLog();
    /** The lab's read waits here until the test runs it, as a slow machine would keep it waiting. */
    private final BlockingQueue<Runnable> background = new LinkedBlockingQueue<>();
    private LabPaneViewModel lab;

    @Start
    void start(Stage stage) throws IOException {
        lab = new LabPaneViewModel(traffic, ProgressStore.inMemory(), new UiThreads(background::add, Platform::runLater),
                e -> false, new SimpleIntegerProperty(5001), new FakeDialogs(), id -> true);
        FXMLLoader loader = new FXMLLoader(LabPaneController.class.getResource("/fxml/lab/LabPane.fxml"));
        loader.setControllerFactory(type -> new LabPaneController(lab));
        Parent view = loader.load();
        view.getStylesheets().add(LabPaneController.class.getResource("/css/restlab.css").toExternalForm());
        stage.setScene(new Scene(view, 1024, 768));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void the_tab_says_it_is_reading_then_shows_the_lab_with_the_steps_done_meanwhile(FxRobot robot) throws Exception {
        Label title = Fx.get(() -> robot.lookup("#labTitle").queryAs(Label.class));
        @SuppressWarnings("unchecked")
        ListView<LabPaneViewModel.StepRow> steps = Fx.get(() -> robot.lookup("#labSteps").queryAs(ListView.class));
        Label progressText = Fx.get(() -> robot.lookup("#labProgressText").queryAs(Label.class));
        Fx.frames(2);
        assertEquals(LabPaneViewModel.READING, Fx.call(title::getText));
        assertTrue(Fx.call(() -> steps.getItems().isEmpty()));
        assertEquals("", Fx.call(progressText::getText));
        assertEquals("The lab is being read",
                Fx.get(() -> robot.lookup("#labProgress").queryAs(ProgressBar.class).getAccessibleText()));

        Exchange root = traffic.record(Exchange.builder().request("GET", "/").requestHeader("User-Agent", "curl/8.0")
                .status(200, "OK").responseBody("Server works!").build());
        background.take().run(); // the lab's read, off the FX thread

        waitUntil(() -> Fx.call(() -> progressText.getText().equals("2 of 14")));
        assertEquals(LabFile.handout().title(), Fx.call(title::getText));
        assertEquals(14, Fx.call(() -> steps.getItems().size()));
        assertEquals(root.id(), Fx.call(() -> steps.getItems().get(1).exchangeId()));
    }

    @Test
    void the_built_in_labs_menu_fills_in_once_their_titles_are_read(FxRobot robot) throws Exception {
        MenuButton menu = Fx.get(() -> robot.lookup("#builtInLab").queryAs(MenuButton.class));
        background.take().run(); // the lab's read, asked for as the view model was made
        assertTrue(Fx.call(() -> menu.getItems().isEmpty()), "the titles are not read on the FX thread");
        background.take().run(); // the titles' read, asked for as the view was built
        waitUntil(() -> Fx.call(() -> menu.getItems().size()) == LabFile.BUILT_IN.size());
        assertEquals(LabFile.BUILT_IN.stream().map(name -> LabFile.builtIn(name).title()).toList(),
                Fx.call(() -> menu.getItems().stream().map(MenuItem::getText).toList()));

        Fx.run(() -> menu.getItems().get(1).fire());
        waitUntil(() -> Fx.get(() -> robot.lookup("#labTitle").queryAs(Label.class).getText())
                .equals(LabFile.builtIn(LabFile.FAULTS).title()));
    }
}
