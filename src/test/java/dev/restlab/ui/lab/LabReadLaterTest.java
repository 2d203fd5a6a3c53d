package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.lab.Lab;
import dev.restlab.lab.LabFile;
import dev.restlab.lab.LabTracker;
import dev.restlab.lab.ProgressStore;
import dev.restlab.testing.Await;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.UiThreads;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Lab tab's first lab is read off the calling thread (the FX thread, as the window opens): the
 * view model is made at once, says it is reading, and the exchanges recorded until the lab arrives
 * still tick its steps.
 */
class LabReadLaterTest {

    private final TrafficLog traffic = new TrafficLog();
    private final FakeDialogs dialogs = new FakeDialogs();
    /** The background work asked for, run when the test says: the lab is read only then. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final SimpleIntegerProperty port = new SimpleIntegerProperty(0);
    private final ProgressStore kept = ProgressStore.inMemory();
    /** The progress loads asked of {@link #kept}: a progress file is read with the lab, off the calling thread. */
    private final AtomicInteger loads = new AtomicInteger();
    private final ProgressStore progress = new ProgressStore() {
        @Override
        public Optional<Saved> load(Lab lab) {
            loads.incrementAndGet();
            return kept.load(lab);
        }

        @Override
        public void save(Lab lab, Saved saved) {
            kept.save(lab, saved);
        }
    };
    private final List<LabPaneViewModel> made = new ArrayList<>();

    @AfterEach
    void close() {
        made.forEach(LabPaneViewModel::close);
    }

    private LabPaneViewModel viewModel(UiThreads threads) {
        Callable<Lab> handout = () -> {
            reads.incrementAndGet();
            return LabFile.handout();
        };
        LabPaneViewModel lab = new LabPaneViewModel(handout, traffic, progress, threads, e -> false,
                port, dialogs, id -> true);
        made.add(lab);
        return lab;
    }

    /** Background work waits in {@link #background}; results come back on the thread that has them. */
    private LabPaneViewModel waitingToRead() {
        return viewModel(new UiThreads(background::add, Runnable::run));
    }

    private void readTheLab() {
        assertEquals(1, background.size(), "one read asked for");
        background.remove().run();
    }

    private Exchange curl(String method, String target, int status, String body) {
        return traffic.record(Exchange.builder().request(method, target).requestHeader("User-Agent", "curl/8.0")
                .requestHeader("Content-Type", "application/json").status(status, "").responseBody(body).build());
    }

    @Test
    void the_constructor_returns_before_the_lab_is_read_and_the_tab_says_it_is_reading() {
        LabPaneViewModel lab = waitingToRead();

        assertEquals(0, reads.get(), "nothing read on the calling thread");
        assertEquals(LabPaneViewModel.READING, lab.titleProperty().get());
        assertEquals("", lab.progressTextProperty().get(), "no progress to show yet: the tab says \"Lab\" alone");
        assertTrue(lab.steps().isEmpty());
        assertEquals(List.of(), lab.stepTexts());
        assertEquals("", lab.commandProperty().get());
        // What the tab offers does nothing harmful before there is a lab.
        port.set(5001);
        lab.chosenProperty().set(3);
        lab.skipChosen();
        lab.copyCommand();
        lab.showExchange();
        lab.startAgain();
        assertTrue(dialogs.asked().isEmpty(), "nothing to start again yet");
        lab.exportReport(java.nio.file.Path.of("report"), "Ana");
        assertEquals("The lab is still being read: export its report in a moment.", lab.messageProperty().get());

        readTheLab();
        assertEquals(1, reads.get());
        assertEquals(LabFile.handout().title(), lab.titleProperty().get());
        assertEquals("1 of 14", lab.progressTextProperty().get(), "the server runs: step 1 is done");
        assertEquals(14, lab.steps().size());
        assertEquals("curl http://127.0.0.1:5001", lab.commandProperty().get());
        assertEquals("", lab.messageProperty().get(), "the lab in use, the message goes");
    }

