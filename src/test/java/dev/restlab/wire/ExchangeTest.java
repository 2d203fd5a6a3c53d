package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeTest {

    private final Exchange exchange = new Exchange(1, Instant.now(), "127.0.0.1", 1234, 5, "GET",
            "/people/v1/users?name=John", "HTTP/1.1", List.of(new Header("host", "x")), new byte[0], 0,
            200, "OK", "HTTP/1.1", List.of(new Header("Content-Type", "application/json")),
            new byte[10], 300_000, 10, 20);

    @Test
    void headers_are_found_without_regard_to_case() {
        assertEquals(Optional.of("x"), exchange.requestHeader("Host"));
        assertEquals(Optional.of("application/json"), exchange.responseHeader("content-type"));
        assertEquals(Optional.empty(), exchange.responseHeader("Location"));
    }

    @Test
    void path_is_the_target_without_its_query() {
        assertEquals("/people/v1/users", exchange.path());
    }

    @Test
    void truncated_when_a_stored_body_is_shorter_than_the_real_one() {
        assertTrue(exchange.truncated());
        assertFalse(TrafficLogTest.exchange("/", 5).truncated());
    }

    @Test
    void the_short_constructor_means_a_route_answered() {
        assertFalse(exchange.rejected());
        assertEquals("", exchange.interimResponses());
    }
}
