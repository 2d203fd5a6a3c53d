package dev.restlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever background work throws, the FX side hears of it: no worker dies silently. */
class UiThreadsTest {

    private final List<Object> results = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();
    private final UiThreads threads = new UiThreads(Runnable::run, Runnable::run);

    @Test
    void an_out_of_memory_error_reaches_the_failure_handler_with_a_sentence() {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        threads.run(() -> {
            throw error;
        }, results::add, failures::add);

        assertTrue(results.isEmpty());
        assertEquals(1, failures.size());
        WorkFailed failed = assertInstanceOf(WorkFailed.class, failures.get(0));
        assertSame(error, failed.getCause());
        assertTrue(failed.getMessage().startsWith("RestLab ran out of memory doing this, so it stopped;"),
                failed.getMessage());
    }

    @Test
    void any_other_error_and_any_exception_reach_it_too() {
        IOException checked = new IOException("disk full");

        threads.run(() -> {
            throw new StackOverflowError();
        }, results::add, failures::add);
        threads.run(() -> {
            throw checked;
        }, results::add, failures::add);
        threads.run(() -> "done", results::add, failures::add);

        assertEquals(List.of("done"), results);
        assertEquals("This is nested too deeply for RestLab to follow, so it stopped; nothing was changed.",
                failures.get(0).getMessage());
        assertSame(checked, failures.get(1));
    }
}
