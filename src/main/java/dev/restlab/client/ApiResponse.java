package dev.restlab.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came back for one request the window sent: the status, the headers and the text of the
 * body, and the users in it when the body was a user listing.
 */
public record ApiResponse(int status, String body, List<UserRow> users, HttpHeaders headers) {

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    /** An answer without headers. */
    public ApiResponse(int status, String body, List<UserRow> users) {
        this(status, body, users, NONE);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a response header, e.g. a 201's {@code Location}. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
