package dev.restlab.server;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request in the Flask development server's format, e.g.
 * {@code 127.0.0.1 - - [26/Nov/2026 10:46:45] "GET / HTTP/1.1" 200 -}. Jetty calls it for every
 * request, including those it rejects itself before any route runs.
 */
public final class AccessLog implements RequestLog {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);

    private final Consumer<String> out;

    public AccessLog(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void log(Request request, Response response) {
        String target = request.getOriginalURI() == null ? "" : request.getOriginalURI();
        out.accept(line(request.getRemoteAddr(), LocalDateTime.now(),
                request.getMethod() + " " + target + " " + request.getProtocol(),
                response.getCommittedMetaData().getStatus()));
    }

    static String line(String client, LocalDateTime when, String requestLine, int status) {
        return client + " - - [" + WHEN.format(when) + "] \"" + requestLine + "\" " + status + " -";
    }
}
