package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.wire.Body;
import dev.restlab.wire.Connection;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import dev.restlab.wire.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarExportTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-26T10:00:00.000100Z");
    private final HarExport export = new HarExport("127.0.0.1", 5001);

    /** A POST and a GET on one kept-alive connection, a rejected request on a second one. */
    private final List<Exchange> session = session();

    private static List<Exchange> session() {
        Connection keptAlive = new Connection(7, "127.0.0.1", 53422, ACCEPTED, 1_000_000);
        Exchange post = Exchange.builder().connection(keptAlive, 1)
                .request("POST", "/people/v1/users")
                .requestHeader("Host", "127.0.0.1:5001").requestHeader("User-Agent", "curl/7.88.1")
                .requestHeader("Content-Type", "application/json").requestHeader("Content-Length", "45")
                .requestBody("{\"name\": \"John\", \"email\": \"john@example.com\"}")
                .status(201, "Created").responseHeader("Content-Type", "text/plain;charset=utf-8")
                .responseHeader("Content-Length", "67")
                .responseBody("User created successfully! ID: 0b5e3f8a-2c1d-4e6f-9a7b-1c2d3e4f5a6b")
                .wireBytes(178, 153)
                .timings(new Timings(1_350_000, 1_420_000, 2_670_000, 2_700_000))
                .build();
        Exchange get = Exchange.builder().connection(keptAlive, 2)
                .request("GET", "/people/v1/users?name=J%C3%B6rg&all")
                .requestHeader("Host", "127.0.0.1:5001").requestHeader("Accept", "*/*")
                .status(302, "Found").responseHeader("Location", "/people/v1/users/")
                .responseBody(new Body(new byte[] {1, 2, 3}, 400_000))
                .wireBytes(80, 400_060)
                .timings(new Timings(9_000_000, 9_000_000, 11_600_000, 11_900_000))
                .build();
        Exchange rejected = Exchange.builder().connectionId(8).client("127.0.0.1", 53430)
                .started(ACCEPTED.plusMillis(20))
                .request("GARBAGE", "").requestVersion("")
                .status(400, "Bad Request").responseBody(Body.of(new byte[] {0, (byte) 0xff, 'x'}))
                .wireBytes(9, 120)
                .rejected(true).build();
        return List.of(post, get, rejected);
    }

    @Test
    void an_export_is_valid_har_1_2() throws IOException {
        Har12.assertValid(export.json(session));
    }

    @Test
    void the_check_finds_what_is_missing_or_wrong() throws IOException {
        JsonObject har = parse(export.json(session));
        JsonObject entry = entries(har).get(0).getAsJsonObject();
        entry.remove("cache");
        entry.addProperty("time", 999);
        entry.addProperty("notInTheSpec", 1);
        entry.getAsJsonObject("request").addProperty("headersSize", "12");
        entries(har).get(1).getAsJsonObject().getAsJsonObject("timings").addProperty("connect", 3);
        List<String> problems = Har12.problems(har.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(problems.contains("log.entries[0].cache is missing"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("log.entries[0].time is 999.0")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("field notInTheSpec")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("log.entries[0].request.headersSize is not a number")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("connection 53422 has a connect time on 2 entries")),
                problems.toString());
    }

    @Test
    void log_names_the_version_and_restlab_as_its_creator() throws IOException {
        JsonObject log = parse(export.json(session)).getAsJsonObject("log");
        assertEquals("1.2", log.get("version").getAsString());
        assertEquals("RestLab", log.getAsJsonObject("creator").get("name").getAsString());
        assertFalse(log.getAsJsonObject("creator").get("version").getAsString().isBlank());
        assertEquals(3, log.getAsJsonArray("entries").size());
    }

    @Test
    void connect_only_on_a_connections_first_exchange_and_time_is_the_sum_of_the_timings() throws IOException {
        JsonArray entries = entries(parse(export.json(session)));
        JsonObject first = entries.get(0).getAsJsonObject();
        JsonObject firstTimings = first.getAsJsonObject("timings");
        // accept at 1.0 ms, first byte at 1.35 ms: 0.35 ms, 70 µs to send, 1.25 ms to answer, 30 µs to send it
        assertEquals(0, firstTimings.get("connect").getAsLong());
        assertEquals(350, firstTimings.get("_connectMicros").getAsLong());
        assertEquals(0, firstTimings.get("send").getAsLong());
        assertEquals(1, firstTimings.get("wait").getAsLong());
        assertEquals(1250, firstTimings.get("_waitMicros").getAsLong());
        assertEquals(-1, firstTimings.get("blocked").getAsLong());
        assertEquals(-1, firstTimings.get("dns").getAsLong());
        assertEquals(ACCEPTED, Instant.parse(first.get("startedDateTime").getAsString()),
                "a connection's first entry starts at the accept, so that connect fits in its time");
        JsonObject second = entries.get(1).getAsJsonObject();
        JsonObject secondTimings = second.getAsJsonObject("timings");
        assertEquals(-1, secondTimings.get("connect").getAsLong());
        assertFalse(secondTimings.has("_connectMicros"));
        assertEquals(3, secondTimings.get("wait").getAsLong()); // 2.6 ms, rounded
        assertEquals(0 + 3 + 0, second.get("time").getAsLong());
        assertEquals("53422", second.get("connection").getAsString(), "the client's port, which DevTools reads as a port");
        assertEquals("7", second.get("_connectionId").getAsString(), "RestLab's number for the connection");
        assertEquals(ACCEPTED.plusNanos(8_000_000), Instant.parse(second.get("startedDateTime").getAsString()));
        assertEquals("127.0.0.1", second.get("serverIPAddress").getAsString());
    }

    @Test
    void request_keeps_url_headers_in_order_query_and_body() throws IOException {
        JsonArray entries = entries(parse(export.json(session)));
        JsonObject post = entries.get(0).getAsJsonObject().getAsJsonObject("request");
        assertEquals("POST", post.get("method").getAsString());
        assertEquals("http://127.0.0.1:5001/people/v1/users", post.get("url").getAsString());
        assertEquals("HTTP/1.1", post.get("httpVersion").getAsString());
        assertEquals(List.of("Host", "User-Agent", "Content-Type", "Content-Length"), names(post.getAsJsonArray("headers")));
        assertEquals("application/json", post.getAsJsonObject("postData").get("mimeType").getAsString());
        assertEquals("{\"name\": \"John\", \"email\": \"john@example.com\"}",
                post.getAsJsonObject("postData").get("text").getAsString());
        assertEquals(45, post.get("bodySize").getAsLong());
        assertEquals(0, post.getAsJsonArray("cookies").size());

        JsonObject get = entries.get(1).getAsJsonObject().getAsJsonObject("request");
        assertFalse(get.has("postData"), "a request without a body has no postData");
        JsonArray query = get.getAsJsonArray("queryString");
        assertEquals("name", query.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("Jörg", query.get(0).getAsJsonObject().get("value").getAsString());
        assertEquals("all", query.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals("", query.get(1).getAsJsonObject().get("value").getAsString());
    }

    @Test
    void a_request_without_host_is_named_by_the_server_address() throws IOException {
        JsonObject request = entries(parse(new HarExport("127.0.0.1", 5099).json(List.of(
                Exchange.builder().request("GET", "/test/").requestVersion("HTTP/1.0").build()))))
                .get(0).getAsJsonObject().getAsJsonObject("request");
        assertEquals("http://127.0.0.1:5099/test/", request.get("url").getAsString());
    }

    @Test
    void an_answer_a_fault_rule_shaped_says_so_and_what_a_good_client_does_in_its_comment() throws IOException {
        JsonArray entries = entries(parse(new HarExport("127.0.0.1", 5001).json(List.of(
                Exchange.builder().request("POST", "/people/v1/users")
                        .status(503, "Service Unavailable").responseHeader("RestLab-Fault", "status 503 on POST")
                        .responseHeader("Retry-After", "2").build(),
                Exchange.builder().request("GET", "/").status(200, "OK").build()))));
        String comment = entries.get(0).getAsJsonObject().get("comment").getAsString();
        assertTrue(comment.startsWith("Fault on purpose: status 503 on POST. The server answers 503"), comment);
        assertTrue(comment.contains("never blindly retries a POST"), comment);
        assertTrue(comment.endsWith("(RestLab)"), comment);
        assertTrue(!entries.get(1).getAsJsonObject().has("comment"), "an ordinary answer has no such comment");
    }

    @Test
    void a_request_reset_without_answer_is_an_entry_of_status_0_that_says_why_and_which_rule() throws IOException {
        List<Exchange> session = List.of(Exchange.builder().request("POST", "/people/v1/users")
                .requestHeader("Content-Type", "application/json").requestBody("{}")
                .ending(Ending.RESET_BY_SERVER).faultRule("reset on POST").build());
        byte[] json = new HarExport("127.0.0.1", 5001).json(session);
        JsonObject entry = entries(parse(json)).get(0).getAsJsonObject();
        JsonObject response = entry.getAsJsonObject("response");
        assertEquals(0, response.get("status").getAsInt());
        assertEquals("(no answer: connection reset by the server before any answer)",
                response.get("statusText").getAsString());
        assertEquals("connection reset by the server before any answer", response.get("_error").getAsString());
        assertEquals("reset on POST", entry.get("_fault").getAsString());
        assertEquals(0, response.get("headersSize").getAsLong(), "no byte of an answer came");
        assertEquals(0, response.get("bodySize").getAsLong());
        String comment = entry.get("comment").getAsString();
        assertTrue(comment.startsWith("Fault on purpose: reset on POST. The connection is reset before any answer"),
                comment);
        assertTrue(comment.contains("No answer: connection reset by the server before any answer."), comment);
        assertTrue(comment.contains("This POST is not idempotent"), comment);

        Exchange back = HarImport.read(json).get(0);
        assertEquals(Ending.RESET_BY_SERVER, back.ending());
        assertEquals(java.util.Optional.of("reset on POST"), back.faultRule());
        assertFalse(back.answered());
    }

    @Test
    void an_answer_cut_short_keeps_its_status_and_says_how_it_ended() throws IOException {
        List<Exchange> session = List.of(Exchange.builder().request("GET", "/").status(200, "OK")
                .responseHeader("Content-Length", "40").responseBody("<h1>The server")
                .ending(Ending.CLOSED_MID_BODY).faultRule("truncate on GET /").build());
        byte[] json = new HarExport("127.0.0.1", 5001).json(session);
        JsonObject entry = entries(parse(json)).get(0).getAsJsonObject();
        assertEquals(200, entry.getAsJsonObject("response").get("status").getAsInt());
        assertTrue(entry.get("comment").getAsString().contains("Answer cut short: the server closed the connection"
                + " in the middle of the answer's body."), entry.get("comment").getAsString());
        Exchange back = HarImport.read(json).get(0);
        assertEquals(Ending.CLOSED_MID_BODY, back.ending());
        assertEquals(200, back.status());
    }

    @Test
    void response_has_status_headers_content_and_redirect() throws IOException {
        JsonArray entries = entries(parse(export.json(session)));
        JsonObject created = entries.get(0).getAsJsonObject().getAsJsonObject("response");
        assertEquals(201, created.get("status").getAsInt());
        assertEquals("Created", created.get("statusText").getAsString());
        assertEquals(List.of("Content-Type", "Content-Length"), names(created.getAsJsonArray("headers")));
        JsonObject content = created.getAsJsonObject("content");
        assertEquals(67, content.get("size").getAsLong());
        assertEquals(153 - 67, created.get("headersSize").getAsLong());
        assertEquals(67, created.get("bodySize").getAsLong());
        assertEquals("text/plain;charset=utf-8", content.get("mimeType").getAsString());
        assertTrue(content.get("text").getAsString().startsWith("User created successfully!"));
        assertFalse(content.has("encoding"));
        assertEquals("", created.get("redirectURL").getAsString());

        JsonObject found = entries.get(1).getAsJsonObject().getAsJsonObject("response");
        assertEquals("/people/v1/users/", found.get("redirectURL").getAsString());
    }

    @Test
    void a_cut_body_is_marked_and_says_so() throws IOException {
        JsonObject entry = entries(parse(export.json(session))).get(1).getAsJsonObject();
        JsonObject content = entry.getAsJsonObject("response").getAsJsonObject("content");
        assertTrue(content.get("_truncated").getAsBoolean());
        assertEquals(400_000, content.get("size").getAsLong());
        assertEquals("RestLab kept the first 3 of 400000 bytes of this body",
                content.get("comment").getAsString());
        JsonObject whole = entries(parse(export.json(session))).get(0).getAsJsonObject()
                .getAsJsonObject("response").getAsJsonObject("content");
        assertFalse(whole.has("_truncated"));
        assertFalse(whole.has("comment"));
    }

    @Test
    void a_binary_body_is_base64_and_a_rejection_is_marked() throws IOException {
        JsonObject entry = entries(parse(export.json(session))).get(2).getAsJsonObject();
        JsonObject content = entry.getAsJsonObject("response").getAsJsonObject("content");
        assertEquals("base64", content.get("encoding").getAsString());
        assertEquals("AP94", content.get("text").getAsString());
        assertTrue(entry.get("_rejected").getAsBoolean());
        assertFalse(entries(parse(export.json(session))).get(0).getAsJsonObject().has("_rejected"));
        assertEquals("53430", entry.get("connection").getAsString());
        assertEquals("8", entry.get("_connectionId").getAsString());
    }

    @Test
    void a_wildcard_server_address_is_not_a_server_ip_address() throws IOException {
        JsonObject entry = entries(parse(new HarExport("0.0.0.0", 5001).json(session))).get(0).getAsJsonObject();
        assertFalse(entry.has("serverIPAddress"));
        assertEquals("http://127.0.0.1:5001/people/v1/users",
                entry.getAsJsonObject("request").get("url").getAsString(), "the Host header names it");
    }

    @Test
    void an_ipv4_mapped_wildcard_is_a_wildcard_too_and_the_url_names_the_loopback() throws IOException {
        JsonObject entry = entries(parse(new HarExport("::ffff:0.0.0.0", 5001).json(List.of(
                Exchange.builder().request("GET", "/test/").requestVersion("HTTP/1.0").build())))).get(0).getAsJsonObject();
        assertFalse(entry.has("serverIPAddress"), "::ffff:0.0.0.0 listens everywhere, as the server bar says");
        assertEquals("http://127.0.0.1:5001/test/", entry.getAsJsonObject("request").get("url").getAsString());
    }

    @Test
    void a_body_counts_as_chunked_only_when_chunked_is_the_last_transfer_coding() {
        assertTrue(HarExport.isChunked(List.of(new Header("Transfer-Encoding", "chunked"))));
        assertTrue(HarExport.isChunked(List.of(new Header("transfer-encoding", "gzip, Chunked "))));
        assertTrue(HarExport.isChunked(List.of(new Header("Transfer-Encoding", "gzip"),
                new Header("Transfer-Encoding", "chunked"))), "a coding list split over two fields");
        assertFalse(HarExport.isChunked(List.of(new Header("Transfer-Encoding", "gzip"))));
        assertFalse(HarExport.isChunked(List.of(new Header("Transfer-Encoding", "chunked, gzip"))));
        assertFalse(HarExport.isChunked(List.of(new Header("Transfer-Encoding", " "))));
        assertFalse(HarExport.isChunked(List.of(new Header("Content-Length", "5"))));
    }

    @Test
    void a_request_sent_to_a_proxy_keeps_its_absolute_url_and_its_query() throws IOException {
        JsonObject request = entries(parse(export.json(List.of(Exchange.builder()
                .request("GET", "http://127.0.0.1:5001/people/v1/users?name=J%C3%B6rg+M&bad=%ff").build()))))
                .get(0).getAsJsonObject().getAsJsonObject("request");
        assertEquals("http://127.0.0.1:5001/people/v1/users?name=J%C3%B6rg+M&bad=%ff", request.get("url").getAsString());
        JsonArray query = request.getAsJsonArray("queryString");
        assertEquals("Jörg M", query.get(0).getAsJsonObject().get("value").getAsString());
        assertEquals("%ff", query.get(1).getAsJsonObject().get("value").getAsString(), "not UTF-8: kept as sent");
    }

    @Test
    void reimports_to_the_same_exchanges() throws IOException {
        SameExchanges.assertSame(session, HarImport.read(export.json(session)));
    }

    @Test
    void a_written_file_is_whole_and_replaces_an_older_one(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("session.har");
        Files.writeString(file, "older");
        export.write(session, file);
        assertTrue(Arrays.equals(export.json(session), Files.readAllBytes(file)));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }

    private static JsonObject parse(byte[] json) {
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static JsonArray entries(JsonObject har) {
        return har.getAsJsonObject("log").getAsJsonArray("entries");
    }

    private static List<String> names(JsonArray headers) {
        return headers.asList().stream().map(h -> h.getAsJsonObject().get("name").getAsString()).toList();
    }
}
