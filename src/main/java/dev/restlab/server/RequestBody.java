package dev.restlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import spark.Request;

/**
 * Reads a request body with a size cap. Spark's own {@code body()} buffers everything a client
 * sends, so a huge upload would fill memory before any check could run.
 */
final class RequestBody {

    /** The largest body RestLab accepts: far more than any user record needs. */
    static final int MAX_BYTES = 1024 * 1024;

    private RequestBody() {
    }

    /** Thrown when the body is larger than {@link #MAX_BYTES}. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("Request body is larger than " + MAX_BYTES + " bytes", null, false, false);
        }
    }

    /** Thrown when the body is not UTF-8 text. */
    static final class NotUtf8 extends Exception {
        NotUtf8() {
            super("Request body is not valid UTF-8 text", null, false, false);
        }
    }

    static String readUtf8(Request request) throws IOException, TooLarge, NotUtf8 {
        if (request.raw().getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        byte[] bytes;
        try (InputStream in = unbuffered(request.raw()).getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        }
    }

    /** Spark wraps Jetty's request in one that caches the whole body on first read. */
    private static ServletRequest unbuffered(ServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return current;
    }
}
