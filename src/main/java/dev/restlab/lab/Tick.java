package dev.restlab.lab;

import java.time.Instant;

/**
 * A step done: by which exchange (its id in the traffic log, when it started, one line about it),
 * and that exchange as it crossed the wire with its OpenAPI verdict, kept so that a report can
 * show it after the traffic log has moved on or RestLab has restarted.
 *
 * @param exchangeId 0 for a step ticked by the server running rather than by an exchange
 */
public record Tick(String stepId, long exchangeId, Instant time, String summary, String request,
        String response, String verdict) {
}
