package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.NewFileMode;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How reports reach the disk: safe to {@code cat}, shareable, never through a planted link. */
class ReportFileTest {

    /** A server that answers with a clear-screen, a window title and a NUL, as a hostile one did. */
    private static final Exchange HOSTILE_ROOT = Exchange.builder().id(3).request("GET", "/")
            .requestHeader("Host", "127.0.0.1:5001").status(200, "OK")
            .responseHeader("Content-Type", "text/html; charset=utf-8")
            .responseBody("<h1>up</h1>\u001b[2J\u001b]0;owned\u0007\u0000\r\n").build();

    @TempDir
    Path dir;

    @Test
    void a_lab_report_holds_no_control_byte_and_shows_each_escaped_as_the_terminal_does() throws IOException {
        LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory(), e -> Sender.TERMINAL);
        lab.serverRunning(5001);
        lab.accept(HOSTILE_ROOT);

        List<Path> written = LabReport.write(lab, dir.resolve("lab-report"), "Ann\u001b[31m");

        for (Path file : written) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertNoControlBytes(file);
            assertTrue(text.contains("\\x1b[2J\\x1b]0;owned\\x07\\x00"), text);
            assertTrue(text.contains("Ann\\x1b"), text);
        }
    }

    @Test
    void a_check_style_report_with_escapes_and_nul_in_a_body_is_written_escaped() throws IOException {
        String markdown = "# Check\n\n```http\nHTTP/1.1 200 OK\n\n\u001b[1mbold\u0000\u0000\u009b31m\n```\n";

        List<Path> written = LabReport.writePair(dir.resolve("check.md"), "Check \u001b[H", markdown);

        assertEquals(List.of(dir.resolve("check.md"), dir.resolve("check.html")), written);
        for (Path file : written) {
            assertNoControlBytes(file);
        }
        String md = Files.readString(written.get(0));
        assertTrue(md.contains("\\x1b[1mbold\\x00\\x00\\x9b31m\n"), md);
        assertTrue(Files.readString(written.get(1)).contains("\\x1b[1mbold\\x00\\x00\\x9b31m"));
    }

    @Test
    void reports_get_the_umasks_permissions_and_a_planted_link_is_not_followed() throws IOException {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "not a report");
        Files.createSymbolicLink(dir.resolve("symrep.html"), victim);

        List<Path> written = LabReport.writePair(dir.resolve("symrep"), "Report", "# Report\n");

        assertEquals("not a report", Files.readString(victim));
        for (Path file : written) {
            assertFalse(Files.isSymbolicLink(file), file + " is still a link");
            assertEquals(NewFileMode.expected(), Files.getPosixFilePermissions(file), file.toString());
        }
        assertTrue(Files.readString(dir.resolve("symrep.html")).contains("<h1>Report</h1>"));
    }

    private static void assertNoControlBytes(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f);
            assertFalse(control, file.getFileName() + " has the control character " + (int) c + " at " + i);
        }
    }
}
