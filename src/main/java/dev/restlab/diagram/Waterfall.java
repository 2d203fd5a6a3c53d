package dev.restlab.diagram;

import java.util.List;

/**
 * Exchanges as a browser's Network panel draws them: a row each, bars for the phases on one time
 * axis. The axis runs from 0 to 1; idle time between exchanges is cut out and marked by a
 * {@link Break}, so that microsecond phases seconds apart stay visible.
 */
public record Waterfall(List<Row> rows, List<Break> breaks, String span) {

    public Waterfall {
        rows = List.copyOf(rows);
        breaks = List.copyOf(breaks);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A phase of an exchange. */
    public enum Phase {
        /** From the server's accept to the request's first byte, on a new connection. */
        CONNECT("new connection"),
        /** The request's first byte to its last. */
        REQUEST("request sent"),
        /** The request's last byte to the response's first: the server's time. */
        SERVER("server time"),
        /** The response's first byte to its last. */
        RESPONSE("response sent");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        /** What the legend and the numbers call it. */
        public String words() {
            return words;
        }
    }

    /** One phase's bar, from {@code from} to {@code to} on the axis, and how long it took. */
    public record Bar(Phase phase, double from, double to, long micros) {
        /** The length as the numbers say it: {@code 45 µs}, {@code 1.2 ms}. */
        public String duration() {
            return Durations.phase(micros);
        }
    }

    /**
     * One exchange: its label ({@code GET /people/v1/users → ✓ 200 OK}), which ends with the
     * {@code answer} drawn in the colour of its {@code status}'s class, whether it opened its
     * connection, its bars and, in words, their numbers. {@code fault} when a fault rule touched it
     * (its server time is drawn in the fault's colour, its numbers name the rule's action after
     * ⚡); {@code broken} when no whole answer came (no answer at all has no response bar, and
     * its label and numbers say why).
     */
    public record Row(long exchangeId, String label, String answer, int status, String tooltip, boolean newConnection,
            boolean rejected, List<Bar> bars, String numbers, boolean fault, boolean broken) {
        public Row {
            bars = List.copyOf(bars);
        }
    }

    /** Idle time cut out of the axis at {@code at}. */
    public record Break(double at, String label) {
    }
}
