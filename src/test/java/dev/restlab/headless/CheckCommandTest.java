package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.WrongServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import dev.restlab.Main;

/** {@code restlab check URL} through Main's command line, exit codes included (no System.exit). */
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
    void a_server_that_answers_as_restlab_does_exits_0_with_the_summary() {
        assertEquals(0, run("check", "http://127.0.0.1:" + server.port()));
        assertTrue(out.toString().contains("17 of 17 as the handout expects; the handout's own steps: 8 of 8"),
                out.toString());
        assertTrue(out.toString().contains(" 1. ✓ The root says the server is up"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void a_server_that_differs_in_a_step_of_the_handout_exits_1_and_says_where() throws IOException {
        try (WrongServer wrong = new WrongServer()) {
            assertEquals(1, run("check", "127.0.0.1:" + wrong.port()));
        }
        assertTrue(out.toString().contains("status: 200 OK here, RestLab 201 Created"), out.toString());
        assertTrue(out.toString().contains("the handout's own steps: 4 of 8 as expected"), out.toString());
    }

    @Test
    void a_server_nobody_listens_on_exits_2_with_the_reason() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
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
    void report_writes_markdown_and_html_with_every_case(@TempDir Path folder) throws IOException {
        assertEquals(0, run("check", "http://127.0.0.1:" + server.port(), "--report", folder.resolve("ann").toString()));

        String markdown = Files.readString(folder.resolve("ann.md"), StandardCharsets.UTF_8);
        String html = Files.readString(folder.resolve("ann.html"), StandardCharsets.UTF_8);
        assertTrue(markdown.startsWith("# Check of http://127.0.0.1:" + server.port()), markdown);
        assertTrue(markdown.contains("**17 of 17 as the handout expects**"), markdown);
        assertTrue(markdown.contains("## ✓ 17. A name with \\<script\\> is echoed as plain text, not HTML"), markdown);
        assertTrue(html.contains("<h2>✓ 17. A name with &lt;script&gt; is echoed as plain text, not HTML</h2>"), html);
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
}
