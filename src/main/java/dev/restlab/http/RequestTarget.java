package dev.restlab.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target of a request line (RFC 9112 §3.2), read once for every part of RestLab that looks at
 * it: the lab, the OpenAPI check, the proxy, the HAR files and the views. A request sent to a
 * proxy names its server in the target ({@code http://127.0.0.1:5001/people/v1/users}, the
 * absolute form); that is the same resource as {@code /people/v1/users} sent with a {@code Host}
 * header, and reads the same here.
 *
 * <p>Reading never fails: a target in no form (the garbage of a request Jetty refused, or none at
 * all) is {@link Form#NONE}, with the text before any {@code ?} as its path.
 *
 * @param form      which of the four forms the target has
 * @param raw       the target exactly as sent
 * @param scheme    the scheme of an absolute-form target ({@code http}, as sent), else empty
 * @param authority the authority of an absolute-form target ({@code user@host:port}) or the whole of
 *                  an authority-form one ({@code host:port}), else empty
 * @param host      the host the authority names, as Jetty's {@code HttpURI} reads it: a name, an
 *                  IPv4 address or an IPv6 address in its brackets; the authority as sent when it
 *                  names no readable host and port (so that no allowed name can match it); else empty
 * @param port      the port the authority names, or -1 when it names none
 * @param path      the path, %-escapes as sent, without query or fragment: {@code /} for an absolute
 *                  target with no path, {@code *} for the asterisk form, empty for the authority form
 * @param query     the query string read into pairs
 */
public record RequestTarget(Form form, String raw, String scheme, String authority, String host, int port,
        String path, Query query) {

    /** The forms of RFC 9112 §3.2, and NONE for a target in none of them. */
    public enum Form {
        /** {@code /people/v1/users?name=John}: what a client sends to a server. */
        ORIGIN,
        /** {@code http://127.0.0.1:5001/people/v1/users}: what a client sends to a proxy. */
        ABSOLUTE,
        /** {@code example.com:443}: only for CONNECT, which asks for a tunnel. */
        AUTHORITY,
        /** {@code *}: only for a server-wide OPTIONS. */
        ASTERISK,
        /** Empty, or in none of the forms above. */
        NONE
    }

    private static final Pattern ABSOLUTE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+(?:%[^\\]]*)?\\]|[^\\[\\]:@]*)(?::(\\d{0,5}))?");

    public RequestTarget {
        query = query == null ? Query.NONE : query;
    }

    /**
     * Reads the target of a request with this method: a CONNECT's target is an authority, unless
     * it is a path, which Jetty routes like any other.
     */
    public static RequestTarget parse(String method, String raw) {
        String text = raw == null ? "" : raw;
        if ("CONNECT".equals(method) && !text.startsWith("/")) {
            HostPort named = HostPort.of(text);
            return new RequestTarget(Form.AUTHORITY, text, "", text, named.host(), named.port(), "", Query.NONE);
        }
        if (text.equals("*")) {
            return new RequestTarget(Form.ASTERISK, text, "", "", "", -1, "*", Query.NONE);
        }
        if (text.startsWith("/")) {
            return withPathAndQuery(Form.ORIGIN, text, "", "", HostPort.NONE, text);
        }
        Matcher absolute = ABSOLUTE.matcher(text);
        if (absolute.matches()) {
            String authority = absolute.group(2);
            String rest = absolute.group(3);
            return withPathAndQuery(Form.ABSOLUTE, text, absolute.group(1), authority,
                    HostPort.of(authority.substring(authority.lastIndexOf('@') + 1)),
                    rest.startsWith("/") ? rest : "/" + rest);
        }
        return withPathAndQuery(Form.NONE, text, "", "", HostPort.NONE, text);
    }

    /** {@code rest} is the path, then maybe {@code ?query}, then maybe {@code #fragment}, which is dropped. */
    private static RequestTarget withPathAndQuery(Form form, String raw, String scheme, String authority,
            HostPort named, String rest) {
        int fragment = rest.indexOf('#');
        String beforeFragment = fragment < 0 ? rest : rest.substring(0, fragment);
        int question = beforeFragment.indexOf('?');
        String path = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        Query query = question < 0 ? Query.NONE : Query.parse(beforeFragment.substring(question + 1));
        return new RequestTarget(form, raw, scheme, authority, named.host(), named.port(), path, query);
    }

    /**
     * The path's segments with their escapes decoded as Flask decodes them (bytes that are not
     * UTF-8 as U+FFFD): {@code ["people", "v1", "users"]}; {@code /} has the one segment {@code ""}.
     */
    public List<String> segments() {
        if (!path.startsWith("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            segments.add(PercentEncoding.decodeText(segment, false));
        }
        return List.copyOf(segments);
    }

    /** The path and query in origin form ({@code /a?b}), as this request would reach a server; other forms as sent. */
    public String originForm() {
        if (form != Form.ORIGIN && form != Form.ABSOLUTE) {
            return raw;
        }
        return query.raw().isEmpty() && !hasQueryMark() ? path : path + "?" + query.raw();
    }

    private boolean hasQueryMark() {
        int question = raw.indexOf('?');
        int fragment = raw.indexOf('#');
        return question >= 0 && (fragment < 0 || question < fragment);
    }

    /** A host and port as an authority names them; an authority that names no readable one is its own host. */
    private record HostPort(String host, int port) {

        static final HostPort NONE = new HostPort("", -1);

        static HostPort of(String authority) {
            Matcher matcher = HOST_PORT.matcher(authority);
            if (!matcher.matches()) {
                return new HostPort(authority, -1);
            }
            String port = matcher.group(2);
            if (port == null || port.isEmpty()) {
                return new HostPort(matcher.group(1), -1);
            }
            int number = Integer.parseInt(port);
            return number > 65535 ? new HostPort(authority, -1) : new HostPort(matcher.group(1), number);
        }
    }
}
