package dev.restlab.diagram;

import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import java.time.Instant;

/** Exchanges for the layout tests, every moment given in nanoseconds after {@link #T0}. */
final class Traffic {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final String CURL = "curl/7.88.1";

    private Traffic() {
    }

    /** A connection from 127.0.0.1:{@code port}, accepted {@code acceptedAt} after T0. */
    static Connection connection(long id, int port, long acceptedAt) {
        return new Connection(id, "127.0.0.1", port, T0.plusNanos(acceptedAt), acceptedAt);
    }

    /** An exchange sent by curl whose four phases begin {@code at} after T0 and take 10, 200, 30 µs. */
    static Exchange exchange(long id, Connection on, int index, String method, String target, int status, String reason,
            long at) {
        return exchange(id, on, index, method, target, status, reason, at, CURL);
    }

    static Exchange exchange(long id, Connection on, int index, String method, String target, int status, String reason,
            long at, String userAgent) {
        return Exchange.builder().id(id).connection(on, index).request(method, target)
                .requestHeader("Host", "127.0.0.1:5001").requestHeader("User-Agent", userAgent)
                .status(status, reason)
                .timings(new Timings(at, at + 10_000, at + 210_000, at + 240_000))
                .build();
    }

    static long millis(long millis) {
        return millis * 1_000_000L;
    }

    static long seconds(long seconds) {
        return seconds * 1_000_000_000L;
    }
}
