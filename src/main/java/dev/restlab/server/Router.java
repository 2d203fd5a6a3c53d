package dev.restlab.server;

import dev.restlab.http.PathTemplate;
import dev.restlab.http.PercentEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The one place that knows Spark: declares routes on one Spark service, hands each route our own
 * {@link RouteRequest} and puts its {@link Reply} on the wire. It also remembers which methods
 * each path takes, because Spark alone answers 404 to a wrong method where HTTP wants 405 with an
 * {@code Allow} header, and answers every request no route takes itself, so that none falls
 * through to Spark's HTML 404 page. Every GET route also answers HEAD (Spark runs no GET handler
 * for HEAD; Jetty drops the body).
 */
public final class Router implements Routes {

    private final Service spark;
    private final List<PathMethods> paths = new ArrayList<>();
    /** Paths of {@link #fixed} routes, which the checks before every route leave alone. */
    private final Set<String> fixedPaths = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Router(Service spark) {
        this.spark = spark;
        spark.exception(Exception.class, (e, request, response) -> response.body(new String(
                send(Reply.text(500, "Internal Server Error: " + e.getClass().getSimpleName() + "\n"),
                        response.raw()), StandardCharsets.UTF_8)));
        spark.before(this::answerUnroutable);
    }

    /** @param template a {@link PathTemplate}, such as {@code /people/v1/users/{id}} */
    @Override
    public void get(String template, Handler handler) {
        PathMethods declared = declare(template);
        spark.get(declared.sparkPattern(), adapt(handler));
        spark.head(declared.sparkPattern(), adapt(handler));
        declared.methods.addAll(List.of("GET", "HEAD"));
    }

    @Override
    public void get(String template, java.util.function.Predicate<String> served, Handler handler) {
        get(template, handler);
        PathMethods declared = declare(template);
        paths.set(paths.indexOf(declared), new PathMethods(declared.template, declared.methods, served));
    }

    @Override
    public void post(String template, Handler handler) {
        PathMethods declared = declare(template);
        spark.post(declared.sparkPattern(), adapt(handler));
        declared.methods.add("POST");
    }

    @Override
    public void delete(String template, Handler handler) {
        PathMethods declared = declare(template);
        spark.delete(declared.sparkPattern(), adapt(handler));
        declared.methods.add("DELETE");
    }

    /**
     * A bare Spark route: GET on exactly {@code path} answers 200 with the supplier's bytes,
     * straight from Spark, with none of the checks or adapting the API's routes go through.
     */
    void fixed(String path, String contentType, java.util.function.Supplier<byte[]> body) {
        fixedPaths.add(path);
        spark.get(path, (request, response) -> {
            byte[] bytes = body.get();
            response.raw().setContentType(contentType);
            response.raw().setContentLength(bytes.length);
            return bytes;
        });
    }

    /**
     * The methods a request path accepts, OPTIONS included, sorted as they go into
     * {@code Allow}; empty when no route has that path.
     */
    public Set<String> allowedMethods(String requestPath) {
        PathMethods declared = declaredFor(requestPath);
        if (declared == null) {
            return Set.of();
        }
        Set<String> allowed = new TreeSet<>(declared.methods);
        allowed.add("OPTIONS");
        return allowed;
    }

