package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CurlTextTest {

    private static final Instant WHEN =
            ZonedDateTime.of(2026, 11, 26, 10, 46, 45, 0, ZoneId.systemDefault()).toInstant();

    private static Exchange post(byte[] requestBody, long requestSize, byte[] responseBody, long responseSize) {
        return Exchange.builder().id(7).started(WHEN).client("127.0.0.1", 50123)
                .request("POST", "/people/v1/users").requestHeader("Host", "127.0.0.1:5001")
                .requestHeader("Content-Type", "application/json")
                .requestHeader("Content-Length", "" + requestSize).requestBody(new Body(requestBody, requestSize))
                .status(201, "Created").responseHeader("Date", "Thu, 26 Nov 2026 10:46:45 GMT")
                .responseHeader("Content-Length", "" + responseSize)
                .responseBody(new Body(responseBody, responseSize)).build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void curl_i_is_status_line_headers_blank_line_and_body_with_crlf_line_ends() {
        Exchange e = post(utf8("{}"), 2, utf8("User created\n"), 13);
        assertEquals("HTTP/1.1 201 Created\r\nDate: Thu, 26 Nov 2026 10:46:45 GMT\r\nContent-Length: 13\r\n\r\n"
                + "User created\n", CurlText.curlI(e));
    }

    @Test
    void curl_v_is_the_request_line_and_headers_without_prompts_then_the_body() {
        Exchange e = post(utf8("{\"a\": 1}"), 8, new byte[0], 0);
        assertEquals("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1:5001\r\nContent-Type: application/json\r\n"
                + "Content-Length: 8\r\n\r\n{\"a\": 1}", CurlText.requestAsSent(e));
    }

    @Test
    void a_cut_body_is_followed_by_a_note_with_its_real_size() {
        Exchange e = post(utf8("abc"), 3, utf8("xyz"), 300_000);
        assertTrue(CurlText.curlI(e).endsWith("xyz\n[RestLab kept the first 3 of 300000 bytes of this body]\n"));
    }

    @Test
    void summary_is_the_flask_access_log_line() {
        assertEquals("127.0.0.1 - - [26/Nov/2026 10:46:45] \"POST /people/v1/users HTTP/1.1\" 201 -",
                CurlText.summary(post(new byte[0], 0, new byte[0], 0)));
    }

    @Test
    void a_rejected_request_shows_only_the_parts_it_had() {
        Exchange e = Exchange.builder().started(WHEN).request("HELLO", "").requestVersion("")
                .status(400, "No URI").rejected(true).build();
        assertEquals("127.0.0.1 - - [26/Nov/2026 10:46:45] \"HELLO\" 400 -", CurlText.summary(e));
        assertEquals("HELLO\r\n\r\n", CurlText.requestAsSent(e));
    }

    @Test
    void bash_quoting_keeps_plain_text_in_single_quotes_and_escapes_controls() {
        assertEquals("'it'\\''s \"$HOME\" !x \\ é'", BashQuote.quote("it's \"$HOME\" !x \\ é"));
        assertEquals("$'a\\nb\\t\\\\ \\'q\\' é'", BashQuote.quote("a\nb\t\\ 'q' é"));
        assertEquals("$'\\xff\\x01'", BashQuote.quote(new byte[] {(byte) 0xff, 1}));
        assertEquals("''", BashQuote.quote(""));
    }

    @Test
    void copy_as_curl_leaves_out_what_curl_computes_and_switches_off_what_curl_would_add() {
        Exchange e = post(utf8("{}"), 2, new byte[0], 0);
        assertEquals("curl -i \\\n  'http://127.0.0.1:5001/people/v1/users' \\\n"
                + "  -H 'Content-Type: application/json' \\\n  -H 'User-Agent:' \\\n  -H 'Accept:' \\\n"
                + "  --data-binary '{}'", CurlText.copyAsCurl(e, "http://127.0.0.1:5001/"));
    }

    @Test
    void a_copy_leaves_out_the_windows_tag_and_user_agent_so_a_terminal_sends_it_as_curl() {
        Exchange e = Exchange.builder().request("GET", "/people/v1/users").requestHeader("Host", "127.0.0.1:5001")
                .requestHeader("User-Agent", "RestLab-window/0.1").requestHeader("X-RestLab-Window", "0123abcd user")
                .requestHeader("Accept", "application/json").status(200, "OK").build();
        assertEquals("curl -i \\\n  'http://127.0.0.1:5001/people/v1/users' \\\n  -H 'Accept: application/json'",
                CurlText.copyAsCurl(e, "http://127.0.0.1:5001"));
        assertEquals("Invoke-WebRequest -UseBasicParsing -Method 'GET' -Uri 'http://127.0.0.1:5001/people/v1/users' `\n"
                + "  -Headers @{ 'Accept' = 'application/json' }", CurlText.copyAsPowerShell(e, "http://127.0.0.1:5001"));
    }

    @Test
    void a_head_copy_uses_head_not_i() {
        Exchange e = Exchange.builder().request("HEAD", "/").requestHeader("Host", "h").requestHeader("Accept", "*/*")
                .requestHeader("User-Agent", "curl/8.0").status(200, "OK").build();
        assertEquals("curl \\\n  --head \\\n  'http://h/'", CurlText.copyAsCurl(e, "http://h"));
    }

    @Test
    void copy_as_powershell_quotes_single_quotes_by_doubling_them() {
        Exchange e = post(utf8("{\"name\": \"O'Brien\"}"), 19, new byte[0], 0);
        assertEquals("Invoke-WebRequest -UseBasicParsing -Method 'POST' -Uri 'http://h:1/people/v1/users' `\n"
                + "  -ContentType 'application/json' `\n  -Body '{\"name\": \"O''Brien\"}'",
                CurlText.copyAsPowerShell(e, "http://h:1"));
    }
}
