package dev.restlab.diagram;

import java.util.List;

/**
 * A sequence diagram of exchanges, laid out and ready to draw: lanes (one per client connection,
 * the server's last), an arrow per request and per response, the server's busy time, the
 * connections' accepts and closes, and breaks where the traffic paused. Coordinates are in ems
 * of the drawing's font, x to the right and y down, so the picture scales with the text size.
 */
public record SequenceDiagram(List<Lane> lanes, List<Arrow> arrows, List<Activation> activations,
        List<Mark> marks, List<Break> breaks, List<TimeLabel> times, List<FaultNote> faults, double width, double height) {

    public SequenceDiagram {
        lanes = List.copyOf(lanes);
        faults = List.copyOf(faults);
        arrows = List.copyOf(arrows);
        activations = List.copyOf(activations);
        marks = List.copyOf(marks);
        breaks = List.copyOf(breaks);
        times = List.copyOf(times);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return arrows.isEmpty();
    }

    /**
     * One vertical lifeline. {@code connectionId} is -1 for the server; {@code from} and
     * {@code to} are where the line runs (a connection's lifeline from its accept to its close).
     */
    public record Lane(long connectionId, String title, String subtitle, String tooltip, double x, double from, double to) {
        public boolean isServer() {
            return connectionId < 0;
        }
    }

    /** What an arrow carries: the request to the server, or the response back. */
    public enum Direction { REQUEST, RESPONSE }

    /**
     * One message: drawn from {@code fromX} to {@code toX} at height {@code y}, its label above it.
     * {@code status} is the answer's code (a response arrow is drawn in its class's colour, its label
     * starts with the class's symbol). A {@code broken} response never reached the client whole:
     * the connection was reset or closed before any answer, or in the middle of it; its label says why.
     */
    public record Arrow(long exchangeId, Direction direction, double fromX, double toX, double y, String label,
            String tooltip, boolean rejected, int status, boolean broken) {
    }

    /**
     * The server busy with one exchange: from the request's last byte to the response's first (or
     * to the end, when no answer came). {@code fault} when a fault rule held it up on purpose.
     */
    public record Activation(long exchangeId, double x, double from, double to, boolean fault) {
    }

    /**
     * What a fault rule did to an exchange, beside the server's lane at {@code y}: e.g.
     * {@code ⚡ delay 300ms · server 301 ms}; the tooltip names the rule and what a good client does.
     */
    public record FaultNote(long exchangeId, double x, double y, String text, String tooltip) {
    }

    /** What happened to a connection. */
    public enum MarkKind { ACCEPT, CLOSE }

    /** A connection accepted or closed, on its lane. */
    public record Mark(MarkKind kind, long connectionId, double x, double y, String label) {
    }

    /** A pause in the traffic cut short: the drawing skips {@code label} of idle time at {@code y}. */
    public record Break(double y, String label) {
    }

    /** The clock time of a request, in the margin at the arrow's height. */
    public record TimeLabel(double y, String text) {
    }
}
