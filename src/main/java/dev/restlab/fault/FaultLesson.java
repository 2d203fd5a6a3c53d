package dev.restlab.fault;

import java.util.Optional;
import java.util.Set;

/**
 * What a fault did to one exchange and what a good client does about it, one line each: the
 * lesson the trace, the access log, HAR's {@code comment} and the lab report all print, so that a
 * faulted exchange reads as a lesson, not as a broken server.
 *
 * @param what   e.g. {@code Fault on purpose: reset on DELETE. The connection is reset before any answer: ...}
 *               or {@code No answer: the client gave up and closed the connection before any answer.}
 * @param advice e.g. {@code A good client retries idempotent requests (GET, PUT, DELETE) with backoff; ...}
 */
public record FaultLesson(String what, String advice) {

    /** Sending these twice leaves the server as sending them once (RFC 9110 §9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /**
     * The lesson of one exchange, or empty when it was answered whole and no rule touched it.
     *
     * @param rule           the fault rule's text that touched the exchange, if any
     * @param method         the request's method
     * @param noWholeAnswer  when no whole answer came, a sentence that says so and why (e.g. {@code No
     *                       answer: the client gave up and closed the connection before any answer.})
     */
    public static Optional<FaultLesson> of(Optional<String> rule, String method, Optional<String> noWholeAnswer) {
        if (rule.isEmpty() && noWholeAnswer.isEmpty()) {
            return Optional.empty();
        }
        Optional<FaultRule> parsed = rule.flatMap(FaultLesson::parsed);
        StringBuilder what = new StringBuilder();
        if (rule.isPresent()) {
            what.append("Fault on purpose: ").append(parsed.map(FaultRule::text).orElse(rule.get())).append('.');
            parsed.ifPresent(r -> what.append(' ').append(r.explanation()));
        }
        noWholeAnswer.ifPresent(sentence -> what.append(what.length() == 0 ? "" : " ").append(sentence));
        String advice = parsed.map(FaultRule::advice).orElse("A good client sets a time limit, retries idempotent"
                + " requests (GET, PUT, DELETE) with backoff, respects Retry-After and never blindly retries a POST.");
        if (noWholeAnswer.isPresent()) {
            advice += " " + retryNote(method);
        } else if (parsed.map(FaultRule::action).filter(a -> a == FaultAction.DELAY || a == FaultAction.DRIP).isPresent()
                && !IDEMPOTENT.contains(method)) {
            advice += " A client that gave up waiting for this " + method + " does not know whether the server did"
                    + " it: a good client never blindly retries it.";
        }
        return Optional.of(new FaultLesson(what.toString(), advice));
    }

    /** Both lines as one, for a HAR comment or a report's cell. */
    public String oneLine() {
        return what + " " + advice;
    }

    /** Whether this very request may simply be sent again. */
    private static String retryNote(String method) {
        if (IDEMPOTENT.contains(method)) {
            return "This " + method + " is idempotent: sending it again is safe, after a pause that grows with"
                    + " each try.";
        }
        return "This " + method + " is not idempotent: the server may have done it before the connection broke,"
                + " so a good client checks (a GET of the list) before sending it again, or sends a client-chosen id"
                + " with PUT, which is safe to repeat.";
    }

    private static Optional<FaultRule> parsed(String text) {
        try {
            return Optional.of(FaultRule.parse(text));
        } catch (FaultRuleException e) {
            return Optional.empty(); // a rule from a file another version wrote: shown as it reads
        }
    }
}
