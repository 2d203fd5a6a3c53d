package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asserts that exchanges read back from a HAR are the ones written, field by field. */
final class SameExchanges {

    /**
     * The capture's clock counts nanoseconds; the HAR keeps a start and each phase to the
     * microsecond, so a moment found as a start plus a phase may be two microseconds off.
     */
    private static final long ROUNDING_NANOS = 2_000;

    private SameExchanges() {
    }

    static void assertSame(List<Exchange> written, List<Exchange> read) {
        assertEquals(written.size(), read.size(), "number of exchanges");
        Map<Long, Long> connections = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            Exchange w = written.get(i);
            Exchange r = read.get(i);
            String at = "exchange " + (i + 1) + " (" + w + ")";
            assertEquals(w.request().line(), r.request().line(), at + ": request line");
            assertEquals(w.request().headers(), r.request().headers(), at + ": request headers, in order");
            assertArrayEquals(w.request().body().stored(), r.request().body().stored(), at + ": request body");
            assertEquals(w.request().body().size(), r.request().body().size(), at + ": request body size");
            assertEquals(w.request().wireBytes(), r.request().wireBytes(), at + ": request bytes on the wire");
            assertEquals(w.response().statusLine(), r.response().statusLine(), at + ": status line");
            assertEquals(w.response().headers(), r.response().headers(), at + ": response headers, in order");
            assertArrayEquals(w.response().body().stored(), r.response().body().stored(), at + ": response body");
            assertEquals(w.response().body().size(), r.response().body().size(), at + ": response body size");
            assertEquals(w.response().wireBytes(), r.response().wireBytes(), at + ": response bytes on the wire");
            assertEquals(w.rejected(), r.rejected(), at + ": rejected");
            assertEquals(w.index(), r.index(), at + ": place on its connection");
            assertEquals(w.connection().clientAddress(), r.connection().clientAddress(), at + ": client");
            assertEquals(w.connection().clientPort(), r.connection().clientPort(), at + ": client port");
            Long sameAs = connections.putIfAbsent(w.connection().id(), r.connection().id());
            assertEquals(sameAs == null ? r.connection().id() : sameAs, r.connection().id(),
                    at + ": exchanges of one connection come back on one connection");
            assertClose(w.started(), r.started(), at + ": started");
            assertClose(w.connection().accepted(), r.connection().accepted(), at + ": connection accepted");
            assertPhases(w.timings(), r.timings(), at);
        }
        assertEquals(connections.size(), read.stream().map(e -> e.connection().id()).distinct().count(),
                "as many connections as were written");
    }

    private static void assertPhases(Timings w, Timings r, String at) {
        assertEquals(w.sendMicros(), r.sendMicros(), 1, at + ": send");
        assertEquals(w.waitMicros(), r.waitMicros(), 1, at + ": wait");
        assertEquals(w.receiveMicros(), r.receiveMicros(), 1, at + ": receive");
    }

    private static void assertClose(java.time.Instant w, java.time.Instant r, String what) {
        long apart = Math.abs(Duration.between(w, r).toNanos());
        assertTrue(apart <= ROUNDING_NANOS, what + ": " + w + " was read back as " + r);
    }
}
