package dev.restlab.wire;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and the response to it, as they crossed the wire between a client and the
 * embedded server. Headers keep the order and spelling that was sent; bodies are what the client
 * sent or received after de-chunking, cut at {@link #MAX_STORED_BODY} bytes, while the sizes are
 * always the real ones. {@code bytesIn} and {@code bytesOut} count every byte on the socket,
 * chunk framing and any interim {@code 100 Continue} included.
 *
 * <p>{@code rejected} is true when Jetty answered by itself before any route ran (a garbage
 * request line, headers too large, ...); then method, target and version hold whatever could be
 * parsed and may be empty. {@code interimResponses} holds the status lines and headers of any
 * {@code 1xx} answers that came before the final one, exactly as sent (usually empty).
 *
 * <p>Byte arrays are shared, not copied: treat them as read-only.
 */
public record Exchange(long id, Instant started, String clientAddress, int clientPort,
        long durationMicros, String method, String target, String requestVersion,
        List<Header> requestHeaders, byte[] requestBody, long requestBodySize, int status,
        String reason, String responseVersion, List<Header> responseHeaders, byte[] responseBody,
        long responseBodySize, long bytesIn, long bytesOut, boolean rejected,
        String interimResponses) {

    /** Bodies longer than this (256 KiB) are stored cut to this length. */
    public static final int MAX_STORED_BODY = 256 * 1024;

    public Exchange {
        requestHeaders = immutable(requestHeaders);
        responseHeaders = immutable(responseHeaders);
        requestBody = requestBody == null ? new byte[0] : requestBody;
        responseBody = responseBody == null ? new byte[0] : responseBody;
        interimResponses = interimResponses == null ? "" : interimResponses;
    }

    /** An exchange that a route answered, with no interim responses. */
    public Exchange(long id, Instant started, String clientAddress, int clientPort,
            long durationMicros, String method, String target, String requestVersion,
            List<Header> requestHeaders, byte[] requestBody, long requestBodySize, int status,
            String reason, String responseVersion, List<Header> responseHeaders, byte[] responseBody,
            long responseBodySize, long bytesIn, long bytesOut) {
        this(id, started, clientAddress, clientPort, durationMicros, method, target, requestVersion,
                requestHeaders, requestBody, requestBodySize, status, reason, responseVersion,
                responseHeaders, responseBody, responseBodySize, bytesIn, bytesOut, false, "");
    }

    /** The first request header of that name, compared without regard to case. */
    public Optional<String> requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** The first response header of that name, compared without regard to case. */
    public Optional<String> responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** True when a stored body is shorter than the body that crossed the wire. */
    public boolean truncated() {
        return requestBody.length < requestBodySize || responseBody.length < responseBodySize;
    }

    /** The target without its query string: {@code /people/v1/users} for {@code /people/v1/users?name=John}. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The same exchange under another id: the log numbers exchanges as it stores them. */
    Exchange withId(long newId) {
        return new Exchange(newId, started, clientAddress, clientPort, durationMicros, method, target,
                requestVersion, requestHeaders, requestBody, requestBodySize, status, reason,
                responseVersion, responseHeaders, responseBody, responseBodySize, bytesIn, bytesOut,
                rejected, interimResponses);
    }

    /**
     * What the log counts against its memory budget: the stored bodies and the captured header
     * bytes (a rejected request may bring tens of KiB of headers).
     */
    long storedBytes() {
        return (long) requestBody.length + responseBody.length + headerBytes(requestHeaders)
                + headerBytes(responseHeaders);
    }

    private static long headerBytes(List<Header> headers) {
        return headers instanceof HeaderBlock block ? block.storedBytes() : 0;
    }

    /** The capture's own header lists are immutable already and stay as compact as they are. */
    private static List<Header> immutable(List<Header> headers) {
        return headers instanceof HeaderBlock ? headers : List.copyOf(headers);
    }

    private static Optional<String> first(List<Header> headers, String name) {
        if (headers instanceof HeaderBlock block) {
            return Optional.ofNullable(block.value(name));
        }
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Exchange[" + id + " " + method + " " + target + " -> " + status + "]";
    }
}