    /** The first declared path the request path matches, or null. */
    private PathMethods declaredFor(String requestPath) {
        for (PathMethods candidate : paths) {
            if (candidate.template.matches(requestPath) && candidate.served.test(requestPath)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The route table: each declared path template ({@code /people/v1/users/{id}}) with
     * the methods it answers, OPTIONS included, in declaration order. A read-only copy.
     */
    public Map<String, Set<String>> routes() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (PathMethods declared : paths) {
            Set<String> methods = new TreeSet<>(declared.methods);
            methods.add("OPTIONS");
            table.put(declared.template.template(), Collections.unmodifiableSet(methods));
        }
        return Collections.unmodifiableMap(table);
    }

    /**
     * Puts a reply's status and headers on a response, in the reply's order, then its type and
     * length, and hands back the body for whoever writes it.
     */
    static byte[] send(Reply reply, HttpServletResponse response) {
        sendHead(reply, response);
        return reply.body();
    }

    private static void sendHead(Reply reply, HttpServletResponse response) {
        response.setStatus(reply.status());
        for (Reply.Header header : reply.headers()) {
            response.addHeader(header.name(), header.value());
        }
        reply.type().ifPresent(type -> {
            response.setContentType(type);
            response.setHeader("Content-Length", Long.toString(reply.length()));
        });
    }

    /** A streamed reply is written onto the response here, piece by piece; Spark gets nothing more. */
    private static spark.Route adapt(Handler handler) {
        return (request, response) -> {
            Reply reply = handler.handle(new SparkRequest(request));
            if (!reply.streamed()) {
                return send(reply, response.raw());
            }
            sendHead(reply, response.raw());
            reply.writeBody(response.raw().getOutputStream());
            return "";
        };
    }

    /**
     * Runs before every route: answers malformed and unknown paths (400, 404), OPTIONS (200 with
     * Allow) and wrong methods (405 with Allow). It judges the path exactly as it came, which is
     * what Spark routes by: {@code /people/v1/users;x} or {@code /./openapi.json} are unknown
     * paths here as they are to Spark.
     */
    private void answerUnroutable(Request request, Response response) {
        if (!fixedPaths.isEmpty() && fixedPaths.contains(request.raw().getRequestURI())) {
            return;
        }
        Reply refusal = refusal(request.requestMethod(), request.raw().getRequestURI());
        if (refusal != null) {
            spark.halt(refusal.status(), new String(send(refusal, response.raw()), StandardCharsets.UTF_8));
        }
    }

    /** The answer to a request no route should see, or null when a route takes it. */
    Reply refusal(String method, String path) {
        if (!PercentEncoding.isUtf8(path)) {
            // Spark decodes ":id" strictly and would throw (a 500) on "%ff"; the client sent it.
            return Reply.text(400, "Malformed path: a %-escape is broken or is not UTF-8\n");
        }
        PathMethods declared = declaredFor(path);
        if (declared == null) {
            return Reply.text(404, "Not Found: nothing is served at " + path + "\n");
        }
        if (declared.methods.contains(method)) {
            return null; // the usual case, answered without building the Allow list
        }
        Set<String> allowed = allowedMethods(path);
        String allow = String.join(", ", allowed);
        if (method.equals("OPTIONS")) {
            return Reply.text(200, "").withHeader("Allow", allow);
        }
        if (!allowed.contains(method)) {
            return Reply.text(405, "Method Not Allowed: " + path + " accepts " + allow + ", not " + method + "\n")
                    .withHeader("Allow", allow);
        }
        return null;
    }

    private PathMethods declare(String template) {
        for (PathMethods existing : paths) {
            if (existing.template.template().equals(template)) {
                return existing;
            }
        }
        PathMethods added = new PathMethods(new PathTemplate(template));
        paths.add(added);
        return added;
    }

    /** A declared path and its methods; the template matches by the same rules as Spark. */
    private record PathMethods(PathTemplate template, Set<String> methods, java.util.function.Predicate<String> served) {
        PathMethods(PathTemplate template) {
            this(template, new TreeSet<>(), path -> true);
        }

        String sparkPattern() {
            return template.colonForm();
        }
    }

    /** A Spark request as a route sees it. */
    private record SparkRequest(Request spark) implements RouteRequest {

        @Override
        public String method() {
            return spark.requestMethod();
        }

        @Override
        public String path() {
            return spark.raw().getRequestURI();
        }

        @Override
        public Optional<String> query() {
            return Optional.ofNullable(spark.raw().getQueryString());
        }

        @Override
        public String pathParameter(String name) {
            return spark.params(":" + name);
        }

        @Override
        public List<String> headers(String name) {
            return Collections.list(spark.raw().getHeaders(name));
        }

        @Override
        public long declaredLength() {
            return spark.raw().getContentLengthLong();
        }

        /** Spark wraps Jetty's request in one that caches the whole body on first read. */
        @Override
        public InputStream body() throws IOException {
            ServletRequest current = spark.raw();
            while (current instanceof ServletRequestWrapper wrapper) {
                current = wrapper.getRequest();
            }
            return current.getInputStream();
        }
    }
}
