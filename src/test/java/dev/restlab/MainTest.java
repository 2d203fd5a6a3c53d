package dev.restlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void help_prints_the_usage_and_exits_zero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: restlab"), out.toString());
        assertTrue(out.toString().contains("--headless"));
        assertTrue(out.toString().contains("--port=N"));
        assertTrue(out.toString().contains("--data-dir=DIR"));
        assertTrue(out.toString().contains("--in-memory"));
    }

    @Test
    void data_dir_and_in_memory_together_are_a_usage_error() {
        assertEquals(2, run("--headless", "--in-memory", "--data-dir", "/tmp/x"));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertTrue(err.toString().contains("Usage: restlab"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port=abc", "--port=70000", "--port=-1", "--host=example.org", "--host=1.2.3"})
    void bad_flags_print_a_reason_and_the_usage_on_stderr_and_exit_2(String flag) {
        assertEquals(2, run("--headless", flag));
        assertTrue(err.toString().contains("Usage: restlab"), err.toString());
        assertEquals("", out.toString());
    }
}
