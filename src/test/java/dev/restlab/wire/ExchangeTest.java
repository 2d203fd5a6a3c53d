package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeTest {

    private final Exchange exchange = Exchange.builder().request("GET", "/people/v1/users?name=John")
            .requestHeader("host", "x").responseHeader("Content-Type", "application/json")
            .responseBody(new Body(new byte[10], 300_000)).build();

    @Test
    void headers_are_found_without_regard_to_case() {
        assertEquals(Optional.of("x"), exchange.request().header("Host"));
        assertEquals(Optional.of("application/json"), exchange.response().header("content-type"));
        assertEquals(Optional.empty(), exchange.response().header("Location"));
    }

    @Test
    void path_is_the_target_without_its_query() {
        assertEquals("/people/v1/users", exchange.path());
        assertEquals("/people/v1/users?name=John", exchange.target());
        Exchange toAProxy = Exchange.builder().request("GET", "http://127.0.0.1:5001/people/v1/users?name=John").build();
        assertEquals("/people/v1/users", toAProxy.path(), "the absolute form names the same path");
        assertEquals("John", toAProxy.request().requestTarget().query().first("name").orElseThrow());
    }

    @Test
    void truncated_when_a_stored_body_is_shorter_than_the_real_one() {
        assertTrue(exchange.truncated());
        assertTrue(exchange.response().body().truncated());
        assertFalse(exchange.request().body().truncated());
        assertFalse(TrafficLogTest.exchange("/", 5).truncated());
    }

    @Test
    void a_body_never_claims_fewer_bytes_than_it_keeps() {
        assertEquals(3, new Body(new byte[3], 0).size());
        assertEquals(Body.EMPTY, Body.of(new byte[0]));
    }

    @Test
    void the_builder_takes_only_what_a_test_states_and_plain_defaults_for_the_rest() {
        Exchange built = Exchange.builder().request("DELETE", "/x").status(204, "No Content").build();
        assertEquals("DELETE /x HTTP/1.1", built.request().line());
        assertEquals("HTTP/1.1 204 No Content", built.response().statusLine());
        assertEquals("127.0.0.1", built.connection().clientAddress());
        assertEquals(1, built.index());
        assertFalse(built.rejected());
        assertEquals(List.of(), built.response().interim());
        assertEquals(0, built.durationMicros());
    }

    @Test
    void a_status_line_without_a_reason_has_no_trailing_space() {
        assertEquals("HTTP/1.1 299", Exchange.builder().status(299, "").build().response().statusLine());
    }

    @Test
    void started_is_the_connection_clock_placed_on_the_wall_clock() {
        Instant accepted = Instant.parse("2026-11-26T10:00:00Z");
        Connection connection = new Connection(9, "::1", 4000, accepted, 500);
        Exchange second = Exchange.builder().connection(connection, 2).timings(Timings.at(1_500)).build();
        assertEquals(accepted.plusNanos(1_000), second.started());
        assertEquals(2, second.index());
        assertEquals(9, second.connection().id());
    }

    @Test
    void the_memory_an_exchange_is_counted_for_includes_its_interim_answers() {
        Exchange plain = Exchange.builder().build();
        Exchange hinted = Exchange.builder().interim(100, "Continue").interim(103, "Early Hints").build();
        assertTrue(hinted.storedBytes() >= plain.storedBytes() + 2 * "Early Hints".length(),
                plain.storedBytes() + " and " + hinted.storedBytes());
    }
}
