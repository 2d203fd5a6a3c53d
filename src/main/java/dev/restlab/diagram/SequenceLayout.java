package dev.restlab.diagram;

import dev.restlab.diagram.SequenceDiagram.Activation;
import dev.restlab.diagram.SequenceDiagram.Arrow;
import dev.restlab.diagram.SequenceDiagram.Break;
import dev.restlab.diagram.SequenceDiagram.Direction;
import dev.restlab.diagram.SequenceDiagram.FaultNote;
import dev.restlab.diagram.SequenceDiagram.Lane;
import dev.restlab.diagram.SequenceDiagram.Mark;
import dev.restlab.diagram.SequenceDiagram.MarkKind;
import dev.restlab.diagram.SequenceDiagram.TimeLabel;
import dev.restlab.http.StatusClass;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lays exchanges out as a {@link SequenceDiagram}. Time runs down on a readable scale: every
 * event gets a row even when microseconds apart (loopback), pauses up to a second add room that
 * grows with their logarithm, and longer pauses are cut to a fixed {@link Break} that says how
 * long they were. Widths are estimated for a monospaced font ({@link #CHAR_WIDTH} em a character).
 */
public final class SequenceLayout {

    /** The advance of a monospaced font's character, in ems (DejaVu Sans Mono, Consolas, Menlo: 0.60). */
    public static final double CHAR_WIDTH = 0.61;
    /** Pauses longer than this are drawn as a break. */
    static final long BREAK_AFTER_NANOS = 1_000_000_000L;
    /** The row an arrow needs: its label above the line. */
    static final double ARROW_ROW = 1.8;
    /** The row a connection's accept or close needs. */
    static final double MARK_ROW = 1.1;
    /** What a cut pause takes. */
    static final double BREAK_ROW = 2.2;
    /** Arrow labels are cut to this many characters (the whole line is in the tooltip). */
    static final int MAX_LABEL = 36;

    static final double MARGIN = 1.0;
    static final double TIME_COLUMN = 6.0;
    static final double HEADER = 4.2;
    static final double MIN_LANE_SPACING = 9.0;
    static final double MIN_SERVER_GAP = 10.0;
    /** Lane subtitles and marks are drawn at this share of the font size. */
    public static final double SMALL = 0.85;

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private SequenceLayout() {
    }

    /** One moment to place: something happened on a connection at {@code at} (nanoseconds since the epoch). */
    private record Event(long at, int order, Exchange exchange, Kind kind) {
    }

    /** In this order when two events fall on the same nanosecond. */
    private enum Kind { ACCEPT, REQUEST, REQUEST_DONE, RESPONSE, CLOSE }

    /** The diagram of these exchanges in the system's time zone. */
    public static SequenceDiagram of(List<Exchange> exchanges) {
        return of(exchanges, ZoneId.systemDefault());
    }

    /** The diagram of these exchanges, in any order; clock times in {@code zone}. */
    public static SequenceDiagram of(List<Exchange> exchanges, ZoneId zone) {
        List<Exchange> sorted = new ArrayList<>(exchanges);
        sorted.sort(Comparator.comparingLong((Exchange e) -> epochNanos(e.connection(), e.timings().requestFirstNanos()))
                .thenComparingLong(Exchange::id));
        // One lane per connection, in the order their first exchange shown began.
        Map<Long, Exchange> firstOnConnection = new LinkedHashMap<>();
        for (Exchange e : sorted) {
            firstOnConnection.putIfAbsent(e.connection().id(), e);
        }
        Map<Long, Double> laneX = new LinkedHashMap<>();
        double spacing = MIN_LANE_SPACING;
        for (Exchange first : firstOnConnection.values()) {
            double longest = Math.max(ClientName.of(first).length(), ClientName.address(first).length() * SMALL);
            spacing = Math.max(spacing, longest * CHAR_WIDTH + 2);
        }
        double x = MARGIN + TIME_COLUMN + spacing / 2;
        for (Long id : firstOnConnection.keySet()) {
            laneX.put(id, x);
            x += spacing;
        }
        // A label starts beside its client's lane and may run over the lanes to its right; the
        // room before the server is what the labels of the rightmost lanes still need.
        double lastLane = laneX.isEmpty() ? MARGIN + TIME_COLUMN + spacing / 2 : x - spacing;
        double serverGap = MIN_SERVER_GAP;
        for (Exchange e : sorted) {
            int longest = Math.max(requestLabel(e).length(), responseLabel(e).length());
            serverGap = Math.max(serverGap, longest * CHAR_WIDTH + 3 - (lastLane - laneX.get(e.connection().id())));
        }
        double serverX = lastLane + serverGap;
        // Fault notes stand right of the server's lane.
        double notes = 0;
        for (Exchange e : sorted) {
            notes = Math.max(notes, faultNote(e).map(text -> (text.length() * CHAR_WIDTH * SMALL) + 1.5).orElse(0.0));
        }
        double width = serverX + Math.max(Math.max(spacing / 2, 8), notes + 0.5);

        List<Event> events = events(sorted, firstOnConnection);
        Map<Event, Double> rows = rows(events);
        double bottom = (rows.isEmpty() ? HEADER : rows.values().stream().mapToDouble(Double::doubleValue).max().orElse(HEADER)) + 1.5;

        List<Arrow> arrows = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<TimeLabel> times = new ArrayList<>();
        List<FaultNote> faults = new ArrayList<>();
        Map<Long, double[]> lifelines = new LinkedHashMap<>();
        Map<Long, Double> requestDoneAt = new LinkedHashMap<>();
        for (Event event : events) {
            Exchange e = event.exchange();
            long connection = e.connection().id();
            double laneAt = laneX.get(connection);
            double y = rows.get(event);
            double[] life = lifelines.computeIfAbsent(connection, id -> new double[] {HEADER, bottom});
            switch (event.kind()) {
                case ACCEPT -> {
                    life[0] = y;
                    marks.add(new Mark(MarkKind.ACCEPT, connection, laneAt, y, "accepted"));
                }
                case CLOSE -> {
                    life[1] = y;
                    marks.add(new Mark(MarkKind.CLOSE, connection, laneAt, y, "closed"));
                }
                case REQUEST -> {
                    arrows.add(new Arrow(e.id(), Direction.REQUEST, laneAt, serverX, y, requestLabel(e), tooltip(e), e.rejected(),
                            e.status(), false));
                    times.add(new TimeLabel(y, CLOCK.withZone(zone).format(e.started())));
                }
                case REQUEST_DONE -> requestDoneAt.put(e.id(), y);
                case RESPONSE -> {
                    arrows.add(new Arrow(e.id(), Direction.RESPONSE, serverX, laneAt, y, responseLabel(e), tooltip(e), e.rejected(),
                            e.status(), !e.answered()));
                    double busyFrom = requestDoneAt.getOrDefault(e.id(), y);
                    Optional<FaultMark> fault = FaultMark.of(e);
                    activations.add(new Activation(e.id(), serverX, busyFrom, y, fault.isPresent()));
                    // Beside the server's busy bar, in the middle of the time the fault held it.
                    faultNote(e).ifPresent(text -> faults.add(new FaultNote(e.id(), serverX + 0.9, (busyFrom + y) / 2 + 0.3,
                            text, fault.get().describe())));
                }
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (Exchange first : firstOnConnection.values()) {
            long id = first.connection().id();
            double[] life = lifelines.get(id);
            lanes.add(new Lane(id, ClientName.of(first), ClientName.address(first),
                    ClientName.of(first) + " from " + ClientName.address(first) + ", connection " + id,
                    laneX.get(id), life[0], life[1]));
        }
        String host = sorted.isEmpty() ? "" : Labels.cut(sorted.get(0).request().header("Host").orElse(""), 28);
        lanes.add(new Lane(-1, "server", host, "the server" + (host.isEmpty() ? "" : " at " + host), serverX, HEADER, bottom));
        return new SequenceDiagram(lanes, arrows, activations, marks, breaks(events, rows), times, faults, width, bottom + 0.5);
    }

    /** {@code ⚡ delay 300ms · server 301 ms}: the rule's action and the server's time it cost, for a faulted exchange. */
    private static Optional<String> faultNote(Exchange e) {
        return FaultMark.of(e).map(fault -> fault.label() + " · " + (e.answered() || FaultMark.cutShort(e)
                ? "server " + Durations.phase(e.timings().waitMicros())
                : "waited " + Durations.phase(e.timings().waitMicros())));
    }

    /** Request line, e.g. {@code POST /people/v1/users}; what a rejected request had of one. */
    static String requestLabel(Exchange e) {
        String line = e.request().method().isEmpty() && e.request().target().isEmpty()
                ? "(no request line)" : e.request().method() + " " + e.request().target();
        return Labels.cut(line.strip(), MAX_LABEL);
    }

    /**
     * The class's symbol, status and reason, e.g. {@code ✓ 201 Created}: the class reads without
     * its colour. A rejection says Jetty answered.
     */
    static String responseLabel(Exchange e) {
        if (FaultMark.noAnswer(e)) {
            String why = FaultMark.shortReason(e);
            return StatusClass.label(0) + " no answer" + (why.equals("no answer") ? "" : ": " + why);
        }
        String line = StatusClass.label(e.status()) + " " + e.response().reason();
        return Labels.cut(line.strip() + (e.rejected() ? " (Jetty)" : FaultMark.cutShort(e) ? ", cut short" : ""), MAX_LABEL);
    }

    /** What hovering an arrow tells: the exchange and its phases. */
    static String tooltip(Exchange e) {
        var t = e.timings();
        String answer = FaultMark.noAnswer(e) ? "no answer: " + e.noAnswerReason().orElse("")
                : e.status() + " " + Labels.cut(e.response().reason(), 80)
                        + (e.answered() ? "" : " — " + e.noAnswerReason().orElse(""));
        return Labels.cut(e.request().line(), 200) + "\n" + answer
                + (e.rejected() ? " — rejected by Jetty before any route ran" : "") + "\n"
                + FaultMark.of(e).map(fault -> fault.describe() + "\n").orElse("")
                + "request sent " + Durations.phase(t.sendMicros())
                + " · server " + Durations.phase(t.waitMicros())
                + " · response sent " + Durations.phase(t.receiveMicros())
                + " · total " + Durations.phase(t.totalMicros()) + "\n"
                + "exchange " + e.id() + ", " + ordinal(e.index()) + " on connection " + e.connection().id()
                + (e.index() == 1 ? " (a new connection)" : " (kept alive)");
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static List<Event> events(List<Exchange> sorted, Map<Long, Exchange> firstOnConnection) {
        List<Event> events = new ArrayList<>();
        for (Exchange e : sorted) {
            Connection c = e.connection();
            var t = e.timings();
            // The accept only when the connection's first exchange is shown: else it lies
            // before what is drawn, and the lifeline comes in from the top.
            if (firstOnConnection.get(c.id()) == e && e.index() == 1) {
                events.add(new Event(epochNanos(c, c.acceptedNanos()), Kind.ACCEPT.ordinal(), e, Kind.ACCEPT));
            }
            if (!e.request().method().isEmpty() || e.request().wireBytes() > 0) {
                events.add(new Event(epochNanos(c, t.requestFirstNanos()), Kind.REQUEST.ordinal(), e, Kind.REQUEST));
            }
            events.add(new Event(epochNanos(c, t.requestLastNanos()), Kind.REQUEST_DONE.ordinal(), e, Kind.REQUEST_DONE));
            events.add(new Event(epochNanos(c, t.responseFirstNanos()), Kind.RESPONSE.ordinal(), e, Kind.RESPONSE));
        }
        for (Exchange first : firstOnConnection.values()) {
            Connection c = first.connection();
            if (c.closedNanos() >= 0) {
                events.add(new Event(epochNanos(c, c.closedNanos()), Kind.CLOSE.ordinal(), first, Kind.CLOSE));
            }
        }
        events.sort(Comparator.comparingLong(Event::at).thenComparingInt(Event::order)
                .thenComparingLong(ev -> ev.exchange().id()));
        return events;
    }

    /**
     * The height of each event. The request's last byte takes no row of its own: it only ends
     * the request and starts the server's busy bar, so it shares the row of what comes before it.
     */
    private static Map<Event, Double> rows(List<Event> events) {
        Map<Event, Double> rows = new LinkedHashMap<>();
        double y = HEADER;
        Long previous = null;
        for (Event event : events) {
            if (event.kind() == Kind.REQUEST_DONE) {
                rows.put(event, y);
                continue;
            }
            double step = event.kind() == Kind.ACCEPT || event.kind() == Kind.CLOSE ? MARK_ROW : ARROW_ROW;
            if (previous != null) {
                step += pause(event.at() - previous);
            }
            y += step;
            previous = event.at();
            rows.put(event, y);
        }
        return rows;
    }

    /** Extra room for a pause: none under a millisecond, then one em per tenfold, a break past a second. */
    static double pause(long nanos) {
        if (nanos > BREAK_AFTER_NANOS) {
            return BREAK_ROW;
        }
        double millis = nanos / 1e6;
        return millis <= 1 ? 0 : Math.log10(millis);
    }

    private static List<Break> breaks(List<Event> events, Map<Event, Double> rows) {
        List<Break> breaks = new ArrayList<>();
        Event previous = null;
        for (Event event : events) {
            if (event.kind() == Kind.REQUEST_DONE) {
                continue;
            }
            if (previous != null && event.at() - previous.at() > BREAK_AFTER_NANOS) {
                double from = rows.get(previous);
                double to = rows.get(event);
                double labelRow = event.kind() == Kind.ACCEPT || event.kind() == Kind.CLOSE ? MARK_ROW : ARROW_ROW;
                breaks.add(new Break((from + to - labelRow + 0.6) / 2, Durations.idle(event.at() - previous.at()) + " later"));
            }
            previous = event;
        }
        return breaks;
    }

    /** A moment on a connection's capture clock as nanoseconds since the epoch, comparable across connections. */
    static long epochNanos(Connection c, long captureNanos) {
        Instant at = c.at(captureNanos);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
