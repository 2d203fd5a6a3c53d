package dev.restlab.lab;

import dev.restlab.wire.Exchange;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why one exchange ticked no step, in one line a student can act on. It asks each step's next
 * {@link Expectation} for its misses (the very test that ticks) and speaks for the step this
 * exchange most likely meant: one it would do but for the order, else one whose request it is
 * (method, path and query) but whose answer or details differ, else it names the step to do now.
 * The window's own background requests get no reason, and its other requests only when they would
 * do a step but for the client (the step wants curl): the rest is the window at work, not an
 * attempt at the lab.
 */
final class ReasonFinder {

    private final LabTracker tracker;
    private final Lab lab;
    private final Exchange exchange;
    private final Sender sender;
    private final Expectation.Context context;

    ReasonFinder(LabTracker tracker, Exchange exchange, Sender sender, Expectation.Context context) {
        this.tracker = tracker;
        this.lab = tracker.lab();
        this.exchange = exchange;
        this.sender = sender;
        this.context = context;
    }

    /** One step weighed against the exchange. */
    private record Candidate(Step step, int number, List<Expectation.Miss> misses, boolean done,
            Optional<Step> blocker, boolean current) {

        /**
         * Lower is likelier what the student meant: the current step first; then a later step done
         * too early; then a step done before, done again; then other steps whose request it is.
         */
        int weight() {
            boolean outOfOrder = blocker.isPresent() || misses.stream().anyMatch(miss -> miss.part() == Expectation.Part.ORDER);
            int others = (int) misses.stream().filter(miss -> miss.part() != Expectation.Part.ORDER).count();
            if (done) {
                return misses.isEmpty() ? 150 : 1000 + others;
            }
            if (outOfOrder) {
                return others == 0 ? 100 : 300 + others;
            }
            return current ? others : 200 + others;
        }
    }

    Optional<LabTracker.Reason> reason() {
        if (sender == Sender.WINDOW_BACKGROUND) {
            return Optional.empty();
        }
        List<Candidate> candidates = lab.steps().stream()
                .filter(step -> !step.serverRunning() && !step.checks().isEmpty())
                .map(this::weigh)
                .filter(candidate -> candidate.misses().stream().noneMatch(miss -> miss.part().namesTheRequest()))
                .sorted(Comparator.comparingInt(Candidate::weight).thenComparingInt(Candidate::number))
                .toList();
        String exchangeText = LabTracker.summary(exchange);
        if (candidates.isEmpty()) {
            if (sender == Sender.WINDOW) {
                return Optional.empty();
            }
            return Optional.of(new LabTracker.Reason(exchange.id(), exchangeText + ", is no step's request"
                    + tracker.current().filter(step -> !step.checks().isEmpty())
                            .map(step -> "; step " + lab.number(step) + " wants "
                                    + tracker.fill(tracker.nextCheck(step).request()))
                            .orElse("")));
        }
        Candidate best = candidates.get(0);
        if (sender == Sender.WINDOW && !wantsAnotherClientOnly(best)) {
            return Optional.empty(); // the window at work (a form, the composer), not a try at a step
        }
        return Optional.of(new LabTracker.Reason(exchange.id(), exchangeText + ", " + explain(best)));
    }

    /** A step not done that this exchange would do, were it not for the client that sent it. */
    private static boolean wantsAnotherClientOnly(Candidate candidate) {
        return !candidate.done() && candidate.misses().stream().anyMatch(miss -> miss.part() == Expectation.Part.CLIENT)
                && candidate.misses().stream().allMatch(miss -> miss.part() == Expectation.Part.CLIENT
                        || miss.part() == Expectation.Part.ORDER);
    }

    private Candidate weigh(Step step) {
        return new Candidate(step, lab.number(step), tracker.nextCheck(step).misses(exchange, context),
                tracker.tickOf(step).isPresent(), tracker.blocker(step), tracker.current().filter(step::equals).isPresent());
    }

    private String explain(Candidate candidate) {
        String step = "step " + candidate.number();
        if (candidate.done() && candidate.misses().isEmpty()) {
            return "is " + step + " again, which is done already";
        }
        String misses = candidate.misses().stream()
                .filter(miss -> candidate.blocker().isEmpty() || miss.part() != Expectation.Part.ORDER)
                .map(this::words).collect(Collectors.joining("; "));
        if (candidate.done()) {
            return "is " + step + "'s request (done already), but " + misses;
        }
        if (candidate.blocker().isPresent()) {
            Step first = candidate.blocker().get();
            String order = "step " + lab.number(first) + " comes first"
                    + (first.optional() ? " — or skip it" : "");
            return "is " + step + "; " + order + (misses.isEmpty() ? "" : "; and " + misses);
        }
        return "is " + step + ", but " + misses;
    }

    /** A miss in words; an order or id miss names the step it depends on by its number. */
    private String words(Expectation.Miss miss) {
        Optional<Step> named = lab.step(miss.step());
        return switch (miss.part()) {
            case ORDER -> named.map(step -> "step " + lab.number(step) + " (" + step.title() + ") comes first")
                    .orElse("an earlier step comes first");
            case ID -> miss.text() + named.map(step -> tracker.tickOf(step).isPresent()
                    ? ", the one step " + lab.number(step) + " gave" : " (step " + lab.number(step) + " gives it)").orElse("");
            default -> miss.text();
        };
    }
}
