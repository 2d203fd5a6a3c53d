package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void ordinary_traffic_prints_unchanged() {
        String text = "GET / HTTP/1.1\r\nHost: x\r\n\r\n{\"a\":\t\"é ✓\"}\n";
        assertSame(text, TerminalText.safe(text));
    }

    @Test
    void escape_sequences_and_other_controls_are_shown_escaped() {
        assertEquals("GET /\\x1b[31mred HTTP/1.1", TerminalText.safe("GET /\u001b[31mred HTTP/1.1"));
        assertEquals("\\x1b]0;pwned\\x07\\x1b[2J", TerminalText.safe("\u001b]0;pwned\u0007\u001b[2J"));
        assertEquals("a\\x00b\\x7f\\x9b", TerminalText.safe("a\u0000b\u007f\u009b"));
    }

    @Test
    void a_carriage_return_that_would_overwrite_the_line_is_escaped() {
        assertEquals("safe\\x0dforged\r\n", TerminalText.safe("safe\rforged\r\n"));
    }
}
