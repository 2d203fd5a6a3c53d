package dev.restlab.wire;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sentence on what a status code or a common header means, with the section of the standard
 * that defines it, for students reading an exchange.
 */
public final class HttpGlossary {

    private static final Map<Integer, String> STATUS = Map.ofEntries(
            Map.entry(200, "OK: the request worked and the body holds the answer (RFC 9110 §15.3.1)."),
            Map.entry(201, "Created: the server stored a new resource; Location says where it lives (RFC 9110 §15.3.2)."),
            Map.entry(204, "No Content: it worked and there is deliberately no body (RFC 9110 §15.3.5)."),
            Map.entry(301, "Moved Permanently: the resource has a new URL, given in Location (RFC 9110 §15.4.2)."),
            Map.entry(302, "Found: the resource is temporarily at the URL in Location (RFC 9110 §15.4.3)."),
            Map.entry(304, "Not Modified: your cached copy is still good (RFC 9110 §15.4.5)."),
            Map.entry(308, "Permanent Redirect: ask again at Location, with the same method and body (RFC 9110 §15.4.9)."),
            Map.entry(400, "Bad Request: the server could not make sense of what was sent; the body says why (RFC 9110 §15.5.1)."),
            Map.entry(401, "Unauthorized: credentials are needed (RFC 9110 §15.5.2)."),
            Map.entry(403, "Forbidden: understood, but refused (RFC 9110 §15.5.4)."),
            Map.entry(404, "Not Found: there is nothing at this URL, or no user with that id or name (RFC 9110 §15.5.5)."),
            Map.entry(405, "Method Not Allowed: this URL exists but not for this method; Allow lists the ones it takes (RFC 9110 §15.5.6)."),
            Map.entry(406, "Not Acceptable: no representation matches the Accept header (RFC 9110 §15.5.7)."),
            Map.entry(408, "Request Timeout: the request took too long to arrive (RFC 9110 §15.5.9)."),
            Map.entry(411, "Length Required: send a Content-Length (RFC 9110 §15.5.12)."),
            Map.entry(413, "Content Too Large: the body is bigger than the server accepts (RFC 9110 §15.5.14)."),
            Map.entry(414, "URI Too Long: the request target is longer than the server accepts (RFC 9110 §15.5.15)."),
            Map.entry(415, "Unsupported Media Type: the body's Content-Type is not one the server takes here; this API wants application/json (RFC 9110 §15.5.16)."),
            Map.entry(422, "Unprocessable Content: well-formed, but the content is wrong (RFC 9110 §15.5.21)."),
            Map.entry(431, "Request Header Fields Too Large: the headers exceed the server's limit (RFC 6585 §5)."),
            Map.entry(500, "Internal Server Error: the server failed; not your fault (RFC 9110 §15.6.1)."),
            Map.entry(501, "Not Implemented: the server does not know this method at all (RFC 9110 §15.6.2)."),
            Map.entry(503, "Service Unavailable: the server cannot answer right now (RFC 9110 §15.6.4)."),
            Map.entry(507, "Insufficient Storage: the server has no room to keep the change (its disk or its store is full), so nothing was changed (RFC 4918 §11.5)."));

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("accept", "which media types the client would like back (RFC 9110 §12.5.1)."),
            Map.entry("accept-encoding", "which compressions the client can undo (RFC 9110 §12.5.3)."),
            Map.entry("allow", "the methods this URL accepts (RFC 9110 §10.2.1)."),
            Map.entry("authorization", "the client's credentials (RFC 9110 §11.6.2)."),
            Map.entry("cache-control", "how caches may keep this message (RFC 9111 §5.2)."),
            Map.entry("connection", "options for this connection only, e.g. close after the answer (RFC 9110 §7.6.1)."),
            Map.entry("content-encoding", "the compression applied to the body (RFC 9110 §8.4)."),
            Map.entry("content-length", "the size of the body in bytes (RFC 9110 §8.6)."),
            Map.entry("content-type", "the media type of the body, e.g. application/json (RFC 9110 §8.3)."),
            Map.entry("date", "when the server made the answer (RFC 9110 §6.6.1)."),
            Map.entry("expect", "asks the server to agree before the body is sent (RFC 9110 §10.1.1)."),
            Map.entry("host", "which host and port the client is talking to; required in HTTP/1.1 (RFC 9110 §7.2)."),
            Map.entry("location", "the URL of the created resource or of the redirect target (RFC 9110 §10.2.2)."),
            Map.entry("server", "the software that answered (RFC 9110 §10.2.4)."),
            Map.entry("transfer-encoding", "the body comes in chunks, each with its size, when the length is not known up front (RFC 9112 §6.1)."),
            Map.entry("upgrade", "asks to switch protocols on this connection (RFC 9110 §7.8)."),
            Map.entry("user-agent", "the client software that sent the request (RFC 9110 §10.1.5)."),
            Map.entry("x-restlab-window", "RestLab's window marks the requests it sent itself with this (not part of HTTP:"
                    + " an X- header is any program's own); Copy as curl leaves it out, so a pasted command is a terminal's."));

    private HttpGlossary() {
    }

    /** What the status code means; for a code not listed, what its class (2xx, 4xx…) means. */
    public static String status(int code) {
        String known = STATUS.get(code);
        if (known != null) {
            return known;
        }
        return switch (code / 100) {
            case 1 -> "Informational: the server is still working on it (RFC 9110 §15.2).";
            case 2 -> "Success (RFC 9110 §15.3).";
            case 3 -> "Redirection: look elsewhere (RFC 9110 §15.4).";
            case 4 -> "Client error: something in the request is wrong (RFC 9110 §15.5).";
            case 5 -> "Server error (RFC 9110 §15.6).";
            default -> "Not a valid HTTP status code (RFC 9110 §15).";
        };
    }

    /** What a common header means, if it is one RestLab explains. */
    public static Optional<String> header(String name) {
        String meaning = HEADERS.get(name.toLowerCase(Locale.ROOT));
        return meaning == null ? Optional.empty() : Optional.of(name + ": " + meaning);
    }
}
