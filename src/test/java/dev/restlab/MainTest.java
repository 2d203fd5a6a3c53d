package dev.restlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.TargetUrl;
import dev.restlab.testing.Requires;
import dev.restlab.users.StoreChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** What Main hands to the window or to headless mode for these flags, without starting either. */
    private static Options parsed(String... args) {
        CommandLine cli = Main.commandLine();
        cli.parseArgs(args);
        Main main = cli.getCommand();
        return main.options();
    }

    @Test
    void help_prints_the_usage_and_exits_zero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: restlab"), out.toString());
        assertTrue(out.toString().contains("--headless"));
        assertTrue(out.toString().contains("--port=N"));
        assertTrue(out.toString().contains("--data-dir=DIR"));
        assertTrue(out.toString().contains("--in-memory"));
        assertTrue(out.toString().contains("--allow-host=NAME"));
    }

    @Test
    void data_dir_and_in_memory_together_are_a_usage_error() {
        assertEquals(2, run("--headless", "--in-memory", "--data-dir", "/tmp/x"));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertTrue(err.toString().contains("Usage: restlab"), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus         | Unknown option: '--bogus'",
        "--port=abc      | Invalid value for option '--port': 'abc' is not an int",
        "--port=70000    | --port must be between 0 and 65535, not 70000",
        "--port=-1       | --port must be between 0 and 65535, not -1",
        "--host=example.org | --host must be an IP address such as 127.0.0.1 or 0.0.0.0, not 'example.org'",
        "--host=1.2.3    | --host must be an IP address such as 127.0.0.1 or 0.0.0.0, not '1.2.3'",
        "--allow-host=evil.example:5001 | --allow-host: 'evil.example:5001' is not a host name: give a name"
            + " such as restlab.example or an IP address, without a port or a path",
        "--fault=explode | --fault: fault rule 'explode': 'explode' is not an action; the actions are delay,"
            + " status, reset, truncate, drip, hang",
        "--fault=delay 2 | --fault: fault rule 'delay 2': '2' is not a time; write it as 300ms or 2s",
    })
    void bad_flags_print_their_reason_and_the_usage_on_stderr_and_exit_2(String flag, String reason) {
        assertEquals(2, run("--headless", flag));
        assertTrue(err.toString().startsWith(reason + System.lineSeparator()), err.toString());
        assertTrue(err.toString().contains("Usage: restlab"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void har_without_headless_is_a_usage_error_that_points_to_the_window() {
        assertEquals(2, run("--har", "session.har"));
        assertTrue(err.toString().startsWith("--har works with --headless; in the window, use Export HAR in the"
                + " traffic pane" + System.lineSeparator()), err.toString());
    }

    @Test
    void proxy_to_without_headless_is_refused_and_says_where_the_window_chooses_a_proxy() {
        assertEquals(2, run("--proxy-to", "http://127.0.0.1:5000"));
        assertTrue(err.toString().startsWith("--proxy-to works with --headless; in the window, choose 'Proxy to'"
                + " in the bar and type your server's URL" + System.lineSeparator()), err.toString());
    }

    @Test
    void trace_without_headless_is_refused_and_says_where_the_window_shows_exchanges() {
        assertEquals(2, run("--trace"));
        assertTrue(err.toString().startsWith("--trace works with --headless (it prints every exchange to this"
                + " terminal); the window shows them in its Traffic tab" + System.lineSeparator()), err.toString());
    }

    @Test
    void with_no_display_on_linux_the_window_is_not_tried_and_headless_is_suggested() {
        String said = Main.noDisplay(Map.of("HOME", "/home/ann"), "Linux", null).orElseThrow();
        assertTrue(said.startsWith("restlab: no display found"), said);
        assertTrue(said.endsWith("java -jar restlab.jar --headless"), said);
        assertEquals(Optional.empty(), Main.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertEquals(Optional.empty(), Main.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertEquals(Optional.empty(), Main.noDisplay(Map.of(), "Windows 11", null), "Windows always has its desktop");
        assertEquals(Optional.empty(), Main.noDisplay(Map.of(), "Linux", "Monocle"), "a headless JavaFX platform");
    }

    @Test
    void started_with_no_display_restlab_says_so_and_exits_1_without_a_stack_trace() throws Exception {
        Requires.linux("without DISPLAY only Linux and other Unixes have no desktop");
        ProcessBuilder child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.restlab.Main", "--in-memory", "--port", "0");
        child.environment().remove("DISPLAY");
        child.environment().remove("WAYLAND_DISPLAY");
        Process process = child.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), stderr);
        assertTrue(stderr.startsWith("restlab: no display found"), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
    }

    @Test
    void har_names_the_file_headless_mode_writes() {
        assertEquals(Path.of("class", "session.har"),
                parsed("--headless", "--har", Path.of("class", "session.har").toString()).har());
        assertEquals(null, parsed("--headless").har());
    }

    @Test
    void no_flags_mean_the_window_on_loopback_on_the_handouts_port_with_users_in_the_data_directory() {
        CommandLine cli = Main.commandLine();
        cli.parseArgs();
        assertFalse(cli.<Main>getCommand().headless());
        // Main.main opens the window with Options.defaults() when there are no arguments, unread.
        assertEquals(Options.defaults(), parsed());
        assertEquals(new Options("127.0.0.1", 5001, StoreChoice.defaultDurable(), false, List.of()), parsed());
    }

    @Test
    void the_flags_are_handed_over_as_one_checked_value() {
        assertEquals(new Options("127.0.0.1", 0, StoreChoice.inMemory(), true, List.of()),
                parsed("--headless", "--host", "localhost", "--port", "0", "--in-memory", "--trace"));
        assertEquals(List.of("classroom.example", "[::1]"),
                parsed("--allow-host", "Classroom.Example", "--allow-host=::1").allowedHosts());
        Path dir = Path.of("some", "dir");
        assertEquals(new Options("::", 8080, StoreChoice.durable(dir), false, List.of()),
                parsed("--host=::", "--port=8080", "--data-dir", dir.toString()));
    }

    @Test
    void faults_are_none_unless_asked_for_and_each_fault_flag_is_one_rule() throws Exception {
        assertEquals(List.of(), parsed("--headless").faults());
        assertEquals(List.of(dev.restlab.fault.FaultRule.parse("delay 300ms on GET /people/v1/users"),
                        dev.restlab.fault.FaultRule.parse("reset on DELETE")),
                parsed("--headless", "--fault", "delay 300ms on GET /people/v1/users", "--fault", "reset on DELETE")
                        .faults());
    }

    @Test
    void proxy_to_takes_the_address_of_another_server() {
        assertEquals(new TargetUrl("127.0.0.1", 5000), parsed("--headless", "--proxy-to", "http://127.0.0.1:5000").proxyTo());
        assertEquals(null, parsed("--headless").proxyTo());
    }

    @Test
    void proxy_to_an_https_address_is_a_usage_error_with_the_reason() {
        assertEquals(2, run("--headless", "--proxy-to", "https://127.0.0.1:5000"));
        assertTrue(err.toString().contains("--proxy-to: https is not supported"), err.toString());
    }
}
