package dev.restlab.lab;

import dev.restlab.fault.FaultLesson;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows the live traffic through a lab. Each exchange is tested against the next check of every
 * step it may do yet: a step may be done once every required step before it is done (in a lab in
 * strict order: every step before it, done or skipped), so an optional step never holds back a
 * later one. An exchange the server answered also proves the server was started, whatever order
 * the news arrived in. An exchange that ticks nothing gets a {@link Reason}, made from the same
 * {@link Expectation#misses} that tick, unless the window sent it by itself. Progress is saved in
 * a {@link ProgressStore} after every change.
 *
 * <p>Fed from a traffic-log subscription thread; listeners are told on that thread.
 */
public final class LabTracker implements Consumer<List<Exchange>> {

    /** Kept of each exchange's text in a tick: enough for a report, bounded for the file. */
    private static final int MAX_KEPT_TEXT = 64 * 1024;

    /** Why an exchange ticked no step, in one line: {@code exchange #12, GET …, 200, is step 8; step 5 comes first}. */
    public record Reason(long exchangeId, String text) {
    }

    private final Lab lab;
    private final ProgressStore store;
    private final Function<Exchange, Sender> senders;
    private final Map<String, Tick> ticks = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    /** Per step that remembers: the id its answer gave. */
    private final Map<String, String> remembered = new LinkedHashMap<>();
    /** Per step with several checks: how many of them are passed. */
    private final Map<String, Integer> partial = new LinkedHashMap<>();
    private int port;
    private final List<Consumer<Tick>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Reason>> reasonListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> moveListeners = new CopyOnWriteArrayList<>();

    /** Follows {@code lab}, telling the window's requests from others' by their {@link Sender#of tag}. */
    public LabTracker(Lab lab, ProgressStore store) {
        this(lab, store, Sender::of);
    }

    /** @param senders tells who sent each exchange: a terminal, the window, or the window by itself */
    public LabTracker(Lab lab, ProgressStore store, Function<Exchange, Sender> senders) {
        this.lab = lab;
        this.store = store;
        this.senders = senders;
        store.load(lab).ifPresent(saved -> {
            for (Tick tick : saved.ticks()) {
                if (lab.step(tick.stepId()).isPresent()) {
                    ticks.put(tick.stepId(), tick);
                }
            }
            saved.skipped().stream().filter(id -> lab.step(id).filter(Step::optional).isPresent())
                    .forEach(skipped::add);
            remembered.putAll(saved.remembered());
            partial.putAll(saved.partial());
        });
    }

    public Lab lab() {
        return lab;
    }

    /** Tells {@code listener} each tick from now on. */
    public void onTick(Consumer<Tick> listener) {
        listeners.add(listener);
    }

    /** Tells {@code listener} why each exchange from now on ticked nothing (not for the window's own background requests). */
    public void onReason(Consumer<Reason> listener) {
        reasonListeners.add(listener);
    }

    /** Tells {@code listener} after each tick, skip or restart: whenever the current step may have changed. */
    public void onMoved(Runnable listener) {
        moveListeners.add(listener);
    }

    private void moved() {
        moveListeners.forEach(Runnable::run);
    }

    @Override
    public void accept(List<Exchange> batch) {
        for (Exchange exchange : batch) {
            accept(exchange);
        }
    }

    /** Tests one exchange against every step it may do yet; ticks the first it does, or says why none. */
    public void accept(Exchange exchange) {
        List<Tick> made = new ArrayList<>();
        Reason reason = null;
        synchronized (this) {
            if (provesServerRunning(exchange)) {
                made.addAll(tickServerSteps("the server answered exchange #" + exchange.id()));
            }
            Expectation.Context context = context();
            Optional<Step> passed = lab.steps().stream()
                    .filter(step -> !step.serverRunning() && !ticks.containsKey(step.id()) && mayBeDone(step))
                    .filter(step -> nextCheck(step).test(exchange, context))
                    .findFirst();
            if (passed.isPresent()) {
                Step step = passed.get();
                int checksDone = partial.getOrDefault(step.id(), 0) + 1;
                if (checksDone < step.checks().size()) {
                    partial.put(step.id(), checksDone);
                    save();
                } else {
                    if (!step.remembers().isEmpty()) {
                        idGivenBy(exchange).ifPresent(id -> remembered.put(step.id(), id));
                    }
                    made.add(tick(step, exchange));
                }
            } else {
                reason = new ReasonFinder(this, exchange, senders.apply(exchange), context).reason().orElse(null);
            }
        }
        made.forEach(tick -> listeners.forEach(listener -> listener.accept(tick)));
        if (!made.isEmpty()) {
            moved();
        }
        if (reason != null) {
            Reason told = reason;
            reasonListeners.forEach(listener -> listener.accept(told));
        }
    }

    /**
     * An answer proves the server ran. In proxy mode an answer RestLab made itself (the target gave
     * none, or the request was not passed on) proves nothing about the student's server.
     */
    private static boolean provesServerRunning(Exchange e) {
        return e.status() > 0 && !(e.rejected() && e.connection().relayedTo().isPresent());
    }

    /** The server answers on {@code port}: ticks the steps that ask for that, and fills {@code {port}} from now on. */
    public void serverRunning(int port) {
        List<Tick> made;
        synchronized (this) {
            this.port = port;
            made = tickServerSteps("the server answers on port " + port);
        }
        made.forEach(tick -> listeners.forEach(listener -> listener.accept(tick)));
        if (!made.isEmpty()) {
            moved();
        }
    }

    /** The port the student's commands go to (RestLab's, also in proxy mode), without ticking anything. */
    public synchronized void usePort(int port) {
        this.port = port;
    }

    /** The port commands are filled with: the server's once known, else the handout's 5001. */
    public synchronized int port() {
        return port > 0 ? port : 5001;
    }

    private List<Tick> tickServerSteps(String summary) {
        List<Tick> made = new ArrayList<>();
        for (Step step : lab.steps()) {
            if (step.serverRunning() && !ticks.containsKey(step.id()) && mayBeDone(step)) {
                made.add(tick(step, new Tick(step.id(), 0, Instant.now(), summary, "", "", "")));
            }
        }
        return made;
    }

    /**
     * Skips an optional step that is not done: it no longer holds back anything, and the current
     * step moves past it. Returns false (and changes nothing) for a required or done step.
     */
    public boolean skip(Step step) {
        synchronized (this) {
            if (!step.optional() || ticks.containsKey(step.id()) || !lab.steps().contains(step)) {
                return false;
            }
            skipped.add(step.id());
            save();
        }
        moved();
        return true;
    }

    /** Forgets every tick, skip and remembered id: the lab starts again from its first step. */
    public void restart() {
        synchronized (this) {
            ticks.clear();
            skipped.clear();
            remembered.clear();
            partial.clear();
            save();
        }
        moved();
    }

    /**
     * The step to do next: the first step neither done nor skipped after the last one that is;
     * empty when none is left there (optional steps passed over may still be done).
     */
    public synchronized Optional<Step> current() {
        List<Step> steps = lab.steps();
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (passed(steps.get(i))) {
                last = i;
            }
        }
        for (int i = last + 1; i < steps.size(); i++) {
            if (!passed(steps.get(i))) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /** True when every required step is done: the lab is finished, whatever optional steps are left. */
    public synchronized boolean complete() {
        return lab.steps().stream().allMatch(step -> step.optional() || ticks.containsKey(step.id()));
    }

    /** True when this step may tick now: see the class comment. */
    synchronized boolean mayBeDone(Step step) {
        return blocker(step).isEmpty();
    }

    /** The first step before {@code step} that must be done (or, in strict order, skipped) first. */
    synchronized Optional<Step> blocker(Step step) {
        for (Step before : lab.steps()) {
            if (before.equals(step)) {
                return Optional.empty();
            }
            boolean holds = lab.strictOrder() ? !passed(before) : !before.optional() && !ticks.containsKey(before.id());
            if (holds) {
                return Optional.of(before);
            }
        }
        return Optional.empty();
    }

    private boolean passed(Step step) {
        return ticks.containsKey(step.id()) || skipped.contains(step.id());
    }

    /** The check a step waits for next (its first again once it is done). */
    synchronized Expectation nextCheck(Step step) {
        int index = ticks.containsKey(step.id()) ? 0 : partial.getOrDefault(step.id(), 0);
        return step.checks().get(Math.min(index, step.checks().size() - 1));
    }

    public synchronized int doneCount() {
        return ticks.size();
    }

    public synchronized Optional<Tick> tickOf(Step step) {
        return Optional.ofNullable(ticks.get(step.id()));
    }

    public synchronized boolean skipped(Step step) {
        return skipped.contains(step.id());
    }

    /** The values commands may use: {@code id}, the newest user id a step remembered. */
    public synchronized Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        remembered.values().forEach(id -> values.put("id", id));
        return values;
    }

    /** A text of the lab with {@code {port}} and {@code {id}} filled in as the student's commands are. */
    public synchronized String fill(String text) {
        return Step.fill(text, port(), values());
    }

    private Tick tick(Step step, Exchange exchange) {
        return tick(step, new Tick(step.id(), exchange.id(), exchange.started(), summary(exchange),
                kept(CurlText.requestAsSent(exchange)), kept(CurlText.curlI(exchange)),
                exchange.rejected() ? "no operation: " + exchange.whoAnswered()
                        : ApiDescription.bundled().check(exchange).summary(),
                FaultLesson.of(exchange.faultRule(), exchange.method(), exchange.noWholeAnswer())
                        .map(FaultLesson::oneLine).orElse("")));
    }

    private Tick tick(Step step, Tick tick) {
        ticks.put(step.id(), tick);
        skipped.remove(step.id());
        partial.remove(step.id());
        save();
        return tick;
    }

    /** E.g. {@code exchange #7, POST /people/v1/users, 201 Created}. */
    static String summary(Exchange e) {
        return "exchange #" + e.id() + ", " + e.method() + " " + e.target() + ", " + e.response().statusLine()
                .substring(e.response().version().length()).strip();
    }

    private static String kept(String text) {
        return text.length() <= MAX_KEPT_TEXT ? text
                : text.substring(0, MAX_KEPT_TEXT) + "\n[RestLab kept the first " + MAX_KEPT_TEXT + " characters]\n";
    }

    /** The user id an answer gave: the last segment of its Location, or the first UUID in its body. */
    public static Optional<String> idGivenBy(Exchange e) {
        Optional<String> fromLocation = e.response().header("Location")
                .flatMap(location -> LabJson.firstUuid(location.substring(location.lastIndexOf('/') + 1)));
        return fromLocation.isPresent() ? fromLocation : LabJson.firstUuid(e.response().body().text());
    }

    private Expectation.Context context() {
        return new Expectation.Context() {
            @Override
            public boolean done(String stepId) {
                return ticks.containsKey(stepId);
            }

            @Override
            public Optional<String> remembered(String stepId) {
                return Optional.ofNullable(remembered.get(stepId));
            }

            @Override
            public Sender sender(Exchange exchange) {
                return senders.apply(exchange);
            }
        };
    }

    private void save() {
        store.save(lab, new ProgressStore.Saved(new ArrayList<>(ticks.values()), remembered, partial,
                new ArrayList<>(skipped)));
    }
}
