package dev.restlab.lab;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Follows the live traffic through a lab: the first step not yet done is the current one, and
 * each exchange is tested against its next check; when its last check passes, the step is ticked
 * and the next one becomes current. Steps tick only in order: an exchange that would do a later
 * step does nothing. Progress is saved in a {@link ProgressStore} after every change.
 *
 * <p>Fed from a traffic-log subscription thread; listeners are told on that thread.
 */
public final class LabTracker implements Consumer<List<Exchange>> {

    /** Kept of each exchange's text in a tick: enough for a report, bounded for the file. */
    private static final int MAX_KEPT_TEXT = 64 * 1024;

    private final Lab lab;
    private final ProgressStore store;
    private final Predicate<Exchange> fromWindow;
    private final Map<String, Tick> ticks = new LinkedHashMap<>();
    /** Per step that remembers: the id its answer gave. */
    private final Map<String, String> remembered = new LinkedHashMap<>();
    private int checksDone;
    private final List<Consumer<Tick>> listeners = new CopyOnWriteArrayList<>();

    /** @param fromWindow tells RestLab's own window's requests from every other client's */
    public LabTracker(Lab lab, ProgressStore store, Predicate<Exchange> fromWindow) {
        this.lab = lab;
        this.store = store;
        this.fromWindow = fromWindow;
        store.load(lab).ifPresent(saved -> {
            for (Tick tick : saved.ticks()) {
                if (lab.step(tick.stepId()).isPresent()) {
                    ticks.put(tick.stepId(), tick);
                }
            }
            remembered.putAll(saved.remembered());
            checksDone = saved.checksDone();
        });
    }

    public Lab lab() {
        return lab;
    }

    /** Tells {@code listener} each tick from now on. */
    public void onTick(Consumer<Tick> listener) {
        listeners.add(listener);
    }

    @Override
    public void accept(List<Exchange> batch) {
        for (Exchange exchange : batch) {
            accept(exchange);
        }
    }

    /** Tests one exchange against the current step's next check. */
    public void accept(Exchange exchange) {
        Tick tick;
        synchronized (this) {
            Optional<Step> current = current();
            if (current.isEmpty() || current.get().serverRunning()) {
                return;
            }
            Step step = current.get();
            if (!step.checks().get(checksDone).test(exchange, context())) {
                return;
            }
            checksDone++;
            if (checksDone < step.checks().size()) {
                save();
                return;
            }
            if (!step.remembers().isEmpty()) {
                idGivenBy(exchange).ifPresent(id -> remembered.put(step.id(), id));
            }
            tick = tick(step, exchange);
        }
        listeners.forEach(listener -> listener.accept(tick));
    }

    /** The server answers on {@code port}: ticks the current step if it asks for that. */
    public void serverRunning(int port) {
        Tick tick;
        synchronized (this) {
            Optional<Step> current = current();
            if (current.isEmpty() || !current.get().serverRunning()) {
                return;
            }
            tick = tick(current.get(), new Tick(current.get().id(), 0, Instant.now(),
                    "the server answers on port " + port, "", "", ""));
        }
        listeners.forEach(listener -> listener.accept(tick));
    }

    /** Forgets every tick and remembered id: the lab starts again from its first step. */
    public synchronized void restart() {
        ticks.clear();
        remembered.clear();
        checksDone = 0;
        save();
    }

    /** The first step not yet done; empty when the lab is complete. */
    public synchronized Optional<Step> current() {
        return lab.steps().stream().filter(step -> !ticks.containsKey(step.id())).findFirst();
    }

    public synchronized int doneCount() {
        return ticks.size();
    }

    public synchronized Optional<Tick> tickOf(Step step) {
        return Optional.ofNullable(ticks.get(step.id()));
    }

    /** The values commands may use: {@code id}, the newest user id a step remembered. */
    public synchronized Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        remembered.values().forEach(id -> values.put("id", id));
        return values;
    }

    private Tick tick(Step step, Exchange exchange) {
        return tick(step, new Tick(step.id(), exchange.id(), exchange.started(), summary(exchange),
                kept(CurlText.requestAsSent(exchange)), kept(CurlText.curlI(exchange)),
                exchange.rejected() ? "no operation: " + exchange.whoAnswered()
                        : ApiDescription.bundled().check(exchange).summary()));
    }

    private Tick tick(Step step, Tick tick) {
        ticks.put(step.id(), tick);
        checksDone = 0;
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

    private Check.Context context() {
        return new Check.Context() {
            @Override
            public boolean done(String stepId) {
                return ticks.containsKey(stepId);
            }

            @Override
            public Optional<String> remembered(String stepId) {
                return Optional.ofNullable(remembered.get(stepId));
            }

            @Override
            public boolean fromWindow(Exchange exchange) {
                return fromWindow.test(exchange);
            }
        };
    }

    private void save() {
        store.save(lab, new ProgressStore.Saved(new ArrayList<>(ticks.values()), remembered, checksDone));
    }
}
