package dev.restlab.wire;

import java.util.List;
import java.util.Optional;

/**
 * A response as it crossed the wire: status line, headers in the order and spelling sent, the body
 * after de-chunking, every byte sent for it ({@code wireBytes}, interim answers and chunk framing
 * included), and any interim {@code 1xx} answers that came before it (usually none): the first
 * few kept in {@code interim}, any more only counted in {@code interimNotKept}.
 */
public record Response(String version, int status, String reason, List<Header> headers, Body body,
        long wireBytes, List<Interim> interim, int interimNotKept) {

    /** An interim answer such as {@code 100 Continue}: its status line and headers. */
    public record Interim(String version, int status, String reason, List<Header> headers) {
        public Interim {
            headers = Header.immutable(headers);
        }

        public String statusLine() {
            return Response.statusLine(version, status, reason);
        }
    }

    public Response {
        headers = Header.immutable(headers);
        body = body == null ? Body.EMPTY : body;
        interim = interim == null ? List.of() : List.copyOf(interim);
    }

    /** A response whose interim answers were all kept. */
    public Response(String version, int status, String reason, List<Header> headers, Body body, long wireBytes,
            List<Interim> interim) {
        this(version, status, reason, headers, body, wireBytes, interim, 0);
    }

    /** The first header of that name, compared without regard to case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(Header.first(headers, name));
    }

    /** {@code HTTP/1.1 201 Created}; no trailing space when the reason is empty. */
    public String statusLine() {
        return statusLine(version, status, reason);
    }

    private static String statusLine(String version, int status, String reason) {
        return version + " " + status + (reason.isEmpty() ? "" : " " + reason);
    }
}
