package dev.restlab.server;

import dev.restlab.openapi.ApiDescription;
import java.nio.charset.StandardCharsets;
import spark.Request;
import spark.Response;

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

    void declare(Router router) {
        router.get(OPENAPI_JSON, this::openApiJson);
        router.get(OPENAPI_YAML, this::openApiYaml);
        router.get(DOCS, this::swaggerUi);
        router.get(DOCS_ASSET, this::swaggerUiAsset);
    }

    private Object openApiJson(Request request, Response response) {
        noSniff(response);
        return Reply.json(response, ApiDescription.bundled().json());
    }

    private Object openApiYaml(Request request, Response response) {
        noSniff(response);
        return Reply.bytes(response, YAML, ApiDescription.bundled().yaml().getBytes(StandardCharsets.UTF_8));
    }

    private Object swaggerUi(Request request, Response response) {
        noSniff(response);
        response.header("Content-Security-Policy", PAGE_POLICY);
        SwaggerUiFiles.File page = SwaggerUiFiles.get().page();
        return Reply.bytes(response, page.contentType(), page.bytes());
    }

    private Object swaggerUiAsset(Request request, Response response) {
        noSniff(response);
        return SwaggerUiFiles.get().asset(request.params(":asset"))
                .<Object>map(file -> Reply.bytes(response, file.contentType(), file.bytes()))
                .orElseGet(() -> Reply.text(response, 404,
                        "Not Found: nothing is served at " + request.pathInfo() + "\n"));
    }

    private static void noSniff(Response response) {
        response.header("X-Content-Type-Options", "nosniff");
    }
}
