package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    @Test
    void decoding_reads_escapes_and_keeps_a_broken_one_as_typed() {
        assertArrayEquals("a b/é".getBytes(StandardCharsets.UTF_8), PercentEncoding.decode("a+b%2F%C3%A9", true));
        assertArrayEquals("a+b".getBytes(StandardCharsets.UTF_8), PercentEncoding.decode("a+b", false), "+ is a space only in a query");
        assertArrayEquals("%zz%".getBytes(StandardCharsets.UTF_8), PercentEncoding.decode("%zz%", false));
        assertArrayEquals(new byte[] {(byte) 0xff}, PercentEncoding.decode("%FF", false));
        assertEquals("\ufffd", PercentEncoding.decodeText("%ff", false), "not UTF-8: U+FFFD, as Flask reads it");
        assertEquals("%\u0663\u0663", PercentEncoding.decodeText("%\u0663\u0663", false), "hex digits are ASCII only");
        assertEquals("\ud83d\ude80", PercentEncoding.decodeText("\ud83d\ude80", false), "a character beyond the BMP stays whole");
    }

    @Test
    void well_formed_means_every_percent_starts_two_hex_digits() {
        assertTrue(PercentEncoding.isWellFormed("a%20b%ff"));
        assertTrue(PercentEncoding.isWellFormed("plain"));
        assertFalse(PercentEncoding.isWellFormed("a%2"));
        assertFalse(PercentEncoding.isWellFormed("a%g0"));
    }
}
