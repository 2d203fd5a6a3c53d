package dev.restlab.server;

import dev.restlab.http.Utf8;
import java.io.IOException;
import java.io.InputStream;

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

    /**
     * Thrown when the body cannot be read to its end: the client closed early, broke the chunked
     * encoding, or went silent past the idle timeout. The client's fault, so a 400, never a 500.
     */
    static final class Unreadable extends Exception {
        Unreadable() {
            super("Request body could not be read to its end: it stopped short of its"
                    + " Content-Length, or its chunked encoding is broken", null, false, false);
        }
    }

    static String readUtf8(RouteRequest request) throws IOException, TooLarge, NotUtf8, Unreadable {
        if (request.declaredLength() > MAX_BYTES) {
            throw new TooLarge();
        }
        byte[] bytes;
        InputStream in = request.body();
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            // Jetty reports a short or malformed body as an IOException (EofException,
            // BadMessageException's cause) from read(); the connection is done for either way.
            throw new Unreadable();
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return Utf8.decode(bytes).orElseThrow(NotUtf8::new);
    }
}
