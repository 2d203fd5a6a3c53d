package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.Main;
import dev.restlab.har.HarImport;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code restlab show FILE.har} through Main's command line: every corpus file, JSON, and broken files' exit codes. */
class ShowCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path corpus(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = ShowCommandTest.class.getResourceAsStream("/har/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chrome-devtools-session.har", "chrome-har-session.har", "playwright-recordhar.har",
        "firefox-session.har", "insomnia-export.har", "har-1.2-required-only.har"})
    void each_corpus_file_shows_every_entry_as_trace_prints_it_then_a_summary(String name) throws IOException {
        Path file = corpus(name);
        List<Exchange> exchanges = HarImport.read(file);

        assertEquals(0, run("show", file.toString()), err.toString());

        String shown = out.toString();
        int from = 0;
        for (Exchange e : exchanges) {
            int at = shown.indexOf(e.request().line() + "\r\n", from);
            assertTrue(at >= from, "entry " + e.id() + " in order: " + e.request().line() + "\n" + shown);
            int status = shown.indexOf(e.response().statusLine() + "\r\n", at);
            assertTrue(status > at, "its response follows as curl -i prints it");
            assertTrue(shown.indexOf("* OpenAPI: ", status) > status);
            from = status;
        }
        String[] lines = shown.split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith(name + ": " + exchanges.size() + " entr"), last);
        assertEquals("", err.toString());
    }

    @Test
    void json_lists_the_entries_for_a_program() throws IOException {
        Path file = corpus("playwright-recordhar.har");

        assertEquals(0, run("show", "--json", file.toString()));

        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(4, json.getAsJsonArray("entries").size());
        JsonObject post = json.getAsJsonArray("entries").get(1).getAsJsonObject();
        assertEquals("POST", post.getAsJsonObject("request").get("method").getAsString());
        assertEquals("{\"name\":\"John\",\"email\":\"john@example.com\"}",
                post.getAsJsonObject("request").getAsJsonObject("body").get("text").getAsString());
        assertEquals(201, post.getAsJsonObject("response").get("status").getAsInt());
        assertEquals(3_561, post.getAsJsonObject("timings").get("waitMicros").getAsLong());
        assertTrue(json.get("summary").getAsString().startsWith("4 entries on 4 connections, 2025-10-24T10:46:45.089Z"),
                json.get("summary").getAsString());
    }

    @Test
    void a_file_restlab_cannot_use_exits_1_with_one_line_naming_the_entry() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.har"), "{\"log\":{\"entries\":[{\"request\":{\"method\":"
                + "\"GET\",\"url\":\"http://127.0.0.1:5001/\"},\"response\":{\"status\":200}},{\"request\":{\"method\":"
                + "\"GET\"},\"response\":{\"status\":200}}]}}");

        assertEquals(1, run("show", broken.toString()));

        assertEquals("restlab show: " + broken + ": Entry 2 of this HAR file cannot be used: request.url is missing.\n",
                err.toString().replace("\r\n", "\n"));
        assertEquals("", out.toString(), "nothing half shown");
    }

    @Test
    void a_file_that_is_not_har_or_not_there_exits_1_with_its_reason() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.har"), "my notes");

        assertEquals(1, run("show", notes.toString()));
        assertEquals(1, run("show", folder.resolve("missing.har").toString()));
        assertEquals(1, run("show", folder.toString()));

        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of(
                "restlab show: " + notes + ": This is not a HAR file: it is not JSON, or not JSON as HAR writes it (at line 1, column 1).",
                "restlab show: " + folder.resolve("missing.har") + ": there is no such file.",
                "restlab show: " + folder + ": this is a folder, not a HAR file."), lines);
    }

    @Test
    void escape_sequences_in_a_file_are_shown_escaped() throws IOException {
        Path hostile = Files.writeString(folder.resolve("hostile.har"), "{\"log\":{\"entries\":[{\"request\":{\"method\":"
                + "\"GET\",\"url\":\"http://127.0.0.1:5001/\"},\"response\":{\"status\":200,\"content\":{\"text\":"
                + "\"\\u001b]0;owned\\u0007\\u001b[2J\\u009b\"}}}]}}", StandardCharsets.UTF_8);

        assertEquals(0, run("show", hostile.toString()));
        assertEquals(0, run("show", "--json", hostile.toString()));

        assertTrue(out.toString().contains("\\x1b]0;owned\\x07\\x1b[2J\\x9b"), out.toString());
        assertTrue(out.toString().contains("\\u001b]0;owned\\u0007\\u001b[2J\\u009b"), out.toString());
        assertFalse(out.toString().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b));
    }
}
