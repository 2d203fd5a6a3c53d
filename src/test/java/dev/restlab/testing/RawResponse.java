package dev.restlab.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One response exactly as it came off a socket.
 *
 * @param status the status code from the status line
 * @param head the status line and header lines, through the blank line, as sent
 * @param body the body bytes that came (for a chunked answer, without the chunk framing)
 * @param wire every byte of this response as it came, head and body (chunk framing included)
 * @param declaredLength the Content-Length value, or -1 without one
 */
public record RawResponse(int status, String head, byte[] body, byte[] wire, long declaredLength) {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT) + ":";
        return head.lines()
                .skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(wanted))
                .map(line -> line.substring(wanted.length()).strip())
                .findFirst();
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The whole response decoded as UTF-8: what a terminal running nc would show. */
    public String wireText() {
        return new String(wire, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return wireText();
    }
}
