package dev.restlab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Answers {@code 400 Bad Request} to a request with more than one {@code Host} header, before any
 * handler or route sees it (RFC 9112, section 3.2: a server must answer 400 to such a request).
 * Jetty 9.4 takes the first and ignores the others; a proxy in front might take another, which is
 * how requests get routed past a check. The connection is closed after the answer.
 */
final class SingleHostHeader implements HttpConfiguration.Customizer {

    static final String REASON = "Bad Request: more than one Host header\n";

    @Override
    public void customize(Connector connector, HttpConfiguration config, Request request) {
        if (request.getHttpFields().getValuesList(HttpHeader.HOST).size() < 2) {
            return;
        }
        request.setHandled(true); // no handler, filter or route runs
        Response response = request.getResponse();
        byte[] body = REASON.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.BAD_REQUEST_400);
        response.setContentType(Reply.TEXT);
        response.setContentLength(body.length);
        response.setHeader(HttpHeader.CONNECTION.asString(), "close");
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away: Jetty ends the exchange
        }
    }
}
