package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void escapes_that_spell_utf8_pass() {
        assertTrue(PercentEncoding.isUtf8("/a%20b/%F0%9F%9A%80"));
        assertTrue(PercentEncoding.isUtf8("/people/v1/users/%c3%a9"));
        assertTrue(PercentEncoding.isUtf8("/no/escapes"));
        assertTrue(PercentEncoding.isUtf8(null));
    }

    @Test
    void broken_or_non_utf8_escapes_fail() {
        assertFalse(PercentEncoding.isUtf8("/a%2"));
        assertFalse(PercentEncoding.isUtf8("/a%"));
        assertFalse(PercentEncoding.isUtf8("/a%zz"));
        assertFalse(PercentEncoding.isUtf8("/%ff"));
        assertFalse(PercentEncoding.isUtf8("/%c3"));
        assertFalse(PercentEncoding.isUtf8("/%e2%82"));
    }
}
