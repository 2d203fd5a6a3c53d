package dev.restlab.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and the response to it, as they crossed the wire between a client and the
 * server, on one {@link Connection}: the {@code index}th exchange on it (1, 2, … with keep-alive).
 * Headers keep the order and spelling that was sent; bodies are de-chunked and cut at
 * {@link #MAX_STORED_BODY} bytes, while their sizes are always the real ones.
 *
 * <p>{@code rejected} is true when Jetty answered by itself before any route ran (a garbage
 * request line, headers too large, ...); then the request holds whatever could be parsed.
 *
 * <p>{@code ending} says whether the whole answer came, and if not why: a request that got no
 * answer at all is recorded with a stand-in response of status 0 and no head ({@link #answered()}
 * is false, {@link #noAnswerReason()} says why). {@code faultRule} is the fault rule RestLab
 * applied to this exchange on purpose, as the server or the relay noted it for the capture.
 */
public record Exchange(long id, Connection connection, int index, Request request, Response response,
        Timings timings, boolean rejected, Ending ending, Optional<String> faultRule) {

    /** Bodies longer than this (256 KiB) are stored cut to this length. */
    public static final int MAX_STORED_BODY = 256 * 1024;
    /**
     * The response header RestLab's server puts on an answer a fault rule shaped, naming the rule
     * (the fault rules' own constant has the same value; a test holds them together).
     */
    public static final String FAULT_HEADER = "RestLab-Fault";

    public Exchange {
        ending = ending == null ? Ending.ANSWERED : ending;
        faultRule = faultRule == null ? Optional.empty() : faultRule;
    }

    /** An exchange that got its whole answer, touched by no fault rule. */
    public Exchange(long id, Connection connection, int index, Request request, Response response,
            Timings timings, boolean rejected) {
        this(id, connection, index, request, response, timings, rejected, Ending.ANSWERED, Optional.empty());
    }

    /**
     * The stand-in response of a request that got no answer: status 0 and the reason in the
     * status line's words, as a HAR file's entry for such a request reads, e.g.
     * {@code HTTP/1.1 0 (no answer: connection reset by the server before any answer)}.
     */
    public static Response noAnswer(String version, Ending why) {
        return new Response(version == null || version.isEmpty() ? "HTTP/1.1" : version, 0,
                "(no answer: " + why.description() + ")", List.of(), Body.EMPTY, 0, List.of());
    }

    /** True when the whole answer arrived; false for no answer at all and for an answer cut short. */
    public boolean answered() {
        return ending.whole() && response.status() > 0;
    }

    /**
     * Why no whole answer came (e.g. {@code connection reset by the server before any answer}), or
     * empty when it did.
     */
    public Optional<String> noAnswerReason() {
        if (answered()) {
            return Optional.empty();
        }
        return Optional.of(ending.whole() ? Ending.NO_ANSWER.description() : ending.description());
    }

    /**
     * When no whole answer came, one sentence that says so and why (see {@link Ending#sentence()}),
     * else empty.
     */
    public Optional<String> noWholeAnswer() {
        if (answered()) {
            return Optional.empty();
        }
        return Optional.of(ending.whole() ? Ending.NO_ANSWER.sentence() : ending.sentence());
    }

    /**
     * The fault rule RestLab applied to this exchange on purpose (e.g. {@code reset on POST}): as
     * the capture was told, else as the answer's {@value #FAULT_HEADER} header names it (an
     * imported file); empty when no rule touched it.
     */
    @Override
    public Optional<String> faultRule() {
        return faultRule.isPresent() ? faultRule : response.header(FAULT_HEADER).filter(rule -> !rule.isBlank());
    }

    /** A builder with plain defaults (GET / answered 200 OK), for tests and imported traffic. */
    public static ExchangeBuilder builder() {
        return new ExchangeBuilder();
    }

    public String method() {
        return request.method();
    }

    public String target() {
        return request.target();
    }

    /** The target's path, without query string, in whichever form the target was sent. */
    public String path() {
        return request.path();
    }

    public int status() {
        return response.status();
    }

    /** When the request's first byte arrived. */
    public Instant started() {
        return connection.at(timings.requestFirstNanos());
    }

    /** From the request's first byte to the last byte either way. */
    public long durationMicros() {
        return timings.totalMicros();
    }

    /**
     * Who answered, in a few words for the views, when it was not the API's routes: Jetty by
     * itself, or in proxy mode the target or RestLab instead of it; empty for the routes' answers.
     */
    public String whoAnswered() {
        Optional<String> target = connection.relayedTo();
        if (target.isEmpty()) {
            return rejected ? "rejected by Jetty before any route ran" : "";
        }
        if (!rejected) {
            return "relayed to " + target.get() + ", which got the request with Via: 1.1 restlab added, as HTTP"
                    + " asks of a gateway (RFC 9110 §7.6.3); the answer is shown as it arrived";
        }
        if (faultRule.isPresent()) {
            return "answered by RestLab instead of the target " + target.get() + ", on purpose: the fault rule "
                    + faultRule.get();
        }
        return status() == 502 ? "answered by RestLab: the target " + target.get() + " gave no answer"
                : "answered by RestLab: not passed on to the target " + target.get();
    }

    /** True when a stored body is shorter than the body that crossed the wire. */
    public boolean truncated() {
        return request.body().truncated() || response.body().truncated();
    }

    /** The same exchange under another id: the log numbers exchanges as it stores them. */
    Exchange withId(long newId) {
        return new Exchange(newId, connection, index, request, response, timings, rejected, ending, faultRule);
    }

    /**
     * What the log counts against its memory budget: the stored bodies and the captured header
     * bytes (a rejected request may bring tens of KiB of headers), interim answers' included.
     */
    long storedBytes() {
        long interim = 0;
        for (Response.Interim answer : response.interim()) {
            interim += INTERIM_OVERHEAD_BYTES + answer.reason().length() + Header.storedBytes(answer.headers());
        }
        return (long) request.body().stored().length + response.body().stored().length
                + Header.storedBytes(request.headers()) + Header.storedBytes(response.headers()) + interim;
    }

    /** About what one kept interim answer costs beside its headers: the record, its list slot, its words. */
    private static final int INTERIM_OVERHEAD_BYTES = 64;

    @Override
    public String toString() {
        return "Exchange[" + id + " " + request.method() + " " + request.target() + " -> " + response.status()
                + (ending.whole() ? "" : " " + ending) + "]";
    }
}
