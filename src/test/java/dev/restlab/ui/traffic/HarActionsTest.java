package dev.restlab.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.har.HarImport;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.testing.FakeDialogs;
import dev.restlab.ui.TrafficModel;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.restlab.ui.ViewModelTestSupport;

/** The HAR menu of the traffic pane: files chosen through the dialog seam, written and read for real. */
class HarActionsTest {

    @TempDir
    Path folder;

    private final FakeDialogs dialogs = new FakeDialogs();
    private TrafficModel traffic;
    private HarActions har;

    @BeforeEach
    void create() {
        traffic = new TrafficModel(new TrafficLog(100), ViewModelTestSupport.SAME_THREAD, ApiDescription::bundled);
        har = new HarActions(traffic, traffic, ViewModelTestSupport.SAME_THREAD, dialogs, () -> "127.0.0.1", () -> 5001);
    }

    @AfterEach
    void close() throws Exception {
        traffic.close();
    }

    private static Exchange exchange(long id, String method, String target, int status) {
        return Exchange.builder().id(id).request(method, target).requestHeader("Host", "127.0.0.1:5001")
                .requestHeader("User-Agent", "curl/8.5.0").status(status, status == 200 ? "OK" : "Not Found")
                .responseBody("{\"users\":[]}").build();
    }

    static Path fixture(Path folder) throws IOException {
        Path file = folder.resolve("chrome-devtools-session.har");
        try (InputStream in = HarActionsTest.class.getResourceAsStream("/har/chrome-devtools-session.har")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void exports_all_the_shown_or_the_selected_exchanges_and_they_read_back() throws IOException {
        traffic.add(List.of(exchange(1, "GET", "/", 200), exchange(2, "GET", "/people/v1/users", 200),
                exchange(3, "GET", "/nowhere", 404)));
        traffic.filterProperty().set("users");
        traffic.setSelection(List.of(traffic.shown().get(0)));
        Path all = folder.resolve("all.har");
        Path shown = folder.resolve("shown.har");
        Path selected = folder.resolve("selected.har");
        dialogs.choosing(all, shown, selected);

        har.export(HarActions.Scope.ALL);
        har.export(HarActions.Scope.SHOWN);
        har.export(HarActions.Scope.SELECTED);

        assertEquals(List.of("/", "/people/v1/users", "/nowhere"), HarImport.read(all).stream().map(Exchange::target).toList());
        assertEquals(List.of("/people/v1/users"), HarImport.read(shown).stream().map(Exchange::target).toList());
        assertEquals(List.of("/people/v1/users"), HarImport.read(selected).stream().map(Exchange::target).toList());
        assertEquals("Exported 1 exchanges to " + selected + ".", har.statusProperty().get());
        assertEquals(List.of(List.of("har"), List.of("har"), List.of("har")),
                dialogs.fileQuestions().stream().map(FakeDialogs.FileQuestion::extensions).toList());
    }

    @Test
    void nothing_to_export_opens_no_chooser_and_says_so() {
        har.export(HarActions.Scope.SELECTED);
        assertEquals("No selected exchanges to export.", har.statusProperty().get());
        assertEquals(List.of(), dialogs.fileQuestions());
    }

    @Test
    void a_cancelled_chooser_writes_and_shows_nothing() {
        traffic.add(List.of(exchange(1, "GET", "/", 200)));
        dialogs.cancellingChooser().cancellingChooser();
        har.export(HarActions.Scope.ALL);
        har.importHar();
        assertTrue(!traffic.isImportShown());
        assertEquals(1, traffic.shown().size());
        assertEquals(List.of(), dialogs.asked());
    }

    @Test
    void an_imported_devtools_session_replaces_the_list_read_only() throws IOException {
        traffic.add(List.of(exchange(1, "GET", "/", 200)));
        dialogs.choosing(fixture(folder));

        har.importHar();

        assertEquals("chrome-devtools-session.har", traffic.importedFromProperty().get());
        assertEquals(List.of("/login?next=%2Faccount", "/account", "/api/cart"),
                traffic.shown().stream().map(Exchange::target).toList());
        assertEquals("", har.statusProperty().get());
    }

    @Test
    void a_file_that_is_not_har_is_explained_and_another_may_be_chosen() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.har"), "these are my notes", StandardCharsets.UTF_8);
        Path empty = Files.write(folder.resolve("empty.har"), new byte[0]);
        Path json = Files.writeString(folder.resolve("other.har"), "{\"name\": \"John\"}", StandardCharsets.UTF_8);
        dialogs.choosing(notes, empty, json, folder.resolve("missing.har")).answering(true, true, true, false);

        har.importHar();

        List<FakeDialogs.Question> asked = dialogs.asked();
        assertEquals(List.of("Could not import notes.har", "Could not import empty.har", "Could not import other.har",
                "Could not import missing.har"), asked.stream().map(FakeDialogs.Question::header).toList());
        assertEquals("This is not a HAR file: it is not JSON, or not JSON as HAR writes it (at line 1, column 1).",
                asked.get(0).text());
        assertEquals("This is not a HAR file: the file is empty.", asked.get(1).text());
        assertEquals("This is not a HAR file: it has no \"log\" (a HAR file is one object whose \"log\" holds"
                + " \"entries\").", asked.get(2).text());
        assertEquals("There is no file " + folder.resolve("missing.har") + ".", asked.get(3).text());
        asked.forEach(q -> assertTrue(!q.text().contains("\tat "), "no stack trace: " + q.text()));
        assertTrue(!traffic.isImportShown(), "the live traffic stays on view");
    }

    @Test
    void a_small_file_of_a_million_empty_entries_gets_an_answer_naming_the_entry() throws IOException {
        StringBuilder json = new StringBuilder("{\"log\":{\"version\":\"1.2\",\"entries\":[{}");
        json.append(",{}".repeat(999_999)).append("]}}");
        Path attack = Files.writeString(folder.resolve("attack.har"), json, StandardCharsets.UTF_8);
        dialogs.choosing(attack).answering(false);

        har.importHar();

        assertEquals(List.of("Entry 1 of this HAR file cannot be used: request is missing."),
                dialogs.asked().stream().map(FakeDialogs.Question::text).toList());
        assertEquals("", har.statusProperty().get(), "no longer \"Reading…\"");
        assertTrue(!traffic.isImportShown());
    }
}
