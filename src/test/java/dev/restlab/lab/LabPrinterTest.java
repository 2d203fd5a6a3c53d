package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lab in a terminal: reasons, {@code skip} typed in RestLab's terminal, the finished state, placeholders filled. */
class LabPrinterTest {

    private static final String ID = "6c00badf-2fb6-4c60-925f-c8efaf8edaa3";
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory(), e -> Sender.TERMINAL);
    private final LabPrinter printer = new LabPrinter(lab, new PrintStream(printed, true, StandardCharsets.UTF_8),
            "RestLab writes the report to r when you stop it (Ctrl+C).");
    private long ids;

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void curl(String method, String target, int status, String body) {
        lab.accept(Exchange.builder().id(++ids).request(method, target).requestHeader("User-Agent", "curl/8.0")
                .requestHeader("Content-Type", "application/json").status(status, "").responseBody(body).build());
    }

    @Test
    void skip_typed_in_the_terminal_skips_an_optional_step_and_the_lab_finishes_saying_what_next() {
        printer.start();
        lab.serverRunning(5001);
        curl("GET", "/", 200, "");
        curl("GET", "/", 200, "");
        printer.typed("skip");
        assertTrue(output().endsWith("Step 4 is part of the handout: it cannot be skipped.\n"), output());
        curl("POST", "/people/v1/users", 201, "User created successfully! ID: " + ID + "\n");
        assertTrue(output().contains("→ Step 5/14: Leave out a required field and get 400 (RestLab adds it: type skip"
                + " to skip it)"), output());
        printer.typed("skip");
        assertTrue(output().contains("↷ Skipped step 5: Leave out a required field and get 400\n→ Step 6/14"), output());
        curl("GET", "/people/v1/users", 200, "{\"users\": []}");
        curl("GET", "/people/v1/users?name=John", 200, "[]");
        curl("GET", "/people/v1/users/" + ID, 200, "{}");
        curl("DELETE", "/people/v1/users/" + ID, 204, "");
        curl("DELETE", "/people/v1/users/" + ID, 404, "");
        assertTrue(output().contains("Lab complete: 9 of 14 steps done, every one of the 9 the lab requires. RestLab"
                + " writes the report to r when you stop it (Ctrl+C).\n→ Step 13/14: Fetch the OpenAPI document"), output());
        printer.typed("skip");
        assertTrue(output().contains("Open http://127.0.0.1:5001/docs in a browser"), "{port} filled: " + output());
        assertFalse(output().contains("{port}"), output());
        assertTrue(output().lines().filter(line -> line.startsWith("  $ ")).noneMatch(line -> line.contains("{id}")),
                "every command has the id filled in: " + output());
    }

    @Test
    void the_report_fills_every_placeholder_and_marks_the_steps_skipped() {
        lab.serverRunning(5001);
        curl("GET", "/", 200, "");
        curl("GET", "/", 200, "");
        curl("POST", "/people/v1/users", 201, "User created successfully! ID: " + ID + "\n");
        lab.skip(lab.current().orElseThrow());
        String md = LabReport.markdown(lab, "Ann", Instant.now());
        assertTrue(md.contains("## ↷ 5. Leave out a required field and get 400 (optional)"), md);
        assertTrue(md.contains("curl -i http://127.0.0.1:5001/people/v1/users/" + ID), md);
        assertTrue(md.contains("http://127.0.0.1:5001/docs"), md);
        assertFalse(md.contains("{port}"), md);
    }
}
