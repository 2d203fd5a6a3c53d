package dev.restlab.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Another HTTP server that RestLab talks to, such as a student's Flask program: a host and a
 * port, read from what a person types ({@code http://127.0.0.1:5000}, {@code localhost:5000},
 * {@code http://[::1]:5000/}). Plain {@code http} only, and no path: RestLab sends the
 * handout's paths from the server's root.
 *
 * @param host the host as typed (a name, an IPv4 address, or an IPv6 address without brackets)
 * @param port the port (80 when the URL gives none)
 */
public record TargetUrl(String host, int port) {

    /**
     * Reads a URL typed by a person; {@code http://} may be left out.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong and what would do
     */
    public static TargetUrl parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no URL given: type one such as http://127.0.0.1:5000");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is not a URL: " + e.getReason()
                    + "; type one such as http://127.0.0.1:5000");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("https is not supported: RestLab talks plain HTTP, as the handout's"
                    + " Flask server does; use http://");
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("'" + scheme + "' is not HTTP: use a URL such as http://127.0.0.1:5000");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + typed.strip() + "' names no host (or a port that is not a"
                    + " number from 1 to 65535): type one such as http://127.0.0.1:5000");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("give only the server's address, without a user, a query or a"
                    + " fragment: such as http://127.0.0.1:5000");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("give the server's root, not the path " + path
                    + ": such as http://127.0.0.1:5000");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be from 1 to 65535, not " + port);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TargetUrl(host, port);
    }

    /** The value of a request's {@code Host} header for this server, e.g. {@code [::1]:5000}. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** E.g. {@code http://127.0.0.1:5000}. */
    @Override
    public String toString() {
        return "http://" + authority();
    }
}
