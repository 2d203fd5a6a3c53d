package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopActionsTest {

    @Test
    void each_action_runs_though_one_before_it_failed_and_each_failure_is_reported() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> ran = new ArrayList<>();
        int failed = new StopActions(new PrintStream(errors, true, StandardCharsets.UTF_8))
                .add("writing the lab report", () -> {
                    ran.add("report");
                    throw new IOException("/ names a folder");
                })
                .add("writing the HAR file", () -> {
                    ran.add("har");
                    throw new OutOfMemoryError("Java heap space");
                })
                .add("closing the user store", () -> ran.add("store"))
                .runAll();
        assertEquals(List.of("report", "har", "store"), ran);
        assertEquals(2, failed);
        assertEquals("restlab: while stopping, writing the lab report failed: / names a folder\n"
                + "restlab: while stopping, writing the HAR file failed: Java heap space\n",
                errors.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
