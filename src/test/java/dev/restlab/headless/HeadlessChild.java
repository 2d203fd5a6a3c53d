package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Requires;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code restlab --headless} as a child process, started as a student would in a terminal. */
final class HeadlessChild implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile(" \\* Running on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final BufferedReader out;

    HeadlessChild(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The command line: this JVM's java and class path, {@code dev.restlab.Main --headless} and the flags. */
    static List<String> command(String... flags) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.restlab.Main", "--headless"));
        command.addAll(List.of(flags));
        return command;
    }

    /** Starts it with its standard error discarded; read its standard output line by line. */
    static HeadlessChild start(String... flags) throws IOException {
        return new HeadlessChild(new ProcessBuilder(command(flags))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Reads up to the " * Running on" line and returns its URL. */
    String awaitUrl() throws IOException {
        while (true) {
            String line = out.readLine();
            assertTrue(line != null, "the server ended before printing where it serves");
            Matcher m = RUNNING.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
    }

    String readLine() throws IOException {
        return out.readLine();
    }

    /** SIGTERM, as a terminal's Ctrl+C would stop it; Process.destroy() would also close our pipes. */
    void terminate() {
        Requires.sigterm();
        process.toHandle().destroy();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        out.close();
    }
}
