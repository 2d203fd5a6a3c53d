package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import dev.restlab.wire.ExchangeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout lab fed with exchanges as the capture would record them. */
class LabTrackerTest {

    private static final String ID = "6c00badf-2fb6-4c60-925f-c8efaf8edaa3";
    private static final String WINDOW = "RestLab-window/0.1";

    private final List<Tick> ticks = new ArrayList<>();
    private long ids;

    private LabTracker tracker(ProgressStore store) {
        LabTracker tracker = new LabTracker(LabFile.handout(), store,
                e -> e.request().header("User-Agent").orElse("").startsWith(WINDOW) ? Sender.WINDOW : Sender.TERMINAL);
        tracker.onTick(ticks::add);
        return tracker;
    }

    private ExchangeBuilder curl(String method, String target, int status) {
        return Exchange.builder().id(++ids).request(method, target).requestHeader("User-Agent", "curl/7.88.1")
                .status(status, "");
    }

    private ExchangeBuilder post(int status) {
        return curl("POST", "/people/v1/users", status).requestHeader("Content-Type", "application/json");
    }

    /** Everything up to and including the create step. */
    private void upToCreate(LabTracker lab) {
        lab.serverRunning(5001);
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(post(201).responseHeader("Location", "/people/v1/users/" + ID)
                .responseBody("User created successfully! ID: " + ID + ", Name: John, Email: j@x\n").build());
    }

    @Test
    void the_whole_handout_ticks_in_order_and_each_tick_names_its_exchange() {
        LabTracker lab = tracker(ProgressStore.inMemory());
        upToCreate(lab);
        assertEquals(Map.of("id", ID), lab.values());
        lab.accept(post(400).build());
        lab.accept(curl("POST", "/people/v1/users", 415).build());
        lab.accept(curl("GET", "/people/v1/users", 200).responseBody("{\"users\":[]}").build());
        lab.accept(curl("GET", "/people/v1/users?name=John", 200).build());
        lab.accept(curl("GET", "/people/v1/users?name=Nobody", 404).build());
        lab.accept(curl("GET", "/people/v1/users/" + ID, 200).build());
        lab.accept(curl("DELETE", "/people/v1/users/" + ID, 204).build());
        lab.accept(curl("DELETE", "/people/v1/users/" + ID, 404).build());
        lab.accept(curl("GET", "/openapi.json", 200).build());
        lab.accept(curl("GET", "/people/v1/users", 200).requestHeader("Referer", "http://127.0.0.1:5001/docs").build());

        assertEquals(14, lab.doneCount());
        assertTrue(lab.current().isEmpty(), "the lab is complete");
        assertEquals(14, ticks.size());
        assertEquals("the server answers on port 5001", ticks.get(0).summary());
        assertEquals("exchange #3, POST /people/v1/users, 201", ticks.get(3).summary());
        assertEquals(3, ticks.get(3).exchangeId());
        assertTrue(ticks.get(3).response().startsWith("HTTP/1.1 201"), ticks.get(3).response());
        assertTrue(ticks.get(3).verdict().startsWith("createUser"), ticks.get(3).verdict());
    }

    @Test
    void a_step_done_out_of_order_a_wrong_status_or_the_wrong_client_does_not_tick() {
        LabTracker lab = tracker(ProgressStore.inMemory());
        lab.serverRunning(5001);
        lab.accept(post(201).build());                                    // a later step: no tick
        lab.accept(curl("GET", "/", 404).build());                         // wrong status
        lab.accept(Exchange.builder().request("GET", "/").requestHeader("User-Agent", WINDOW).build()); // the window
        assertEquals(1, lab.doneCount());
        assertEquals("root", lab.current().orElseThrow().id());
        lab.accept(curl("GET", "/", 200).build());
        assertEquals("root-i", lab.current().orElseThrow().id());
    }

