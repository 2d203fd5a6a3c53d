package dev.restlab.wire;

import dev.restlab.http.RequestTarget;
import java.util.List;
import java.util.Optional;

/**
 * A request as it crossed the wire: the request line's three parts (empty where a rejected request
 * did not have them), the headers in the order and spelling sent, the body, and every byte the
 * client sent for it ({@code wireBytes}, chunk framing included).
 */
public record Request(String method, String target, String version, List<Header> headers, Body body,
        long wireBytes) {

    public Request {
        headers = Header.immutable(headers);
        body = body == null ? Body.EMPTY : body;
    }

    /** The first header of that name, compared without regard to case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(Header.first(headers, name));
    }

    /** The target read into its form, path, query and host: what every reader of a request looks at. */
    public RequestTarget requestTarget() {
        return RequestTarget.parse(method, target);
    }

    /**
     * The target's path, escapes as sent: {@code /people/v1/users} for
     * {@code /people/v1/users?name=John} and for {@code http://127.0.0.1:5001/people/v1/users}.
     */
    public String path() {
        return requestTarget().path();
    }

    /** {@code METHOD target VERSION}, leaving out the parts a rejected request did not have. */
    public String line() {
        StringBuilder line = new StringBuilder(method);
        for (String part : new String[] {target, version}) {
            if (!part.isEmpty()) {
                line.append(' ').append(part);
            }
        }
        return line.toString();
    }
}
