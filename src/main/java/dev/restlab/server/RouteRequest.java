package dev.restlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * What a route sees of a request: nothing of the HTTP library under it, so routes can be tested
 * without sockets and the library can change without touching them.
 */
interface RouteRequest {

    /** The method as sent, e.g. {@code GET}. */
    String method();

    /** The path as sent, without the query and with its %-escapes, e.g. {@code /people/v1/users}. */
    String path();

    /** The query string as sent, without the {@code ?}; empty when the target has none. */
    Optional<String> query();

    /**
     * The value of a {@code {name}} segment of the route's path template, %-decoded; null when
     * the template has no such segment.
     */
    String pathParameter(String name);

    /** Every value of a header, in the order sent; empty when the request has none. */
    List<String> headers(String name);

    /** The first value of a header. */
    default Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** The body's length as the {@code Content-Length} header declares it, or -1 when not declared. */
    long declaredLength();

    /** The body as it arrives, unbuffered: read it at most once. */
    InputStream body() throws IOException;
}
