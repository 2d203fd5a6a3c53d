package dev.restlab.wire;

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

    /** The target without its query string: {@code /people/v1/users} for {@code /people/v1/users?name=John}. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
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
