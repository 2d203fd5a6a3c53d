package dev.restlab.diagram;

import java.util.Locale;

/** How the diagram and the waterfall write lengths of time: loopback phases take microseconds. */
public final class Durations {

    private Durations() {
    }

    /** {@code 850 µs} under a millisecond, else milliseconds: {@code 1.2 ms}, {@code 12 ms}, {@code 2510 ms}. */
    public static String phase(long micros) {
        if (micros < 1_000) {
            return Math.max(0, micros) + " µs";
        }
        double millis = micros / 1_000.0;
        return millis < 10 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%d ms", Math.round(millis));
    }

    /** An idle time between exchanges, in the unit people say it in: {@code 4.2 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    public static String idle(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 1) {
            return phase(nanos / 1_000);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3_600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3_600 + " h " + whole % 3_600 / 60 + " min";
    }
}
