package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpGlossaryTest {

    @ParameterizedTest
    @CsvSource({"200, OK, 15.3.1", "201, Created, 15.3.2", "204, No Content, 15.3.5",
        "308, Permanent Redirect, 15.4.9", "400, Bad Request, 15.5.1", "404, Not Found, 15.5.5",
        "405, Method Not Allowed, 15.5.6", "413, Content Too Large, 15.5.14",
        "415, Unsupported Media Type, 15.5.16", "500, Internal Server Error, 15.6.1"})
    void the_statuses_a_student_meets_here_are_named_and_sourced(int code, String name, String section) {
        String sentence = HttpGlossary.status(code);
        assertTrue(sentence.startsWith(name + ": "), sentence);
        assertTrue(sentence.endsWith("(RFC 9110 §" + section + ")."), sentence);
    }

    @Test
    void a_full_disk_or_store_is_named_with_the_webdav_rfc_that_defines_507() {
        String sentence = HttpGlossary.status(507);
        assertTrue(sentence.startsWith("Insufficient Storage: "), sentence);
        assertTrue(sentence.endsWith("(RFC 4918 §11.5)."), sentence);
    }

    @ParameterizedTest
    @CsvSource({"299, Success (RFC 9110 §15.3).", "418, Client error: something in the request is wrong (RFC 9110 §15.5).",
        "599, Server error (RFC 9110 §15.6)."})
    void an_unlisted_code_is_explained_by_its_class(int code, String expected) {
        assertEquals(expected, HttpGlossary.status(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "content-length", "DATE", "Server", "Location", "Allow", "Host",
        "User-Agent", "Accept", "Transfer-Encoding", "Connection"})
    void common_headers_are_explained_whatever_their_case(String name) {
        Optional<String> meaning = HttpGlossary.header(name);
        assertTrue(meaning.isPresent(), name);
        assertTrue(meaning.get().startsWith(name + ": "), meaning.get());
        assertTrue(meaning.get().matches(".*\\(RFC 91(10|11|12) §[0-9.]+\\)\\."), meaning.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Custom", "Sec-Fetch-Mode"})
    void an_unknown_header_has_no_invented_meaning(String name) {
        assertEquals(Optional.empty(), HttpGlossary.header(name));
    }
}
