package dev.restlab.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Checks a whole class: each student's server with the same scenario and time limits, up to
 * {@code parallel} at the same time, each student told as their check ends. Every student gets
 * a verdict; one that cannot be reached is {@code unreachable}, which is a verdict too.
 */
public final class ClassCheck {

    /** At most this many servers at once unless asked: a class's laptops, not a load test. */
    public static final int DEFAULT_PARALLEL = 8;
    public static final int MAX_PARALLEL = 32;

    private final Scenario scenario;
    private final Duration caseTimeout;
    private final Duration timeout;
    private final int parallel;

    public ClassCheck(Scenario scenario, Duration caseTimeout, Duration timeout, int parallel) {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("checks at the same time: from 1 to " + MAX_PARALLEL + ", not " + parallel);
        }
        this.scenario = scenario;
        this.caseTimeout = caseTimeout;
        this.timeout = timeout;
        this.parallel = parallel;
    }

    /** Checks every student, telling {@code eachDone} each result as it comes (from the checking threads). */
    public ClassReport run(List<RosterEntry> roster, Consumer<StudentResult> eachDone) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, roster.size()), task -> {
            Thread thread = new Thread(task, "restlab-class-check-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<StudentResult>> futures = new ArrayList<>();
            for (RosterEntry entry : roster) {
                futures.add(pool.submit(() -> {
                    StudentResult result = check(entry);
                    eachDone.accept(result);
                    return result;
                }));
            }
            List<StudentResult> results = new ArrayList<>();
            for (Future<StudentResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a student's check failed: " + e.getCause(), e.getCause());
                }
            }
            return new ClassReport(scenario.title(), Instant.now(), results);
        } finally {
            pool.shutdownNow();
        }
    }

    private StudentResult check(RosterEntry entry) {
        long start = System.nanoTime();
        try {
            CheckReport report = new ServerCheck(scenario, caseTimeout, timeout).run(entry.url());
            return new StudentResult(entry, Optional.of(report), "", Duration.ofNanos(System.nanoTime() - start));
        } catch (TargetUnreachable e) {
            return new StudentResult(entry, Optional.empty(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            // One student's check going wrong must not cost the others their verdicts.
            return new StudentResult(entry, Optional.empty(), "the check of " + entry.url() + " stopped: " + e,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