    @Test
    void exchanges_recorded_before_the_lab_is_read_still_tick_its_steps() {
        LabPaneViewModel lab = waitingToRead();
        port.set(5001); // the server starts as the window shows, before the lab is read
        Exchange root = curl("GET", "/", 200, "Server works!");
        Exchange again = curl("GET", "/", 200, "Server works!");
        Exchange created = curl("POST", "/people/v1/users", 201,
                "User created successfully! ID: 6c00badf-2fb6-4c60-925f-c8efaf8edaa3\n");
        assertEquals(0, reads.get());

        readTheLab();
        Await.until("the four steps those exchanges did tick", () -> lab.tickedProperty().get() == 4);
        assertEquals("4 of 14", lab.progressTextProperty().get());
        List<LabPaneViewModel.StepRow> steps = lab.steps();
        assertTrue(steps.get(0).done(), "the running server");
        assertEquals(List.of(root.id(), again.id(), created.id()),
                steps.subList(1, 4).stream().map(LabPaneViewModel.StepRow::exchangeId).toList());
        assertFalse(steps.get(4).done());

        Exchange list = curl("GET", "/people/v1/users", 200, "{\"users\": []}");
        Await.until("the list, sent after the lab arrived, ticks step 7", () -> lab.tickedProperty().get() == 5);
        assertEquals(list.id(), lab.steps().get(6).exchangeId(), "the optional steps 5 and 6 hold nothing back");
    }

    @Test
    void the_saved_progress_is_read_with_the_lab_and_kept() {
        Lab handout = LabFile.handout();
        LabTracker earlier = new LabTracker(handout, kept);
        earlier.serverRunning(5001);
        earlier.accept(curl("GET", "/", 200, "Server works!"));
        assertEquals(2, earlier.doneCount(), "a start before this one did two steps");

        LabPaneViewModel lab = waitingToRead();
        assertEquals(0, loads.get(), "no progress read on the calling thread");
        readTheLab();
        assertEquals(1, loads.get());
        assertEquals("2 of 14", lab.progressTextProperty().get());
        assertEquals(2, lab.chosenProperty().get(), "step 3 is current");
    }

    @Test
    void exchanges_recorded_before_the_view_model_was_made_tick_nothing_as_before() {
        curl("GET", "/", 200, "Server works!");
        LabPaneViewModel lab = waitingToRead();
        port.set(5001);
        Exchange mine = curl("GET", "/", 200, "Server works!");

        readTheLab();
        Await.until("the root step ticks", () -> lab.tickedProperty().get() == 2);
        assertEquals(mine.id(), lab.steps().get(1).exchangeId(), "the exchange from after it was made");
    }

    @Test
    void a_lab_chosen_while_the_first_is_read_stays_and_misses_no_exchange() {
        LabPaneViewModel lab = waitingToRead();
        port.set(5001);
        lab.useBuiltIn(LabFile.FAULTS);
        String faults = LabFile.builtIn(LabFile.FAULTS).title();
        assertEquals(faults, lab.titleProperty().get());

        readTheLab();
        assertEquals(faults, lab.titleProperty().get(), "the handout, read late, does not replace the choice");
        lab.useBuiltIn(LabFile.HANDOUT);
        assertEquals("1 of 14", lab.progressTextProperty().get());
    }

    @Test
    void the_lab_is_read_on_the_background_thread() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Thread> readOn = new AtomicReference<>();
            Callable<Lab> handout = () -> {
                readOn.set(Thread.currentThread());
                return LabFile.handout();
            };
            LabPaneViewModel lab = new LabPaneViewModel(handout, traffic, ProgressStore.inMemory(),
                    new UiThreads(worker, Runnable::run), e -> false, port, dialogs, id -> true);
            made.add(lab);
            Await.until("the lab is read", () -> !lab.steps().isEmpty());
            assertNotSame(Thread.currentThread(), readOn.get());
            assertEquals(LabFile.handout().title(), lab.titleProperty().get());
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void a_lab_that_cannot_be_read_is_said_so_and_another_can_still_be_chosen() {
        LabPaneViewModel lab = new LabPaneViewModel(() -> {
            throw new IllegalStateException("the built-in /labs/handout.yaml is missing from the jar");
        }, traffic, ProgressStore.inMemory(), new UiThreads(Runnable::run, Runnable::run), e -> false, port, dialogs,
                id -> true);
        made.add(lab);

        assertEquals("The lab could not be read: the built-in /labs/handout.yaml is missing from the jar",
                lab.messageProperty().get());
        assertEquals("", lab.titleProperty().get());
        lab.useBuiltIn(LabFile.FAULTS);
        assertEquals(LabFile.builtIn(LabFile.FAULTS).title(), lab.titleProperty().get());
    }
}
