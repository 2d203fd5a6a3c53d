package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every file of the corpus in {@code src/test/resources/har/}, each in the shape one producer
 * writes (see the README there), imports, shows as curl would, and exports again as valid HAR 1.2
 * that reads back the same.
 */
class HarCorpusTest {

    static final List<String> CORPUS = List.of("chrome-devtools-session.har", "chrome-har-session.har",
            "playwright-recordhar.har", "firefox-session.har", "insomnia-export.har", "har-1.2-required-only.har");

    static byte[] file(String name) throws IOException {
        try (InputStream in = HarCorpusTest.class.getResourceAsStream("/har/" + name)) {
            return in.readAllBytes();
        }
    }

    static Stream<String> corpus() {
        return CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void each_file_imports_shows_and_exports_again_as_valid_har(String name) throws IOException {
        List<Exchange> exchanges = HarImport.read(file(name));

        assertFalse(exchanges.isEmpty(), name);
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange e = exchanges.get(i);
            assertEquals(i + 1, e.id(), "numbered in startedDateTime order");
            assertTrue(CurlText.requestAsSent(e).startsWith(e.request().line() + "\r\n"), CurlText.requestAsSent(e));
            assertTrue(CurlText.curlI(e).startsWith(e.response().statusLine() + "\r\n"), CurlText.curlI(e));
            if (i > 0) {
                assertFalse(e.connection().accepted().isBefore(exchanges.get(i - 1).connection().accepted())
                        && e.started().isBefore(exchanges.get(i - 1).started()), "in order of start");
            }
        }
        byte[] again = new HarExport("127.0.0.1", 5001).json(exchanges);
        Har12.assertValid(again);
        SameExchanges.assertSame(exchanges, HarImport.read(again));
    }

    @Test
    void playwright_timings_without_blocked_and_an_api_request_with_every_timing_unknown() throws IOException {
        List<Exchange> session = HarImport.read(file("playwright-recordhar.har"));

        assertEquals(4, session.size());
        Exchange root = session.get(0);
        assertEquals("GET / HTTP/1.1", root.request().line());
        assertEquals(3_015, root.timings().waitMicros());
        assertEquals(242, root.timings().receiveMicros());
        assertEquals("<h1>The server is up and running!</h1>\n", root.response().body().text());
        Exchange api = session.get(2);
        assertEquals("GET /people/v1/users?name=John HTTP/1.1", api.request().line());
        assertEquals(0, api.durationMicros(), "send, wait and receive -1: not known, so no time is made up");
        assertTrue(api.response().body().text().contains("\"name\": \"John\""));
    }

    @Test
    void playwright_failed_request_shows_that_no_answer_came() throws IOException {
        Exchange refused = HarImport.read(file("playwright-recordhar.har")).get(3);

        assertEquals(0, refused.status());
        assertEquals("HTTP/1.1 0 (no answer: net::ERR_CONNECTION_REFUSED)", refused.response().statusLine());
        assertTrue(refused.response().body().isEmpty(), "content.size -1: nothing known, nothing said to be missing");
    }

    @Test
    void chrome_har_bodies_are_not_in_the_file_and_the_view_says_so() throws IOException {
        List<Exchange> session = HarImport.read(file("chrome-har-session.har"));

        assertEquals(3, session.size());
        Exchange created = session.get(1);
        assertEquals("POST /people/v1/users http/1.1", created.request().line(), "the protocol as CDP names it");
        assertEquals("{\"name\":\"John\",\"email\":\"john@example.com\"}", created.request().body().text());
        assertTrue(created.response().body().leftOutByFile());
        assertTrue(CurlText.curlI(created).endsWith("[the imported file did not hold this body of 105 bytes]\n"),
                CurlText.curlI(created));
        assertEquals(3, session.stream().map(e -> e.connection().id()).distinct().count(), "connections 23, 41, 47");
    }

    @Test
    void firefox_local_times_with_an_offset_and_timings_of_three_phases_or_none() throws IOException {
        List<Exchange> session = HarImport.read(file("firefox-session.har"));

        assertEquals(Instant.parse("2025-10-24T10:46:45.094Z"), session.get(0).started());
        Exchange created = session.get(1);
        assertEquals(201, created.status());
        assertEquals(4_000, created.timings().waitMicros(), "{send, wait, receive} only");
        assertEquals(Instant.parse("2025-10-24T10:46:47.563Z"), created.started(), "nothing before the request");
        Exchange list = session.get(2);
        assertEquals(0, list.durationMicros(), "timings {}: nothing known");
        assertEquals(List.of(1, 2, 3), session.stream().map(Exchange::index).toList(),
                "connection is the server's port for all three: one connection as the file says");
    }

    @Test
    void insomnia_entries_of_one_moment_keep_the_files_order_and_an_unsent_request_has_no_answer() throws IOException {
        List<Exchange> session = HarImport.read(file("insomnia-export.har"));

        assertEquals(List.of("POST", "DELETE"), session.stream().map(Exchange::method).toList());
        assertEquals(5_217, session.get(0).timings().waitMicros());
        assertEquals("{\n\t\"name\": \"John\",\n\t\"email\": \"john@example.com\"\n}", session.get(0).request().body().text());
        assertEquals("HTTP/1.1 0 (no answer)", session.get(1).response().statusLine());
        assertTrue(session.get(1).request().body().isEmpty());
    }

    @Test
    void the_specifications_required_fields_alone_are_enough() throws IOException {
        Exchange test = HarImport.read(file("har-1.2-required-only.har")).get(0);

        assertEquals("GET /test/ HTTP/1.1", test.request().line());
        assertEquals(1_000, test.timings().waitMicros());
        assertEquals(41, test.response().body().size());
        assertTrue(test.response().body().leftOutByFile());
    }
}
