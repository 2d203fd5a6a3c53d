package dev.restlab.lab;

import java.time.Instant;

/**
 * A step done: by which exchange (its id in the traffic log, when it started, one line about it),
 * and that exchange as it crossed the wire with its OpenAPI verdict, kept so that a report can
 * show it after the traffic log has moved on or RestLab has restarted.
 *
 * @param exchangeId 0 for a step ticked by the server running rather than by an exchange
 * @param fault      the fault the exchange met and what a good client does about it, or empty
 */
public record Tick(String stepId, long exchangeId, Instant time, String summary, String request,
        String response, String verdict, String fault) {

    public Tick {
        fault = fault == null ? "" : fault; // a progress file from an older RestLab has none
    }

    /** A tick by an exchange no fault touched. */
    public Tick(String stepId, long exchangeId, Instant time, String summary, String request, String response,
            String verdict) {
        this(stepId, exchangeId, time, summary, request, response, verdict, "");
    }
}
