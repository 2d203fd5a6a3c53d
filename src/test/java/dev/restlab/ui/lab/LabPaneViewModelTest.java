package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRules;
import dev.restlab.lab.LabFile;
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
        dev.restlab.testing.Await.until("the root step ticks", () -> lab.tickedProperty().get() == 2);
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
    void the_built_in_fault_lab_is_chosen_by_name_and_its_first_step_switches_its_faults_on() throws Exception {
        assertEquals(List.of(), lab.builtInLabs(), "not read until the tab asks");
        lab.readBuiltInLabs();
        assertEquals(List.of(new LabPaneViewModel.BuiltInLab("handout", LabFile.handout().title()),
                new LabPaneViewModel.BuiltInLab("faults", "When the server misbehaves: timeouts, retries and idempotency")),
                lab.builtInLabs());
        FaultRules rules = new FaultRules();
        lab.useFaults(rules);
        lab.useBuiltIn("faults");
        assertEquals("When the server misbehaves: timeouts, retries and idempotency", lab.titleProperty().get());
        assertEquals("curl -i --max-time 5 http://127.0.0.1:5001/people/v1/users", lab.commandProperty().get(),
                "the server runs: the slow list is the current step");
        assertEquals(List.of(FaultRule.parse("delay 2s on GET /people/v1/users")),
                rules.entries().stream().map(FaultRules.Entry::rule).toList());
        lab.useBuiltIn("handout");
        assertEquals(LabFile.handout().title(), lab.titleProperty().get());
        assertTrue(rules.entries().isEmpty(), "the fault lab's rules go with it");
        lab.useBuiltIn("no-such-lab");
        assertEquals(LabFile.handout().title(), lab.titleProperty().get(), "an unknown name changes nothing");
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

    private Exchange curl(String method, String target, int status) {
        return traffic.record(Exchange.builder().request(method, target).requestHeader("User-Agent", "curl/8.0")
                .status(status, "").build());
    }

    @Test
    void an_exchange_that_ticks_nothing_shows_its_reason_under_the_step_until_the_next_tick() {
        traffic.record(Exchange.builder().request("GET", "/people/v1/users").requestHeader("User-Agent", "curl/8.0")
                .status(200, "").responseBody("{\"users\": []}").build());
        dev.restlab.testing.Await.until("the reason", () -> !lab.reasonProperty().get().isEmpty());
        assertEquals("✗ exchange #1, GET /people/v1/users, 200, is step 7; step 2 comes first", lab.reasonProperty().get());
        curl("GET", "/", 200);
        dev.restlab.testing.Await.until("the tick", () -> lab.tickedProperty().get() == 2);
        assertEquals("", lab.reasonProperty().get(), "a tick clears it");
        assertEquals("✓ Step 2 of 14 done: Ask the root of the server with curl", lab.bannerProperty().get(),
                "the banner counts the step it names");
    }

    @Test
    void an_optional_step_can_be_skipped_and_the_lab_finishes_with_what_to_do_next() {
        for (String[] request : new String[][] {{"GET", "/", "200"}, {"GET", "/", "200"}}) {
            curl(request[0], request[1], Integer.parseInt(request[2]));
        }
        traffic.record(Exchange.builder().request("POST", "/people/v1/users").requestHeader("User-Agent", "curl/8.0")
                .requestHeader("Content-Type", "application/json").status(201, "Created")
                .responseBody("User created successfully! ID: 6c00badf-2fb6-4c60-925f-c8efaf8edaa3\n").build());
        dev.restlab.testing.Await.until("step 5 is current", () -> lab.tickedProperty().get() == 4);
        assertEquals(4, lab.chosenProperty().get());
        assertTrue(lab.skippableProperty().get(), "step 5 is RestLab's addition");
        assertTrue(lab.stepTitleProperty().get().endsWith("(optional)"), lab.stepTitleProperty().get());
        lab.skipChosen();
        assertEquals(5, lab.chosenProperty().get(), "on to step 6");
        assertTrue(lab.steps().get(4).skipped());
        lab.chosenProperty().set(3);
        assertTrue(lab.noteProperty().get().startsWith("Note: RestLab's server also sends a Location header"));
        assertTrue(!lab.skippableProperty().get(), "a handout step cannot be skipped");
        assertEquals("", lab.finishedProperty().get());

        String id = "6c00badf-2fb6-4c60-925f-c8efaf8edaa3";
        traffic.record(Exchange.builder().request("GET", "/people/v1/users").requestHeader("User-Agent", "curl/8.0")
                .status(200, "OK").responseBody("{\"users\": []}").build());
        curl("GET", "/people/v1/users?name=John", 200);
        curl("GET", "/people/v1/users/" + id, 200);
        curl("DELETE", "/people/v1/users/" + id, 204);
        curl("DELETE", "/people/v1/users/" + id, 404);
        dev.restlab.testing.Await.until("the lab is complete", () -> lab.tickedProperty().get() == 9);
        assertTrue(lab.finishedProperty().get().startsWith("Lab complete: 9 of 14 steps done, every step that is"
                + " not optional included. Next: Export lab report"), lab.finishedProperty().get());
        assertEquals(12, lab.chosenProperty().get(), "the optional steps after the handout's end are still offered");
        lab.skipChosen();
        lab.skipChosen();
        assertEquals(-1, lab.chosenProperty().get(), "no step is current any more");
        assertEquals("Lab complete", lab.stepTitleProperty().get());
        lab.chosenProperty().set(13);
        assertTrue(lab.taskProperty().get().contains("http://127.0.0.1:5001/docs"), "{port} filled: " + lab.taskProperty().get());
    }

    @Test
    void passing_messages_clear_themselves_and_step_3_shows_step_2s_request_beside_its_own() {
        List<Runnable> later = new ArrayList<>();
        lab.useMessageDelays((delay, action) -> {
            later.add(action);
            return () -> later.remove(action);
        });
        lab.copyCommand();
        assertEquals("Copied: paste it into a terminal.", lab.messageProperty().get());
        later.forEach(Runnable::run);
        assertEquals("", lab.messageProperty().get(), "gone after a while");

        curl("GET", "/", 200);
        curl("GET", "/", 200);
        dev.restlab.testing.Await.until("step 3 ticks", () -> lab.tickedProperty().get() == 3);
        lab.chosenProperty().set(2);
        assertTrue(lab.besideTitleProperty().get().startsWith("Step 2's request"), lab.besideTitleProperty().get());
        assertTrue(lab.besideRequestProperty().get().startsWith("GET / HTTP/1.1"), lab.besideRequestProperty().get());
        assertEquals(lab.besideRequestProperty().get(), lab.thisRequestProperty().get(), "the same bytes");
    }
}
