package dev.restlab.check;

import dev.restlab.wire.Exchange;
import java.util.Optional;

/**
 * What came back for one request: the exchange as it crossed the wire (its response perhaps cut
 * short), and a problem in words when the answer was not a whole HTTP response.
 *
 * @param exchange the request and what was answered; empty when nothing at all came back
 * @param problem  empty for a whole answer, else e.g. {@code no answer within 10 s}
 */
public record Answer(Optional<Exchange> exchange, String problem) {

    /** A case the check did not send, e.g. because its whole time was up. */
    static Answer notSent(String why) {
        return new Answer(Optional.empty(), why);
    }

    /** True for a whole HTTP response. */
    public boolean complete() {
        return exchange.isPresent() && problem.isEmpty();
    }

    /** E.g. {@code 201 Created}, or the problem when there was no answer. */
    public String statusText() {
        return problem.isEmpty() ? exchange.map(Answer::statusText).orElse("") : problem;
    }

    static String statusText(Exchange e) {
        return e.response().statusLine().substring(e.response().version().length()).strip();
    }
}
