package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.Main;
import dev.restlab.check.ClassReport;
import dev.restlab.check.HandoutFlaskServer;
import dev.restlab.testing.ScriptedTarget;
import dev.restlab.testing.ServerExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code restlab check URL} and {@code restlab check --class} through Main's command line, exit codes included. */
class CheckCommandTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension().withoutTraffic();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void the_handouts_final_listing_exits_0_and_says_so_in_words() throws IOException {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            assertEquals(0, run("check", "http://127.0.0.1:" + flask.port()));
        }
        assertTrue(out.toString().contains("Matches the handout's final listing, In [7], in all 13 of its cases;"
                + " `?name=` is not in that listing, as in the handout."), out.toString());
        assertTrue(out.toString().contains(" 1. ✓ The root says the server is up"), out.toString());
        assertTrue(out.toString().contains("Extras (not graded): 1 of 4 as a careful server answers:"), out.toString());
        assertTrue(out.toString().contains("Verdict: pass."), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void a_program_with_one_bug_exits_1_and_names_the_case() throws IOException {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("bug_missing_email.py")) {
            assertEquals(1, run("check", "127.0.0.1:" + flask.port()));
        }
        assertTrue(out.toString().contains("differs in: A missing email answers 400"), out.toString());
        assertTrue(out.toString().contains("✗ A missing email answers 400"), out.toString());
        assertTrue(out.toString().contains("status: 201 CREATED here; In [7] answers 400"), out.toString());
        assertTrue(out.toString().contains("Verdict: differs."), out.toString());
    }

    @Test
    void a_server_nobody_listens_on_exits_2_with_the_reason() throws IOException {
        int closed = ScriptedTarget.downPort();
        assertEquals(2, run("check", "http://127.0.0.1:" + closed));
        assertTrue(err.toString().startsWith("restlab check: http://127.0.0.1:" + closed + " cannot be reached:"
                + " nothing listens there (connection refused)"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void a_url_that_is_not_one_exits_2_with_a_clear_message_and_the_usage() {
        assertEquals(2, run("check", "https://127.0.0.1:5000"));
        assertTrue(err.toString().startsWith("URL: https is not supported"), err.toString());
        assertTrue(err.toString().contains("Usage: restlab check"), err.toString());
    }

    @Test
    void neither_a_url_nor_a_class_is_a_usage_error() {
        assertEquals(2, run("check"));
        assertTrue(err.toString().startsWith("give either the URL of one server or --class ROSTER"), err.toString());
    }

    @Test
    void report_writes_markdown_and_html_with_every_case(@TempDir Path folder) throws IOException {
        assertEquals(0, run("check", "http://127.0.0.1:" + server.port(), "--report", folder.resolve("ann").toString()));

        String markdown = Files.readString(folder.resolve("ann.md"), StandardCharsets.UTF_8);
        String html = Files.readString(folder.resolve("ann.html"), StandardCharsets.UTF_8);
        assertTrue(markdown.startsWith("# Check of http://127.0.0.1:" + server.port()), markdown);
        assertTrue(markdown.contains("Verdict: **pass**."), markdown);
        assertTrue(markdown.contains("## ✓ 17. A name with \\<script\\> is echoed as plain text, not HTML (extra, not"
                + " graded)"), markdown);
        assertTrue(html.contains("<h2>✓ 17. A name with &lt;script&gt; is echoed as plain text, not HTML"), html);
        assertFalse(html.contains("<script>"), "nothing from the wire or the scenario becomes markup");
        assertTrue(out.toString().contains("Report written to " + folder.resolve("ann.md")), out.toString());
    }

    @Test
    void a_report_in_a_folder_that_does_not_exist_is_refused_before_the_check(@TempDir Path folder) {
        assertEquals(2, run("check", "http://127.0.0.1:" + server.port(), "--report",
                folder.resolve("missing").resolve("report").toString()));
        assertTrue(err.toString().startsWith("--report: the folder of"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void a_class_gets_the_three_verdicts_a_line_each_and_grades_csv(@TempDir Path folder) throws IOException {
        Path roster = folder.resolve("roster.csv");
        int closed = ScriptedTarget.downPort();
        try (HandoutFlaskServer faithful = HandoutFlaskServer.listing("in7.py");
                HandoutFlaskServer buggy = HandoutFlaskServer.listing("bug_missing_email.py")) {
            Files.writeString(roster, "student,url\n\"Rossi, Anna\",http://127.0.0.1:" + faithful.port()
                    + "\nBruno,127.0.0.1:" + buggy.port() + "\n\nCarla,http://127.0.0.1:" + closed + "\n");

            assertEquals(0, run("check", "--class", roster.toString(), "--parallel", "3",
                    "--report", folder.resolve("grades").toString()), err.toString());
        }
        List<String> live = out.toString().lines().filter(line -> line.startsWith("[")).toList();
        assertEquals(3, live.size(), out.toString());
        assertTrue(live.stream().anyMatch(line -> line.contains("Rossi, Anna") && line.contains(": pass — matches")),
                live.toString());
        assertTrue(live.stream().anyMatch(line -> line.contains("Carla") && line.contains(": unreachable — ")),
                live.toString());
        List<String> csv = Files.readAllLines(folder.resolve("grades.csv"));
        assertEquals(ClassReport.CSV_HEADER, csv.get(0));
        assertTrue(csv.get(1).startsWith("\"Rossi, Anna\",http://127.0.0.1:"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",In [7],13,13,1 of 4,pass," + seconds(csv.get(1))), csv.get(1));
        assertTrue(csv.get(2).contains(",In [7],12,13,1 of 4,differs,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("Carla,http://127.0.0.1:" + closed + ",,,,,unreachable,"), csv.get(3));
        String markdown = Files.readString(folder.resolve("grades.md"));
        assertTrue(markdown.contains("**3 students: 1 pass, 1 differs, 1 unreachable.**"), markdown);
        assertTrue(markdown.contains("\n## Check of http://127.0.0.1:"), "each student's report under their name");
        assertTrue(Files.readString(folder.resolve("grades.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void a_roster_that_cannot_be_read_exits_2_with_its_line(@TempDir Path folder) throws IOException {
        Path roster = folder.resolve("roster.csv");
        Files.writeString(roster, "student,url\nAnna,http://127.0.0.1:5001\nBruno,https://127.0.0.1:5002\n");

        assertEquals(2, run("check", "--class", roster.toString()));
        assertTrue(err.toString().startsWith("restlab check: the roster " + roster + ", line 3: https is not"
                + " supported"), err.toString());
    }

    private static String seconds(String csvLine) {
        return csvLine.substring(csvLine.lastIndexOf(',') + 1);
    }
}
