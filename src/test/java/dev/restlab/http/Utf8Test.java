package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void well_formed_bytes_decode() {
        assertEquals(Optional.of("é€🚀"), Utf8.decode("é€🚀".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(""), Utf8.decode(new byte[0]));
    }

    @Test
    void broken_bytes_are_refused_not_replaced() {
        assertEquals(Optional.empty(), Utf8.decode(new byte[] {'a', (byte) 0xff}));
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xc3}), "cut short");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xc0, (byte) 0x80}), "overlong");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "an encoded surrogate");
        assertTrue(Utf8.isValid("plain".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void a_lone_surrogate_cannot_be_encoded() {
        assertFalse(Utf8.isEncodable("\ud800"));
        assertFalse(Utf8.isEncodable("a\udc00b"));
        assertFalse(Utf8.isEncodable("\ude80\ud83d"), "a pair in the wrong order is two lone halves");
        assertTrue(Utf8.isEncodable("\ud83d\ude80"));
        assertTrue(Utf8.isEncodable(""));
    }
}
