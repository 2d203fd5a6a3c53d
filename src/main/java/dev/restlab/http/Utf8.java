package dev.restlab.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8. Java's {@code new String(bytes, UTF_8)} and {@code getBytes(UTF_8)} quietly put a
 * replacement character or {@code ?} where the text is broken; anything from the wire must be
 * refused instead.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text the bytes spell, or empty when they are not well-formed UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether the bytes are well-formed UTF-8. */
    public static boolean isValid(byte[] bytes) {
        return decode(bytes).isPresent();
    }

    /**
     * Whether the text can be written as UTF-8: false when it holds half of a surrogate pair on
     * its own (JSON's {@code "\ud800"} escape makes one), which is no character at all.
     */
    public static boolean isEncodable(CharSequence text) {
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
