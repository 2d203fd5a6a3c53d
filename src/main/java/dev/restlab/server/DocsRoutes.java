package dev.restlab.server;

import dev.restlab.openapi.ApiDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves the API's own description: the OpenAPI document as JSON and as YAML, and Swagger UI at
 * {@code /docs} for trying every operation against this server. Nothing here echoes a request.
 * The document and the Swagger UI files are read on first request, so they cost a server start
 * nothing (reading the document and compiling its schemas takes about a second on a cold JVM).
 */
final class DocsRoutes {

    static final String OPENAPI_JSON = "/openapi.json";
    static final String OPENAPI_YAML = "/openapi.yaml";
    static final String DOCS = "/docs";
    static final String DOCS_ASSET = DOCS + "/{asset}";

    static final String YAML = "application/yaml";

    /**
     * Swagger UI needs inline styles and data: images; everything else comes from this server,
     * so a stray script or a request to another site has nowhere to go.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    /** The running server's URLs, as the banner prints them; read on first request (the port is known by then). */
    private final Supplier<List<String>> urls;
    private volatile Served served;

    /** The document as served at some URLs: made once per server, as long as the URLs stay. */
    private record Served(List<String> urls, ApiDescription document) {
    }

    DocsRoutes(Supplier<List<String>> urls) {
        this.urls = urls;
    }

    /** The document with the running server's URLs in {@code servers} and in its examples. */
    private ApiDescription document() {
        List<String> now = urls.get();
        Served current = served;
        if (current == null || !current.urls().equals(now)) {
            current = new Served(now, ApiDescription.bundled().servedAt(now));
            served = current;
        }
        return current.document();
    }

    void declare(Routes routes) {
        routes.get(OPENAPI_JSON, this::openApiJson);
        routes.get(OPENAPI_YAML, this::openApiYaml);
        routes.get(DOCS, this::swaggerUi);
        routes.get(DOCS + "/", this::redirectToDocs);
        routes.get(DOCS_ASSET, path -> SwaggerUiFiles.get().asset(path.substring(DOCS.length() + 1)).isPresent(),
                this::swaggerUiAsset);
    }

    private Reply openApiJson(RouteRequest request) {
        return noSniff(Reply.json(document().json()));
    }

    private Reply openApiYaml(RouteRequest request) {
        return noSniff(Reply.bytes(YAML, document().yaml().getBytes(StandardCharsets.UTF_8)));
    }

    private Reply swaggerUi(RouteRequest request) {
        SwaggerUiFiles.File page = SwaggerUiFiles.get().page();
        return noSniff(Reply.bytes(page.contentType(), page.bytes()))
                .withHeader("Content-Security-Policy", PAGE_POLICY);
    }

    /** People type /docs/ as often as /docs: send them on, as /test goes on to /test/ (308 keeps the method). */
    private Reply redirectToDocs(RouteRequest request) {
        String target = DOCS + request.query().map(query -> "?" + query).orElse("");
        return Reply.text(308, "Redirecting to " + target + "\n").withHeader("Location", target);
    }

    private Reply swaggerUiAsset(RouteRequest request) {
        return noSniff(SwaggerUiFiles.get().asset(request.pathParameter("asset"))
                .map(file -> Reply.bytes(file.contentType(), file.bytes()))
                .orElseGet(() -> Reply.text(404, "Not Found: nothing is served at " + request.path() + "\n")));
    }

    /** Sent before any other header a route adds. */
    private static Reply noSniff(Reply reply) {
        return reply.withHeader("X-Content-Type-Options", "nosniff");
    }
}
