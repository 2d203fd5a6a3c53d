package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LabReportTest {

    private static final Exchange GET_ROOT = Exchange.builder().id(7).request("GET", "/")
            .requestHeader("Host", "127.0.0.1:5001").status(200, "OK")
            .responseHeader("Content-Type", "text/html; charset=utf-8")
            .responseBody("<h1>The server is up and running!</h1>\n").build();

    private static LabTracker twoStepsDone() {
        LabTracker lab = new LabTracker(LabFile.handout(), ProgressStore.inMemory(), e -> Sender.TERMINAL);
        lab.serverRunning(5001);
        lab.accept(GET_ROOT);
        return lab;
    }

    @Test
    void markdown_has_every_step_and_each_done_steps_exchange_as_on_the_wire() {
        String md = LabReport.markdown(twoStepsDone(), "Ann", Instant.now());
        assertTrue(md.contains("Steps done: 2 of 14"), md);
        assertTrue(md.contains("## ✓ 2. Ask the root of the server with curl"), md);
        assertTrue(md.contains("## ✗ 3. See the status line"), md);
        assertTrue(md.contains("exchange #7, GET /, 200 OK"), md);
        assertTrue(md.contains("```http\nGET / HTTP/1.1\nHost: 127.0.0.1:5001\n"), md);
        assertTrue(md.contains("```http\nHTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<h1>The server is up"), md);
        assertTrue(md.contains("**OpenAPI:** " + LabReport.escape(
                dev.restlab.openapi.ApiDescription.bundled().check(GET_ROOT).summary())), md);
    }

    @Test
    void html_is_one_page_with_the_wire_text_escaped_and_no_script_from_a_name() {
        String html = LabReport.html(twoStepsDone(), "<script>alert(1)</script>", Instant.now());
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;h1&gt;The server is up and running!&lt;/h1&gt;"), html);
        assertFalse(html.matches("(?s).*(src=|href=|@import|url\\().*"), "no external resources");
        assertEquals(14, html.split("<h2>", -1).length - 1, "one section per step");
    }
}
