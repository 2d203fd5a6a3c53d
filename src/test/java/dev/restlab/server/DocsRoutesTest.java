package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.testing.ServerExtension;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /openapi.json, /openapi.yaml and the Swagger UI page at /docs, over real HTTP. */
class DocsRoutesTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void the_document_is_served_as_json_and_as_the_yaml_it_is_kept_in() throws Exception {
        HttpResponse<String> json = server.client().get("/openapi.json");
        assertEquals(200, json.statusCode());
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        ApiDescription served = ApiDescription.bundled().servedAt(List.of("http://127.0.0.1:" + server.port()));
        assertEquals(served.json(), json.body(), "the bundled document with this server's URL");

        HttpResponse<String> yaml = server.client().get("/openapi.yaml");
        assertEquals(200, yaml.statusCode());
        assertEquals("application/yaml", yaml.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(served.yaml(), yaml.body());
        assertEquals(ApiDescription.bundled().yaml().replace("http://127.0.0.1:5001", "http://127.0.0.1:" + server.port())
                .replace("RestLab's default address; the running server serves this document with its own URLs here.",
                        "This RestLab, from this computer."), yaml.body(), "only the URLs differ from the source");
        assertTrue(yaml.body().startsWith("openapi: 3.1.0\n"));
    }

    @Test
    void the_docs_page_points_swagger_ui_at_this_servers_document_and_loads_nothing_from_elsewhere() throws Exception {
        HttpResponse<String> page = server.client().get("/docs");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'"), policy);
        assertTrue(page.body().contains("<script src=\"/docs/swagger-ui-bundle.js\""), page.body());
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no outside URL");

        HttpResponse<String> init = server.client().get("/docs/swagger-initializer.js");
        assertEquals(SwaggerUiFiles.JAVASCRIPT, init.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(init.body().contains("url: \"/openapi.json\""), init.body());
        assertTrue(init.body().contains("validatorUrl: null"), "no call to the online validator");
    }

    @Test
    void docs_with_a_trailing_slash_is_sent_on_to_docs_with_a_308_keeping_the_query() throws Exception {
        HttpResponse<String> bare = server.client().get("/docs/");
        assertEquals(308, bare.statusCode());
        assertEquals("/docs", bare.headers().firstValue("Location").orElseThrow());
        assertEquals("Redirecting to /docs\n", bare.body());
        HttpResponse<String> withQuery = server.client().get("/docs/?url=x");
        assertEquals(308, withQuery.statusCode());
        assertEquals("/docs?url=x", withQuery.headers().firstValue("Location").orElseThrow());
        assertEquals(200, server.client().get(bare.headers().firstValue("Location").orElseThrow()).statusCode());
    }

    @Test
    void swagger_ui_files_come_from_the_pinned_webjar_byte_for_byte() throws Exception {
        String version = webjarVersion();
        for (String[] file : new String[][] {{"swagger-ui-bundle.js", SwaggerUiFiles.JAVASCRIPT},
                {"swagger-ui.css", SwaggerUiFiles.CSS}, {"favicon-32x32.png", SwaggerUiFiles.PNG}}) {
            HttpResponse<byte[]> response = server.client().sendBytes(
                    HttpRequest.newBuilder(server.client().uri("/docs/" + file[0])).GET());
            assertEquals(200, response.statusCode(), file[0]);
            assertEquals(file[1], response.headers().firstValue("Content-Type").orElseThrow(), file[0]);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            try (InputStream expected = getClass().getResourceAsStream(
                    "/META-INF/resources/webjars/swagger-ui/" + version + "/" + file[0])) {
                assertArrayEquals(expected.readAllBytes(), response.body(), file[0]);
            }
        }
    }

    @Test
    void only_the_named_files_are_served_never_a_path_into_the_jar() throws Exception {
        for (String target : new String[] {"/docs/index.html", "/docs/oauth2-redirect.html", "/docs/pom.properties",
                "/docs/swagger-ui.js", "/docs/.."}) {
            HttpResponse<String> response = server.client().get(target);
            assertEquals(404, response.statusCode(), target);
            assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow(), target);
        }
        // An encoded '/' in a path is refused by Jetty itself (400) before any route runs.
        for (String target : new String[] {"/docs/%2e%2e%2fopenapi.yaml", "/docs/..%2F..%2FMETA-INF%2FMANIFEST.MF"}) {
            HttpResponse<String> response = server.client().get(target);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, target + " " + response.statusCode());
            assertTrue(!response.body().contains("Manifest") && !response.body().contains("openapi:"), response.body());
        }
        String raw = server.answerUntilClosed("GET /docs/<script>alert(1)</script> HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 4"), raw);
        assertTrue(!raw.contains("text/html"), "an echoed path is never HTML: " + raw);
    }

    @Test
    void the_new_paths_go_through_the_router_so_405_and_allow_stay_right() throws Exception {
        HttpResponse<String> post = server.client().post("/openapi.json", "application/json", "{}");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(405, server.client().delete("/docs/swagger-ui.css").statusCode());
        assertEquals(200, server.client().method("HEAD", "/docs").statusCode());
    }

    private static String webjarVersion() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = DocsRoutesTest.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
