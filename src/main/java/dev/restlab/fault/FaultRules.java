package dev.restlab.fault;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules a server applies, changed while it runs (the window's Faults panel, a lab step):
 * the first switched-on rule that matches a request and wins its draw touches it. Empty, and so
 * harmless, unless someone asks for faults.
 */
public final class FaultRules {

    /** A rule and whether it is on. */
    public record Entry(FaultRule rule, boolean on) {
    }

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();
    private final Random draws;

    /** Rules drawn with a random source of their own. */
    public FaultRules() {
        this(new Random());
    }

    /** @param draws decides which requests a rule with a rate touches; tests pass a seeded one */
    public FaultRules(Random draws) {
        this.draws = draws;
    }

    public void add(FaultRule rule) {
        entries.add(new Entry(rule, true));
    }

    public void remove(FaultRule rule) {
        entries.removeIf(entry -> entry.rule().equals(rule));
    }

    public void switchTo(FaultRule rule, boolean on) {
        entries.replaceAll(entry -> entry.rule().equals(rule) ? new Entry(rule, on) : entry);
    }

    public void clear() {
        entries.clear();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.stream().noneMatch(Entry::on);
    }

    /** The rule that touches this request, if any. */
    public Optional<FaultRule> pick(String method, String path) {
        for (Entry entry : entries) {
            FaultRule rule = entry.rule();
            if (entry.on() && rule.matches(method, path) && wins(rule.rate())) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** A random spread in [0, bound]: the jitter of one delayed answer. */
    public long spread(long boundMillis) {
        if (boundMillis <= 0) {
            return 0;
        }
        synchronized (draws) {
            return (long) (draws.nextDouble() * boundMillis);
        }
    }

    private boolean wins(double rate) {
        if (rate >= 1) {
            return true;
        }
        synchronized (draws) {
            return draws.nextDouble() < rate;
        }
    }
}
