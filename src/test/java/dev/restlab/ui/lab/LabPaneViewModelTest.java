package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.lab.ProgressStore;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.ViewModelTestSupport;

/** The Lab tab's decisions, without a window: ticks, the command, asking before starting again. */
class LabPaneViewModelTest {

    private final TrafficLog traffic = new TrafficLog();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Long> shown = new ArrayList<>();
    private final LabPaneViewModel lab = new LabPaneViewModel(traffic, ProgressStore.inMemory(),
            ViewModelTestSupport.SAME_THREAD, e -> false, new SimpleIntegerProperty(5001), dialogs,
            id -> shown.add(id));

    @AfterEach
    void close() {
        lab.close();
    }

    private void tickTheRoot() {
        Exchange root = traffic.record(Exchange.builder().request("GET", "/").status(200, "OK").build());
        dev.restlab.testing.Await.until("the root step ticks", () -> lab.progressTextProperty().get().equals("2 of 14"));
        assertEquals(root.id(), lab.steps().get(1).exchangeId());
    }

    @Test
    void the_running_server_ticks_the_first_step_and_the_current_steps_command_has_its_port() {
        assertEquals("1 of 14", lab.progressTextProperty().get());
        assertEquals(1, lab.chosenProperty().get(), "the first step not done is shown");
        assertEquals("curl http://127.0.0.1:5001", lab.commandProperty().get());
        lab.copyCommand();
        assertEquals(Optional.of("curl http://127.0.0.1:5001"), dialogs.clipboard());
    }

    @Test
    void a_tick_moves_to_the_next_step_and_its_exchange_can_be_shown() {
        tickTheRoot();
        assertTrue(lab.steps().get(1).done());
        assertEquals(2, lab.chosenProperty().get());
        lab.chosenProperty().set(1);
        assertTrue(lab.doneByProperty().get().startsWith("✓ Done: exchange #"), lab.doneByProperty().get());
        lab.showExchange();
        assertEquals(List.of(lab.steps().get(1).exchangeId()), shown);
    }

    @Test
    void starting_again_asks_first_and_cancel_keeps_every_tick() {
        tickTheRoot();
        dialogs.answering(false);
        lab.startAgain();
        assertEquals("2 of 14", lab.progressTextProperty().get());
        dialogs.answering(true);
        lab.startAgain();
        assertEquals(2, dialogs.asked().size());
        assertEquals("1 of 14", lab.progressTextProperty().get(), "only the running server's step again");
    }

    @Test
    void a_wrong_lab_file_is_refused_with_its_line_and_the_handout_stays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "title: x\nsteps: nope\n");
        lab.openLabFile(file);
        assertTrue(lab.messageProperty().get().contains("line 2: 'steps' must be a list"), lab.messageProperty().get());
        assertTrue(lab.titleProperty().get().startsWith("HTTP Server in Python with Flask"));
    }
}
