package dev.restlab.server;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers requests whose target has no path before Spark sees them: Spark's route matcher fails
 * on a missing path with a NullPointerException, and its exception handling then fails too (a
 * bare 500). Only {@code CONNECT host:port} (RFC 9112 §3.2.3, the way a client asks a proxy for
 * a tunnel) has such a target. RestLab is no proxy, so it answers 405 like any method it does not
 * take; there is no resource whose methods an {@code Allow} header could list. Jetty keeps a
 * CONNECT's connection open whatever the client asked (it expects a tunnel), so the answer closes
 * it: a client that wanted a tunnel has no use for the connection.
 */
final class PathlessTargets extends HandlerWrapper {

    static final String NOT_A_PROXY =
            "Method Not Allowed: CONNECT asks for a tunnel to another server, and RestLab is not a proxy\n";

    PathlessTargets(Handler next) {
        setHandler(next);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        if (request.getRequestURI() != null) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        byte[] body = Router.send(Reply.text(405, NOT_A_PROXY).withHeader("Connection", "close"), response);
        response.getOutputStream().write(body);
    }
}
