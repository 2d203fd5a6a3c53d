package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session as Chrome's DevTools save it ("Save all as HAR"): a login that redirects (302), the
 * page it redirects to, sent gzip-compressed on the same kept-alive connection, and a JSON POST
 * on a second connection. The file was written by hand from the format, with Chrome's own
 * custom fields ({@code _initiator}, {@code _transferSize}, …) and fractional milliseconds.
 */
class HarImportTest {

    private static byte[] fixture() throws IOException {
        try (InputStream in = HarImportTest.class.getResourceAsStream("/har/chrome-devtools-session.har")) {
            return in.readAllBytes();
        }
    }

    @Test
    void the_fixture_itself_is_valid_har_1_2() throws IOException {
        Har12.assertValid(fixture());
    }

    @Test
    void a_browser_session_imports_with_its_connections() throws IOException {
        List<Exchange> session = HarImport.read(fixture());
        assertEquals(3, session.size());
        assertEquals(List.of(1L, 2L, 3L), session.stream().map(Exchange::id).toList());
        Exchange login = session.get(0);
        Exchange account = session.get(1);
        Exchange cart = session.get(2);
        assertSame(login.connection(), account.connection(), "one HAR connection, one connection");
        assertNotSame(login.connection(), cart.connection());
        assertEquals(1, login.index());
        assertEquals(2, account.index());
        assertEquals(1, cart.index());
        assertEquals(Instant.parse("2026-11-26T09:14:07.512Z"), login.connection().accepted());
        assertEquals("GET /login?next=%2Faccount HTTP/1.1", login.request().line());
        assertEquals("POST /api/cart HTTP/1.1", cart.request().line());
        assertEquals("{\"sku\":\"tea-42\",\"quantity\":2}", cart.request().body().text());
        assertEquals(List.of("Host", "Connection", "Content-Length", "Content-Type", "Accept", "Origin"),
                cart.request().headers().stream().map(Header::name).toList(), "headers in the file's order");
    }

    @Test
    void timings_are_rebuilt_to_the_microsecond() throws IOException {
        Exchange login = HarImport.read(fixture()).get(0);
        // blocked 1.204 + dns 12.5 + connect 23.817 ms before the first byte; send 0.112, wait 41.93, receive 0.388
        assertEquals(Duration.ofNanos(37_521_000), Duration.between(login.connection().accepted(), login.started()));
        assertEquals(112, login.timings().sendMicros());
        assertEquals(41_930, login.timings().waitMicros());
        assertEquals(388, login.timings().receiveMicros());
        assertEquals(42_430, login.durationMicros());
    }

    @Test
    void the_redirect_renders_as_curl_prints_it() throws IOException {
        Exchange login = HarImport.read(fixture()).get(0);
        assertEquals("HTTP/1.1 302 Found\r\n"
                + "Date: Thu, 26 Nov 2026 09:14:07 GMT\r\n"
                + "Location: /account\r\n"
                + "Content-Length: 0\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n", CurlText.curlI(login));
    }

    @Test
    void a_gzip_answer_shows_the_text_the_browser_decoded() throws IOException {
        Exchange account = HarImport.read(fixture()).get(1);
        String shown = CurlText.curlI(account);
        assertTrue(shown.startsWith("HTTP/1.1 200 OK\r\n"), shown);
        assertTrue(shown.contains("Content-Encoding: gzip\r\n"), shown);
        assertTrue(shown.contains("\r\n\r\n<!doctype html>\n<html><head><title>Your account</title>"), shown);
        assertEquals(396, account.response().body().size());
        assertFalse(account.response().body().truncated());
        assertEquals(196 + 172, account.response().wireBytes(), "headersSize + bodySize: what crossed the wire");
        JsonObject content = JsonParser.parseString(new String(new HarExport("127.0.0.1", 5001)
                .json(List.of(account)), StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("log")
                .getAsJsonArray("entries").get(0).getAsJsonObject().getAsJsonObject("response")
                .getAsJsonObject("content");
        assertTrue(content.get("compression").getAsLong() > 0, "exported again, it says what gzip saved: " + content);
    }

    @Test
    void an_imported_browser_session_exports_again_as_valid_har() throws IOException {
        List<Exchange> session = HarImport.read(fixture());
        byte[] again = new HarExport("127.0.0.1", 5001).json(session);
        Har12.assertValid(again);
        SameExchanges.assertSame(session, HarImport.read(again));
    }

    @Test
    void a_body_the_file_does_not_hold_keeps_its_size_and_counts_as_cut() throws IOException {
        JsonObject har = JsonParser.parseString(new String(fixture(), StandardCharsets.UTF_8)).getAsJsonObject();
        har.getAsJsonObject("log").getAsJsonArray("entries").get(2).getAsJsonObject()
                .getAsJsonObject("response").getAsJsonObject("content").remove("text");
        Exchange cart = HarImport.read(har.toString().getBytes(StandardCharsets.UTF_8)).get(2);
        assertEquals(35, cart.response().body().size());
        assertTrue(cart.response().body().truncated());
        assertTrue(CurlText.curlI(cart).endsWith("[the imported file did not hold this body of 35 bytes]\n"),
                "the file left it out, not RestLab: " + CurlText.curlI(cart));
    }

    @Test
    void what_is_not_a_har_is_refused_with_a_reason() {
        IOException notJson = assertThrows(IOException.class,
                () -> HarImport.read("<html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("This is not a HAR file: it is not JSON, or not JSON as HAR writes it (at line 1, column 1).",
                notJson.getMessage());
        IOException noLog = assertThrows(IOException.class,
                () -> HarImport.read("{\"entries\": []}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(noLog.getMessage().startsWith("This is not a HAR file: it has no \"log\""), noLog.getMessage());
    }

    @Test
    void target_is_the_urls_path_and_query() {
        assertEquals("/a/b?c=d", HarImport.target("http://shop.example:8080/a/b?c=d#top"));
        assertEquals("/", HarImport.target("https://shop.example"));
        assertEquals("/?q=1", HarImport.target("http://shop.example?q=1"));
    }
}
