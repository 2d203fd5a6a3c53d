package dev.restlab.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.HostPort;

/**
 * Answers {@code 421 Misdirected Request} to any request whose {@code Host} header or absolute-form
 * target names a host this server does not answer for (see {@link AllowedHosts}). It wraps every
 * handler Spark installs, so no route, the docs and {@code OPTIONS} included, sees such a request.
 */
final class HostCheck extends HandlerWrapper {

    /** A name safe to repeat in the answer; anything else is not echoed. */
    private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,255}");

    private final AllowedHosts allowed;
    private final InetAddress bound;

    HostCheck(AllowedHosts allowed, InetAddress bound) {
        this.allowed = allowed;
        this.bound = bound;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request,
            HttpServletResponse response) throws IOException, javax.servlet.ServletException {
        String refused = firstRefused(baseRequest);
        if (refused == null) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        byte[] body = reason(refused).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.MISDIRECTED_REQUEST_421);
        response.setContentType(Reply.TEXT);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The first host the request names that is not allowed, or null when all are or none is
     * named (HTTP/1.0 without Host, an empty Host): a browser always names one.
     */
    private String firstRefused(Request request) {
        String targetHost = request.getHttpURI() == null ? null : request.getHttpURI().getHost();
        return firstRefused(allowed, bound, request.getMethod(), targetHost,
                Collections.list(request.getHeaders("Host")));
    }

    /**
     * The first host a request names that is not allowed, or null: the rule for RestLab's own
     * server and for its proxy mode alike.
     *
     * @param targetHost the host of an absolute-form target, or null
     * @param hostHeaders the values of the request's {@code Host} headers
     */
    static String firstRefused(AllowedHosts allowed, InetAddress bound, String method, String targetHost,
            List<String> hostHeaders) {
        List<String> named = new ArrayList<>();
        // A CONNECT's target names where to tunnel to, not this server (it is refused anyway).
        if (targetHost != null && !"CONNECT".equals(method)) {
            named.add(targetHost);
        }
        for (String host : hostHeaders) {
            if (!host.isBlank()) { // an empty Host names no one (RFC 9110 allows it); browsers never send it
                named.add(hostOf(host));
            }
        }
        for (String host : named) {
            if (!allowed.permits(host, bound)) {
                return host;
            }
        }
        return null;
    }

    /** The host part of a Host header value ({@code name}, {@code name:port}, {@code [v6]:port}). */
    private static String hostOf(String value) {
        try {
            return new HostPort(value.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static String reason(String host) {
        if (!ECHOABLE.matcher(host).matches()) {
            return "Misdirected Request: this server does not answer for the host name in this request;"
                    + " only localhost, this computer's addresses and names allowed with --allow-host\n";
        }
        return "Misdirected Request: this server does not answer for the host name " + host
                + "; to allow it, restart RestLab with --allow-host " + host
                + " (or add the name in the window's server bar)\n";
    }
}