    @Test
    void the_id_checks_want_the_user_the_create_step_got_back() {
        LabTracker lab = explaining(tracker(ProgressStore.inMemory()));
        upToCreate(lab);
        lab.accept(post(400).build());
        lab.accept(curl("POST", "/people/v1/users", 415).build());
        lab.accept(curl("GET", "/people/v1/users", 200).responseBody("{\"users\":[]}").build());
        lab.accept(curl("GET", "/people/v1/users?name=John", 200).build());
        lab.accept(curl("GET", "/people/v1/users?name=Nobody", 404).build());
        lab.accept(curl("GET", "/people/v1/users/00000000-0000-4000-8000-000000000000", 200).build());
        assertEquals("by-id", lab.current().orElseThrow().id(), "another user's id does not count");
        assertEquals("exchange #9, GET /people/v1/users/00000000-0000-4000-8000-000000000000, 200, is step 10, but the id"
                + " 00000000-0000-4000-8000-000000000000 is not " + ID + ", the one step 4 gave", reasons.get(reasons.size() - 1));
        lab.accept(curl("GET", "/people/v1/users/" + ID, 200).build());
        assertEquals("delete", lab.current().orElseThrow().id());
    }

    @Test
    void progress_survives_a_restart_on_the_same_folder_and_start_again_clears_it(@TempDir Path data) {
        upToCreate(tracker(ProgressStore.inFolder(data)));
        LabTracker again = tracker(ProgressStore.inFolder(data));
        assertEquals(4, again.doneCount());
        assertEquals("missing-field", again.current().orElseThrow().id());
        assertEquals(Map.of("id", ID), again.values());
        assertEquals(3, again.tickOf(again.lab().step("create").orElseThrow()).orElseThrow().exchangeId());

        again.restart();
        assertEquals(0, tracker(ProgressStore.inFolder(data)).doneCount());
    }

