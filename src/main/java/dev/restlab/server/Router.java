package dev.restlab.server;

import dev.restlab.http.PathTemplate;
import dev.restlab.http.PercentEncoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;

/**
 * Declares routes on one Spark service and remembers which methods each path takes, because
 * Spark alone answers 404 to a wrong method where HTTP wants 405 with an {@code Allow} header.
 * Every GET route also answers HEAD (Spark runs no GET handler for HEAD; Jetty drops the body).
 */
public final class Router {

    private final Service spark;
    private final List<PathMethods> paths = new ArrayList<>();

    Router(Service spark) {
        this.spark = spark;
        spark.before(this::answerUnroutable);
    }

    /** @param path a {@link PathTemplate}, such as {@code /people/v1/users/{id}} */
    public void get(String path, Route handler) {
        PathMethods declared = declare(path);
        spark.get(declared.sparkPattern(), handler);
        spark.head(declared.sparkPattern(), handler);
        declared.methods.addAll(List.of("GET", "HEAD"));
    }

    public void post(String path, Route handler) {
        PathMethods declared = declare(path);
        spark.post(declared.sparkPattern(), handler);
        declared.methods.add("POST");
    }

    public void delete(String path, Route handler) {
        PathMethods declared = declare(path);
        spark.delete(declared.sparkPattern(), handler);
        declared.methods.add("DELETE");
    }

    /**
     * The methods a request path accepts, OPTIONS included, sorted as they go into
     * {@code Allow}; empty when no route has that path.
     */
    public Set<String> allowedMethods(String requestPath) {
        for (PathMethods candidate : paths) {
            if (candidate.template.matches(requestPath)) {
                Set<String> allowed = new TreeSet<>(candidate.methods);
                allowed.add("OPTIONS");
                return allowed;
            }
        }
        return Set.of();
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
     * Runs before every route: answers unknown paths (404), OPTIONS (200 with Allow) and wrong
     * methods (405 with Allow) so that no request falls through to Spark's HTML 404 page.
     */
    private void answerUnroutable(Request request, Response response) {
        if (!PercentEncoding.isUtf8(request.raw().getRequestURI())) {
            // Spark decodes ":id" strictly and would throw (a 500) on "%ff"; the client sent it.
            spark.halt(400, Reply.text(response, 400,
                    "Malformed path: a %-escape is broken or is not UTF-8\n"));
        }
        String path = request.pathInfo();
        Set<String> allowed = allowedMethods(path);
        if (allowed.isEmpty()) {
            spark.halt(404, Reply.text(response, 404, "Not Found: nothing is served at " + path + "\n"));
        }
        String method = request.requestMethod();
        if (method.equals("OPTIONS")) {
            response.header("Allow", String.join(", ", allowed));
            spark.halt(200, Reply.text(response, 200, ""));
        }
        if (!allowed.contains(method)) {
            response.header("Allow", String.join(", ", allowed));
            spark.halt(405, Reply.text(response, 405, "Method Not Allowed: " + path + " accepts "
                    + String.join(", ", allowed) + ", not " + method + "\n"));
        }
    }

    private PathMethods declare(String path) {
        for (PathMethods existing : paths) {
            if (existing.template.template().equals(path)) {
                return existing;
            }
        }
        PathMethods added = new PathMethods(new PathTemplate(path));
        paths.add(added);
        return added;
    }

    /** A declared path and its methods; the template matches by the same rules as Spark. */
    private record PathMethods(PathTemplate template, Set<String> methods) {
        PathMethods(PathTemplate template) {
            this(template, new TreeSet<>());
        }

        String sparkPattern() {
            return template.colonForm();
        }
    }
}
