package dev.restlab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Tests that run outside Java (bash, the real curl, Linux's /proc, SIGTERM) say so here: on a machine
 * without them the test is skipped with the reason, instead of failing for a reason that has
 * nothing to do with RestLab.
 */
public final class Requires {

    private static final Map<String, Boolean> RUNS = new ConcurrentHashMap<>();

    private Requires() {
    }

    /** Skips the test unless {@code bash} runs. */
    public static void bash() {
        assumeTrue(runs("bash", "-c", "true"), "needs bash, which this machine does not have on its PATH");
    }

    /** Skips the test unless the real {@code curl} runs. */
    public static void curl() {
        assumeTrue(runs("curl", "--version"), "needs curl, which this machine does not have on its PATH");
    }

    /** Skips the test unless both run: the test runs curl command lines through bash, as a student types them. */
    public static void bashAndCurl() {
        bash();
        curl();
    }

    /** Skips the test unless it runs on Linux. */
    public static void linux(String why) {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "needs Linux: " + why);
    }

    /**
     * Skips the test on Windows, where {@code Process.destroy()} ends a process at once: only a
     * Unix SIGTERM lets RestLab's shutdown hooks run, which is what such a test checks.
     */
    public static void sigterm() {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                "needs SIGTERM (Linux, macOS): on Windows a process is ended without its shutdown hooks");
    }

    private static boolean runs(String... command) {
        return RUNS.computeIfAbsent(String.join(" ", command), key -> {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0;
            } catch (IOException notThere) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }
}
