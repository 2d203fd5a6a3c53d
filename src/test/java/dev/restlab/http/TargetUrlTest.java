package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:5000        | 127.0.0.1 | 5000 | 127.0.0.1:5000",
        "http://127.0.0.1:5000/       | 127.0.0.1 | 5000 | 127.0.0.1:5000",
        "127.0.0.1:5000               | 127.0.0.1 | 5000 | 127.0.0.1:5000",
        "HTTP://LocalHost:8080        | LocalHost | 8080 | LocalHost:8080",
        "http://[::1]:5000            | ::1       | 5000 | [::1]:5000",
        "http://example.org           | example.org | 80 | example.org:80",
        "'  http://127.0.0.1:5000  '  | 127.0.0.1 | 5000 | 127.0.0.1:5000",
    })
    void a_typed_url_becomes_host_and_port(String typed, String host, int port, String authority) {
        TargetUrl url = TargetUrl.parse(typed);
        assertEquals(new TargetUrl(host, port), url);
        assertEquals(authority, url.authority());
        assertEquals("http://" + authority, url.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                             | no URL given",
        "https://127.0.0.1:5000         | https is not supported",
        "ftp://127.0.0.1                | 'ftp' is not HTTP",
        "http://127.0.0.1:abc           | names no host (or a port that is not a number from 1 to 65535)",
        "http://127.0.0.1:70000         | the port must be from 1 to 65535, not 70000",
        "http://127.0.0.1:5000/people   | give the server's root, not the path /people",
        "http://127.0.0.1:5000/?x=1     | without a user, a query or a fragment",
        "http://a b                     | is not a URL",
    })
    void a_url_that_will_not_do_is_refused_with_the_reason(String typed, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetUrl.parse(typed));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
