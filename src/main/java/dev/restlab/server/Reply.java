package dev.restlab.server;

import java.nio.charset.StandardCharsets;
import spark.Response;

/**
 * Sets status, type and length of a response and hands back its body for a route to return.
 * Declaring the length keeps Jetty from chunking, so curl shows a {@code Content-Length} as it
 * does against the handout's Flask server. Anything that may echo user input goes out as plain
 * text, never as HTML.
 */
final class Reply {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";

    private Reply() {
    }

    static String text(Response response, int status, String body) {
        return send(response, status, TEXT, body);
    }

    static String html(Response response, String body) {
        return send(response, 200, HTML, body);
    }

    static String json(Response response, String body) {
        return send(response, 200, JSON, body);
    }

    /** 200 with bytes of the given type, e.g. a file of the Swagger UI page. */
    static byte[] bytes(Response response, String type, byte[] body) {
        response.status(200);
        response.type(type);
        response.header("Content-Length", Integer.toString(body.length));
        return body;
    }

    /** 204: no body, and so no length or type either. */
    static String noContent(Response response) {
        response.status(204);
        return "";
    }

    private static String send(Response response, int status, String type, String body) {
        response.status(status);
        response.type(type);
        response.header("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return body;
    }
}