    @Test
    void a_damaged_progress_file_starts_the_lab_afresh_and_is_replaced_at_the_next_tick(@TempDir Path data)
            throws Exception {
        upToCreate(tracker(ProgressStore.inFolder(data)));
        Path file;
        try (var files = java.nio.file.Files.list(data)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("lab-")).findFirst().orElseThrow();
        }
        java.nio.file.Files.writeString(file, "{\"ticks\": [ {\"stepId\": 42");
        LabTracker afresh = tracker(ProgressStore.inFolder(data));
        assertEquals(0, afresh.doneCount());
        afresh.serverRunning(5001);
        assertEquals(1, tracker(ProgressStore.inFolder(data)).doneCount(), "the file is whole again");
    }

    private final List<String> reasons = new ArrayList<>();

    private LabTracker explaining(LabTracker lab) {
        lab.onReason(reason -> reasons.add(reason.text()));
        return lab;
    }

    @Test
    void the_handouts_own_requests_alone_complete_the_lab_and_the_additions_are_left_optional() {
        LabTracker lab = explaining(tracker(ProgressStore.inMemory()));
        upToCreate(lab);
        lab.accept(curl("GET", "/people/v1/users", 200).responseBody("{\"users\":[]}").build());
        lab.accept(curl("GET", "/people/v1/users?name=John", 200).build());
        lab.accept(curl("GET", "/people/v1/users?name=Nobody", 404).build());
        lab.accept(curl("GET", "/people/v1/users/" + ID, 200).build());
        lab.accept(curl("DELETE", "/people/v1/users/" + ID, 204).build());
        lab.accept(curl("DELETE", "/people/v1/users/" + ID, 404).build());
        lab.accept(curl("GET", "/people/v1/users/" + ID, 404).build());

        assertTrue(lab.complete(), "every step the handout teaches is done");
        assertEquals(List.of("missing-field", "not-json", "openapi", "swagger"), lab.lab().steps().stream()
                .filter(step -> lab.tickOf(step).isEmpty()).map(Step::id).toList());
        assertTrue(lab.lab().steps().stream().filter(step -> lab.tickOf(step).isEmpty()).allMatch(Step::optional));
        assertEquals("openapi", lab.current().orElseThrow().id(), "the additions after the handout's end are next");
        assertEquals(List.of("exchange #10, GET /people/v1/users/" + ID + ", 404, is step 12 again, which is done already"),
                reasons);
        assertTrue(lab.skip(lab.current().orElseThrow()));
        assertTrue(lab.skip(lab.current().orElseThrow()));
        assertTrue(lab.current().isEmpty(), "nothing left after the last step");
        assertFalse(lab.skip(lab.lab().step("create").orElseThrow()), "a handout step cannot be skipped");
    }

    @Test
    void an_exchange_answered_before_the_start_was_noticed_ticks_the_start_and_still_counts() {
        LabTracker lab = tracker(ProgressStore.inMemory());
        lab.accept(curl("GET", "/", 200).build()); // serverRunning(port) not called yet: the race
        lab.accept(curl("GET", "/", 200).build());
        assertEquals(List.of("start", "root", "root-i"), ticks.stream().map(Tick::stepId).toList());
        assertEquals("the server answered exchange #1", ticks.get(0).summary());
        lab.serverRunning(5001);
        assertEquals(3, lab.doneCount(), "the late news changes nothing");
    }

    @Test
    void an_exchange_out_of_order_says_which_step_it_is_and_which_comes_first() {
        LabTracker lab = explaining(tracker(ProgressStore.inMemory()));
        upToCreate(lab);
        lab.accept(curl("GET", "/people/v1/users/" + ID, 404).build());
        assertEquals("exchange #4, GET /people/v1/users/" + ID + ", 404, is step 12; step 7 comes first", reasons.get(0));
        lab.accept(curl("GET", "/people/v1/users/" + ID, 200).build());
        assertEquals("exchange #5, GET /people/v1/users/" + ID + ", 200, is step 10; step 7 comes first", reasons.get(1));
        lab.accept(curl("GET", "/nowhere", 404).build());
        assertEquals("exchange #6, GET /nowhere, 404, is no step's request; step 5 wants POST /people/v1/users",
                reasons.get(2));
    }

    @Test
    void in_strict_order_the_step_that_comes_first_may_be_skipped() throws Exception {
        Lab strict = LabFile.read(new java.io.StringReader("""
                title: strict
                order: strict
                steps:
                  - {id: a, title: A, check: {method: GET, path: /}}
                  - {id: b, title: B, optional: true, check: {method: POST, path: /people/v1/users, status: 400}}
                  - {id: c, title: C, check: {method: GET, path: /people/v1/users, query: {name: John}}}
                """), "strict.yaml");
        LabTracker lab = explaining(new LabTracker(strict, ProgressStore.inMemory(), e -> Sender.TERMINAL));
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(curl("GET", "/people/v1/users?name=John", 200).build());
        assertEquals(List.of("exchange #2, GET /people/v1/users?name=John, 200, is step 3; step 2 comes first — or skip it"),
                reasons);
        lab.skip(lab.current().orElseThrow());
        lab.accept(curl("GET", "/people/v1/users?name=John", 200).build());
        assertTrue(lab.complete());
    }

    @Test
    void the_windows_post_says_the_step_wants_a_terminal_and_its_background_requests_say_nothing() {
        LabTracker lab = explaining(new LabTracker(LabFile.handout(), ProgressStore.inMemory(),
                e -> e.request().header("X-Kind").map(kind -> kind.equals("background") ? Sender.WINDOW_BACKGROUND
                        : Sender.WINDOW).orElse(Sender.TERMINAL)));
        lab.serverRunning(5001);
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(post(201).requestHeader("X-Kind", "user").build());
        lab.accept(curl("GET", "/people/v1/users", 200).requestHeader("X-Kind", "background").build());
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("exchange #3, POST /people/v1/users, 201, is step 4, but it came from"
                + " RestLab's window; the step wants a terminal (curl)"), reasons.get(0));
        assertEquals("create", lab.current().orElseThrow().id());
        lab.accept(post(201).build());
        assertEquals("missing-field", lab.current().orElseThrow().id(), "curl's POST does it");
        lab.accept(post(201).requestHeader("X-Kind", "user").build());
        assertEquals(1, reasons.size(), "the window's POST once step 4 is done is the window at work: " + reasons);
    }

    @Test
    void a_server_faithful_to_the_final_listing_creates_without_location_and_its_id_comes_from_the_message() {
        LabTracker lab = explaining(tracker(ProgressStore.inMemory()));
        lab.serverRunning(5001);
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(curl("GET", "/", 200).build());
        lab.accept(post(201).responseHeader("Content-Type", "text/html; charset=utf-8")
                .responseBody("User created successfully! ID: " + ID + ", Name: John, Email: john@example.com\n").build());
        assertEquals(Map.of("id", ID), lab.values());
        assertTrue(lab.lab().step("create").orElseThrow().note().contains("Location"), "RestLab's extra is a note");
        lab.accept(curl("GET", "/people/v1/users", 200).responseBody("<h1>users</h1>").build());
        assertEquals("exchange #4, GET /people/v1/users, 200, is step 7, but the answer's body is not a JSON object"
                + " with 'users'", reasons.get(0));
        assertTrue(reasons.size() == 1);
    }
}
