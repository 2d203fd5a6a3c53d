package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small file must not describe more than RestLab can hold: the import counts what it reads,
 * refuses past each bound before keeping it, and says why, naming the entry where it can.
 */
class HarImportBoundsTest {

    private static final String ENTRY = "{\"startedDateTime\":\"2025-10-24T10:46:45.000Z\","
            + "\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:5001/\"},\"response\":{\"status\":200}}";

    private static String har(String entries) {
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"t\",\"version\":\"1\"},\"entries\":[" + entries + "]}}";
    }

    private static String times(String one, int count) {
        StringBuilder all = new StringBuilder(count * (one.length() + 1));
        for (int i = 0; i < count; i++) {
            all.append(i == 0 ? "" : ",").append(one);
        }
        return all.toString();
    }

    /** Counts the bytes the import took from the stream: proof that it stopped early. */
    private static final class Counted extends FilterInputStream {
        long read;

        Counted(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(0, n);
            return n;
        }
    }

    private static HarProblem refused(String json) {
        return assertThrows(HarProblem.class, () -> HarImport.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_million_empty_entries_are_refused_at_the_first_without_reading_the_rest() {
        byte[] file = har(times("{}", 1_000_000)).getBytes(StandardCharsets.UTF_8);
        Counted in = new Counted(file);

        HarProblem problem = assertThrows(HarProblem.class, () -> HarImport.read(in));

        assertEquals("Entry 1 of this HAR file cannot be used: request is missing.", problem.getMessage());
        assertEquals(1, problem.entry());
        assertFalse(problem.notHar(), "it is HAR, with an entry RestLab cannot use");
        assertTrue(in.read < 200_000, "read " + in.read + " of " + file.length + " bytes");
    }

    @Test
    void more_entries_than_the_live_log_keeps_are_refused_and_as_many_are_imported() throws IOException {
        List<Exchange> most = HarImport.read(har(times(ENTRY, HarImport.MOST_ENTRIES)).getBytes(StandardCharsets.UTF_8));
        assertEquals(10_000, most.size());

        HarProblem problem = refused(har(times(ENTRY, HarImport.MOST_ENTRIES + 1)));
        assertEquals("This HAR file is more than RestLab imports: it has more than 10,000 entries, as many as"
                + " RestLab keeps of live traffic.", problem.getMessage());
        assertEquals(0, problem.entry());
    }

    @Test
    void an_entry_of_a_million_headers_is_refused_at_its_bound_without_reading_the_rest() {
        String headers = times("{}", 1_000_000);
        byte[] file = har(ENTRY.replace("\"method\":\"GET\"", "\"method\":\"GET\",\"headers\":[" + headers + "]"))
                .getBytes(StandardCharsets.UTF_8);
        Counted in = new Counted(file);

        HarProblem problem = assertThrows(HarProblem.class, () -> HarImport.read(in));

        assertEquals("Entry 1 of this HAR file cannot be used: it holds more than 10,000 values in the fields"
                + " RestLab reads (headers, bodies, timings).", problem.getMessage());
        assertTrue(in.read < 200_000, "read " + in.read + " of " + file.length + " bytes");
    }

    @Test
    void all_entries_together_are_bounded_too() {
        String entry = ENTRY.replace("\"method\":\"GET\"", "\"method\":\"GET\",\"headers\":["
                + times("{\"name\":\"A\",\"value\":\"b\"}", 10) + "]");
        HarImport.Limits small = new HarImport.Limits(100, 50, 100, 1_000);

        HarProblem problem = assertThrows(HarProblem.class, () -> HarImport.read(
                new ByteArrayInputStream(har(times(entry, 4)).getBytes(StandardCharsets.UTF_8)), small));

        assertEquals("This HAR file is more than RestLab imports: its entries hold more than 100 values in the"
                + " fields RestLab reads.", problem.getMessage());
    }

    @Test
    void fields_restlab_does_not_read_are_skipped_and_not_counted() throws IOException {
        String stack = "{\"callFrames\":[" + times("{\"functionName\":\"f\",\"url\":\"u\",\"lineNumber\":1}", 20_000) + "]}";
        String entry = ENTRY.replace("{\"startedDateTime\"", "{\"_initiator\":{\"type\":\"script\",\"stack\":" + stack
                + "},\"_webSocketMessages\":[" + times("{\"data\":\"x\"}", 20_000) + "],\"startedDateTime\"");

        List<Exchange> read = HarImport.read(har(entry).getBytes(StandardCharsets.UTF_8));

        assertEquals("GET / HTTP/1.1", read.get(0).request().line());
    }

    @Test
    void bodies_share_the_live_logs_budget_and_past_it_restlab_says_it_cut_them() throws IOException {
        String body = ENTRY.replace("\"status\":200", "\"status\":200,\"content\":{\"size\":8,\"text\":\"12345678\"}");
        HarImport.Limits small = new HarImport.Limits(100, 1_000, 10_000, 10);

        List<Exchange> read = HarImport.read(new ByteArrayInputStream(har(body + "," + body)
                .getBytes(StandardCharsets.UTF_8)), small);

        assertEquals("12345678", read.get(0).response().body().text());
        assertEquals("12", read.get(1).response().body().text());
        assertTrue(CurlText.curlI(read.get(1)).endsWith("[RestLab kept the first 2 of 8 bytes of this body]\n"));
    }

    @Test
    void entries_dated_year_1_or_9999_are_refused_with_the_reason() {
        String year1 = ENTRY.replace("2025-10-24T10:46:45.000Z", "0001-01-01T00:00:00.000Z");
        String year9999 = ENTRY.replace("2025-10-24T10:46:45.000Z", "9999-12-31T23:59:59.999Z");

        assertEquals("Entry 2 of this HAR file cannot be used: startedDateTime \"0001-01-01T00:00:00.000Z\" is not a"
                + " time a recording can have (RestLab reads 1970 to 2199).", refused(har(ENTRY + "," + year1)).getMessage());
        assertEquals("Entry 1 of this HAR file cannot be used: startedDateTime \"9999-12-31T23:59:59.999Z\" is not a"
                + " time a recording can have (RestLab reads 1970 to 2199).", refused(har(year9999 + "," + ENTRY)).getMessage());
        assertEquals("Entry 1 of this HAR file cannot be used: startedDateTime \"yesterday\" is not a date and time as"
                + " HAR writes them (ISO 8601, e.g. 2025-10-24T10:46:45.123Z).",
                refused(har(ENTRY.replace("2025-10-24T10:46:45.000Z", "yesterday"))).getMessage());
    }

    @Test
    void not_har_is_told_apart_from_har_with_something_restlab_cannot_use() {
        for (String notHar : List.of("[]", "{\"log\":{}}", "{\"log\":[]}", "{\"log\":{\"entries\":{}}}", "{\"log\"",
                "{\"entries\":[]}", "")) {
            HarProblem problem = refused(notHar);
            assertTrue(problem.notHar(), notHar + ": " + problem.getMessage());
            assertTrue(problem.getMessage().startsWith("This is not a HAR file: "), problem.getMessage());
        }
        assertEquals("This is not a HAR file: it ends in the middle of its JSON (at line 1, column 7); was it cut short?",
                refused("{\"log\"").getMessage());

        String noUrl = "{\"request\":{\"method\":\"GET\"},\"response\":{\"status\":200}}";
        assertEquals("Entry 2 of this HAR file cannot be used: request.url is missing.",
                refused(har(ENTRY + "," + noUrl)).getMessage());
        assertEquals("Entry 1 of this HAR file cannot be used: timings.wait \"soon\" is not a number.",
                refused(har(ENTRY.replace("\"status\":200}", "\"status\":200},\"timings\":{\"wait\":\"soon\"}"))).getMessage());
        assertEquals("Entry 1 of this HAR file cannot be used: response.status 1000 is not an HTTP status (0 to 999).",
                refused(har(ENTRY.replace("200", "1000"))).getMessage());
        assertTrue(refused(har(ENTRY.replace("\"status\":200", "\"status\":200,\"content\":{\"encoding\":\"base64\","
                + "\"text\":\"not base64!\"}"))).getMessage().startsWith(
                "Entry 1 of this HAR file cannot be used: response.content.text is not valid base64"));
        assertEquals("Entry 1 of this HAR file cannot be used: timings.send 1000000000000 ms is longer than RestLab can"
                + " place (11 days at most).",
                refused(har(ENTRY.replace("\"status\":200}", "\"status\":200},\"timings\":{\"send\":1e12}"))).getMessage());
    }

    @Test
    void a_byte_order_mark_and_a_missing_timings_object_are_accepted() throws IOException {
        byte[] json = ("\uFEFF" + har(ENTRY)).getBytes(StandardCharsets.UTF_8);

        Exchange e = HarImport.read(json).get(0);

        assertEquals(0, e.durationMicros());
        assertEquals("HTTP/1.1 200", e.response().statusLine());
    }
}
