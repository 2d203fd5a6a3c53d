package dev.restlab.wire;

import dev.restlab.http.Api;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An exchange as text, the way curl shows it: the response as {@code curl -i} prints it, the
 * request as it was sent, a command that sends the request again, and a one-line access-log
 * summary. Made on demand, never on the server's threads; the messages are joined from
 * {@link MessagePieces}.
 *
 * <p>Lines end in CR LF as on the wire (and as curl prints them). Bodies are decoded as UTF-8;
 * a body that was stored cut short is followed by a note that gives its real size.
 */
public final class CurlText {

    private static final DateTimeFormatter FLASK_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ENGLISH);
    /** Headers that curl works out by itself from the URL and the body. */
    private static final Set<String> CURL_COMPUTES = Set.of("host", "content-length");

    private CurlText() {
    }

    /**
     * The response exactly as {@code curl -i} prints it: any interim {@code 1xx} answers, the
     * status line, the headers as sent, a blank line, then the (de-chunked) body.
     */
    public static String curlI(Exchange e) {
        return MessagePieces.plainText(MessagePieces.response(e));
    }

    /**
     * The request as it was sent on the wire: request line, headers, blank line, then the body.
     * (curl -v shows the same head on its {@code >} lines, but not the body.)
     */
    public static String requestAsSent(Exchange e) {
        return MessagePieces.plainText(MessagePieces.request(e));
    }

    /**
     * One line like the Flask development server's access log, in this computer's time zone:
     * {@code 127.0.0.1 - - [26/Nov/2026 10:46:45] "GET / HTTP/1.1" 200 -}.
     */
    public static String summary(Exchange e) {
        return e.connection().clientAddress() + " - - ["
                + FLASK_TIME.format(e.started().atZone(ZoneId.systemDefault()))
                + "] \"" + e.request().line() + "\" " + e.status() + " -";
    }

    /**
     * A bash command that sends the same request again to {@code baseUrl} (for example
     * {@code http://127.0.0.1:5001}) and prints the answer as the window shows it ({@code -i}):
     * same method, target, headers and body. curl works out {@code Host} and {@code Content-Length}
     * itself; a header curl would add but the original lacked is switched off ({@code -H 'Accept:'}).
     * The window's own marks (its tag header and its User-Agent) are left out, so the command
     * sent from a terminal is a terminal's request, with curl's User-Agent. Every argument is
     * quoted for bash, so quotes, {@code $}, {@code !}, backslashes, newlines and non-ASCII text
     * arrive unchanged.
     */
    public static String copyAsCurl(Exchange exchange, String baseUrl) {
        Request e = exchange.request();
        List<String> args = new ArrayList<>();
        String method = e.method();
        boolean hasBody = e.body().size() > 0
                || (e.header("Content-Length").isPresent() && !method.equals("GET") && !method.equals("HEAD"));
        if (method.equals("HEAD")) {
            args.add("--head");
        } else if (!(method.equals("GET") && !hasBody) && !(method.equals("POST") && hasBody)) {
            args.add("-X " + BashQuote.quote(method));
        }
        if (e.version().equals("HTTP/1.0")) {
            args.add("--http1.0");
        }
        String target = e.target();
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String url;
        if (target.startsWith("/")) {
            url = base + target;
        } else {
            url = base;
            args.add("--request-target " + BashQuote.quote(target));
        }
        if (url.matches(".*[\\[\\]{}].*")) {
            args.add("--globoff"); // curl would read [] and {} as its own URL patterns
        }
        if (target.matches("(.*/\\.\\.?(/.*|\\?.*|))")) {
            args.add("--path-as-is"); // curl would squash /./ and /../ before sending
        }
        args.add(BashQuote.quote(url));
        for (Header header : e.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CURL_COMPUTES.contains(name) || isCurlDefault(header) || isWindowMark(header)) {
                continue;
            }
            // curl drops a header given as "Name:"; "Name;" sends it with an empty value.
            String option = header.value().isEmpty() ? header.name() + ";" : header.name() + ": " + header.value();
            args.add("-H " + BashQuote.quote(option));
        }
        for (String added : new String[] {"User-Agent", "Accept"}) {
            if (e.header(added).isEmpty()) {
                args.add("-H " + BashQuote.quote(added + ":"));
            }
        }
        String pipeIn = null;
        if (hasBody) {
            if (e.header("Content-Type").isEmpty()) {
                args.add("-H " + BashQuote.quote("Content-Type:")); // else curl adds a form type
            }
            if (e.header("Expect").isEmpty() && e.body().size() > 1024) {
                args.add("-H " + BashQuote.quote("Expect:"));
            }
            byte[] body = e.body().stored();
            if (BashQuote.hasNul(body)) {
                pipeIn = BashQuote.printf(body); // bash arguments cannot hold a NUL byte
                args.add("--data-binary @-");
            } else {
                args.add("--data-binary " + BashQuote.quote(body));
            }
        }
        StringBuilder command = new StringBuilder();
        if (e.body().truncated()) {
            command.append("# ").append(e.body().cutNote()).append(": this sends only ")
                    .append(e.body().stored().length == 0 ? "the headers" : "those bytes").append(".\n");
        }
        if (pipeIn != null) {
            command.append(pipeIn).append(" | ");
        }
        command.append(method.equals("HEAD") ? "curl" : "curl -i"); // -i: the status line and headers too, as the window shows
        for (String arg : args) {
            command.append(" \\\n  ").append(arg);
        }
        return command.toString();
    }

    /**
     * A PowerShell command that sends the same request again with {@code Invoke-WebRequest}
     * (Windows PowerShell 5.1 and PowerShell 7), quoted for PowerShell.
     */
    public static String copyAsPowerShell(Exchange exchange, String baseUrl) {
        Request e = exchange.request();
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        StringBuilder command = new StringBuilder("Invoke-WebRequest -UseBasicParsing");
        command.append(" -Method ").append(PowerShellQuote.quote(e.method()));
        command.append(" -Uri ").append(PowerShellQuote.quote(base + e.target()));
        List<String> headers = new ArrayList<>();
        for (Header header : e.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CURL_COMPUTES.contains(name) || name.equals("connection")) {
                continue; // PowerShell sets these itself and refuses them in -Headers
            }
            if (isWindowMark(header)) {
                continue;
            }
            if (name.equals("content-type")) {
                command.append(" `\n  -ContentType ").append(PowerShellQuote.quote(header.value()));
            } else if (name.equals("user-agent")) {
                command.append(" `\n  -UserAgent ").append(PowerShellQuote.quote(header.value()));
            } else {
                headers.add(PowerShellQuote.quote(header.name()) + " = " + PowerShellQuote.quote(header.value()));
            }
        }
        if (!headers.isEmpty()) {
            command.append(" `\n  -Headers @{ ").append(String.join("; ", headers)).append(" }");
        }
        if (e.body().size() > 0) {
            command.append(" `\n  -Body ").append(PowerShellQuote.quote(e.body().text()));
        }
        return command.toString();
    }

    /**
     * The marks with which RestLab's window tells its own requests apart: a copy without them is
     * taken for what it is, another client's request.
     */
    private static boolean isWindowMark(Header header) {
        return header.name().equalsIgnoreCase(Api.WINDOW_TAG_HEADER)
                || (header.name().equalsIgnoreCase("User-Agent") && header.value().startsWith(Api.WINDOW_USER_AGENT));
    }

    /** curl sends {@code Accept: *}{@code /*} and its own {@code User-Agent} unasked. */
    private static boolean isCurlDefault(Header header) {
        return (header.name().equalsIgnoreCase("Accept") && header.value().equals("*/*"))
                || (header.name().equalsIgnoreCase("User-Agent") && header.value().startsWith("curl/"));
    }
}
