package dev.restlab.openapi;

import java.util.Objects;
import java.util.Optional;

/**
 * What the OpenAPI document says about one exchange: the operation it matched, if any, and
 * whether the answer is one the document describes.
 *
 * @param operationId the matched operation ({@code createUser}, ...), empty when the request is one
 *                    no operation takes (an unknown path, a method the path does not take)
 * @param conforms    true when the status is documented for that request and the body (if the
 *                    document gives a schema) is valid against it
 * @param reason      one line: why the answer does not conform; for a conforming request that no
 *                    operation takes, what the document says about it; otherwise empty
 */
public record Conformance(Optional<String> operationId, boolean conforms, String reason) {

    public Conformance {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(reason, "reason");
    }

    static Conformance ok(String operationId) {
        return new Conformance(Optional.of(operationId), true, "");
    }

    static Conformance broken(String operationId, String reason) {
        return new Conformance(Optional.ofNullable(operationId), false, reason);
    }

    /** The reason of an exchange that got no answer at all: nothing to judge, and nothing wrong with the document. */
    static final String NO_ANSWER = "no answer to judge";

    static Conformance noAnswer(Optional<String> operationId) {
        return new Conformance(operationId, true, NO_ANSWER);
    }

    /** False for an exchange that got no answer: there was nothing to judge, neither well nor badly. */
    public boolean judged() {
        return !(conforms && reason.equals(NO_ANSWER));
    }

    static Conformance unrouted(boolean conforms, String reason) {
        return new Conformance(Optional.empty(), conforms, reason);
    }

    /**
     * One line for a log or a list, e.g. {@code createUser: conforms} or
     * {@code getUser: does not conform: status 500 is not documented (documented: 200, 404)}.
     */
    public String summary() {
        String name = operationId.orElse("no operation");
        if (conforms && reason.equals(NO_ANSWER)) {
            return name + ": " + NO_ANSWER;
        }
        if (conforms) {
            return reason.isEmpty() ? name + ": conforms" : name + ": conforms (" + reason + ")";
        }
        return name + ": does not conform: " + reason;
    }
}
