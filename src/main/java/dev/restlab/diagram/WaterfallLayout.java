package dev.restlab.diagram;

import dev.restlab.diagram.Waterfall.Bar;
import dev.restlab.diagram.Waterfall.Break;
import dev.restlab.diagram.Waterfall.Phase;
import dev.restlab.diagram.Waterfall.Row;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lays exchanges out as a {@link Waterfall}. Busy time is linear; a pause between exchanges
 * longer than a quarter of all busy time (and over a millisecond) is cut to a fixed width.
 */
public final class WaterfallLayout {

    /** Row labels are cut to this many characters. */
    static final int MAX_LABEL = 44;
    /** The request line keeps at least this many characters of the label. */
    private static final int MIN_REQUEST = 12;
    /** The width, as a share of the busy time, that a cut pause keeps. */
    static final double BREAK_SHARE = 0.06;

    private WaterfallLayout() {
    }

    /** An exchange's busy interval on the shared clock (nanoseconds since the epoch). */
    private record Span(Exchange exchange, long from, long to) {
    }

    public static Waterfall of(List<Exchange> exchanges) {
        List<Span> spans = new ArrayList<>();
        for (Exchange e : exchanges) {
            Connection c = e.connection();
            Timings t = e.timings();
            long from = SequenceLayout.epochNanos(c, isNew(e) ? Math.min(c.acceptedNanos(), t.requestFirstNanos()) : t.requestFirstNanos());
            long to = SequenceLayout.epochNanos(c, Math.max(t.requestLastNanos(), t.responseLastNanos()));
            spans.add(new Span(e, from, to));
        }
        spans.sort(Comparator.comparingLong(Span::from).thenComparingLong(s -> s.exchange().id()));
        Axis axis = Axis.of(spans);
        List<Row> rows = new ArrayList<>();
        for (Span span : spans) {
            rows.add(row(span.exchange(), axis));
        }
        return new Waterfall(rows, axis.breaks, spans.isEmpty() ? "" : Durations.idle(axis.wallNanos) + " in all");
    }

    /** True for the first exchange on its connection: the connection was opened for it. */
    static boolean isNew(Exchange e) {
        return e.index() == 1 && e.connection().acceptedNanos() <= e.timings().requestFirstNanos();
    }

    private static Row row(Exchange e, Axis axis) {
        Connection c = e.connection();
        Timings t = e.timings();
        List<Bar> bars = new ArrayList<>();
        if (isNew(e)) {
            bars.add(bar(Phase.CONNECT, c, c.acceptedNanos(), t.requestFirstNanos(), axis));
        }
        bars.add(bar(Phase.REQUEST, c, t.requestFirstNanos(), t.requestLastNanos(), axis));
        bars.add(bar(Phase.SERVER, c, t.requestLastNanos(), t.responseFirstNanos(), axis));
        boolean noAnswer = FaultMark.noAnswer(e);
        if (!noAnswer) {
            bars.add(bar(Phase.RESPONSE, c, t.responseFirstNanos(), t.responseLastNanos(), axis));
        }
        StringBuilder numbers = new StringBuilder();
        for (Bar bar : bars) {
            if (bar.phase() != Phase.CONNECT) {
                // With no answer, the server's time is how long the client waited for nothing.
                String words = noAnswer && bar.phase() == Phase.SERVER ? "waited" : bar.phase().words();
                numbers.append(numbers.length() == 0 ? "" : " · ").append(words).append(' ').append(bar.duration());
            }
        }
        if (!e.answered()) {
            numbers.append(" · ").append(noAnswer ? "no answer: " : "").append(FaultMark.shortReason(e));
        }
        Optional<FaultMark> fault = FaultMark.of(e);
        fault.ifPresent(mark -> numbers.append(" · ").append(mark.label()));
        if (isNew(e)) {
            numbers.append(" · new connection (accepted ").append(bars.get(0).duration()).append(" before)");
        }
        // The answer is cut first, so that the label ends with it whole, as the drawing colours it.
        String answer = Labels.cut(SequenceLayout.responseLabel(e), MAX_LABEL - 3 - MIN_REQUEST);
        String label = Labels.cut(SequenceLayout.requestLabel(e), MAX_LABEL - 3 - answer.length()) + " → " + answer;
        return new Row(e.id(), label, answer, e.status(), SequenceLayout.tooltip(e), isNew(e), e.rejected(), bars,
                numbers.toString(), fault.isPresent(), !e.answered());
    }

    private static Bar bar(Phase phase, Connection c, long fromNanos, long toNanos, Axis axis) {
        long from = SequenceLayout.epochNanos(c, fromNanos);
        long to = SequenceLayout.epochNanos(c, Math.max(fromNanos, toNanos));
        return new Bar(phase, axis.at(from), axis.at(to), (to - from) / 1_000);
    }

    /** Maps a moment to its place on the axis, pauses cut out. */
    private static final class Axis {
        /** Where each busy stretch starts on the clock and on the (not yet normalised) axis. */
        private final List<long[]> stretches = new ArrayList<>();
        private final List<Double> stretchStarts = new ArrayList<>();
        private final List<Break> breaks = new ArrayList<>();
        private double length;
        private long wallNanos;

        static Axis of(List<Span> spans) {
            Axis axis = new Axis();
            if (spans.isEmpty()) {
                return axis;
            }
            // Merge overlapping spans into busy stretches.
            List<long[]> busy = new ArrayList<>();
            for (Span span : spans) {
                long[] last = busy.isEmpty() ? null : busy.get(busy.size() - 1);
                if (last != null && span.from() <= last[1]) {
                    last[1] = Math.max(last[1], span.to());
                } else {
                    busy.add(new long[] {span.from(), span.to()});
                }
            }
            long busyNanos = 0;
            for (long[] stretch : busy) {
                busyNanos += stretch[1] - stretch[0];
            }
            busyNanos = Math.max(busyNanos, 1_000); // all phases at one moment: still an axis
            long cutOver = Math.max(1_000_000, busyNanos / 4);
            double breakWidth = busyNanos * BREAK_SHARE;
            double position = 0;
            List<double[]> cuts = new ArrayList<>();
            for (int i = 0; i < busy.size(); i++) {
                if (i > 0) {
                    long pause = busy.get(i)[0] - busy.get(i - 1)[1];
                    if (pause > cutOver) {
                        cuts.add(new double[] {position + breakWidth / 2, pause});
                        position += breakWidth;
                    } else {
                        position += pause;
                    }
                }
                axis.stretches.add(busy.get(i));
                axis.stretchStarts.add(position);
                position += busy.get(i)[1] - busy.get(i)[0];
            }
            axis.length = Math.max(position, 1);
            axis.wallNanos = busy.get(busy.size() - 1)[1] - busy.get(0)[0];
            for (double[] cut : cuts) {
                axis.breaks.add(new Break(cut[0] / axis.length, Durations.idle((long) cut[1]) + " idle"));
            }
            return axis;
        }

        double at(long nanos) {
            for (int i = stretches.size() - 1; i >= 0; i--) {
                long[] stretch = stretches.get(i);
                if (nanos >= stretch[0]) {
                    return Math.min(stretchStarts.get(i) + (nanos - stretch[0]), axisEnd(i)) / length;
                }
            }
            return 0;
        }

        private double axisEnd(int i) {
            return stretchStarts.get(i) + (stretches.get(i)[1] - stretches.get(i)[0]);
        }
    }
}
