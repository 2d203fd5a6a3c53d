package dev.restlab.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The matcher on its own: which operation an exchange was, and why it does or does not conform. */
class ApiDescriptionTest {

    private static final ApiDescription API = ApiDescription.bundled();
    private static final String ID = "0b4e8a41-3f0e-4c57-9a3b-5d2f1c6e7a90";
    private static final String JOHN = "{\"email\":\"john@example.com\",\"id\":\"" + ID + "\",\"name\":\"John\"}";
    private static final String TEXT = "text/plain;charset=utf-8";

    private static Conformance check(String method, String target, int status, String type, String body) {
        return API.check(method, target, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_handouts_exchanges_match_their_operations_and_conform() {
        assertEquals(Conformance.ok("welcome"),
                check("GET", "/", 200, "text/html;charset=utf-8", "<h1>The server is up and running!</h1>\n"));
        assertEquals(Conformance.ok("createUser"), check("POST", "/people/v1/users", 201, TEXT,
                "User created successfully! ID: " + ID + ", Name: John, Email: john@example.com\n"));
        assertEquals(Conformance.ok("listUsers"), check("GET", "/people/v1/users", 200, "application/json",
                "{\"users\":[" + JOHN + "]}\n"));
        assertEquals(Conformance.ok("listUsers"), check("GET", "/people/v1/users?name=John", 200,
                "application/json", "[" + JOHN + "]\n"));
        assertEquals(Conformance.ok("getUser"), check("GET", "/people/v1/users/" + ID, 200, "application/json", JOHN));
        assertEquals(Conformance.ok("deleteUser"), check("DELETE", "/people/v1/users/" + ID, 204, null, ""));
        assertEquals(Conformance.ok("createUser"), check("POST", "/people/v1/users", 415, TEXT, "Request must be JSON\n"));
        assertEquals(Conformance.ok("testFolderRedirect"), check("GET", "/test?x=1", 308, TEXT, "Redirecting to /test/?x=1\n"));
    }

    @Test
    void head_and_options_are_operations_of_their_own_and_a_head_answer_has_no_body() {
        assertEquals(Conformance.ok("listUsersHead"), check("HEAD", "/people/v1/users", 200, "application/json", ""));
        assertEquals(Conformance.ok("usersOptions"), check("OPTIONS", "/people/v1/users", 200, TEXT, ""));
        Conformance withBody = check("HEAD", "/", 200, "text/html", "<h1>x</h1>");
        assertEquals(Optional.of("welcomeHead"), withBody.operationId());
        assertFalse(withBody.conforms());
        assertTrue(withBody.reason().contains("HEAD came with a body"), withBody.reason());
    }

    @Test
    void an_undocumented_status_does_not_conform_and_says_which_are_documented() {
        Conformance verdict = check("GET", "/people/v1/users/" + ID, 500, TEXT, "Internal Server Error: X\n");
        assertEquals(Optional.of("getUser"), verdict.operationId());
        assertFalse(verdict.conforms());
        assertEquals("status 500 is not documented (documented: 200, 400, 404, 421)", verdict.reason());
        assertEquals("getUser: does not conform: status 500 is not documented (documented: 200, 400, 404, 421)",
                verdict.summary());
    }

    @Test
    void a_body_that_breaks_the_schema_does_not_conform_with_the_first_violation_as_reason() {
        Conformance missingName = check("GET", "/people/v1/users/" + ID, 200, "application/json",
                "{\"email\":\"john@example.com\",\"id\":\"" + ID + "\"}");
        assertFalse(missingName.conforms());
        assertTrue(missingName.reason().startsWith("200: the body does not match the schema: "), missingName.reason());
        assertTrue(missingName.reason().contains("name"), missingName.reason());

        Conformance wrongText = check("GET", "/", 200, "text/html", "<h1>Hello</h1>\n");
        assertFalse(wrongText.conforms());
        assertTrue(wrongText.reason().contains("constant value"), wrongText.reason());

        Conformance wrongField = check("GET", "/people/v1/users", 200, "application/json",
                "{\"users\":[{\"email\":1,\"id\":\"" + ID + "\",\"name\":\"John\"}]}");
        assertEquals("200: the body does not match the schema: /users/0/email: integer found, string expected",
                wrongField.reason(), "the field that is wrong, not just 'no alternative of oneOf fits'");

        Conformance emptyList = check("GET", "/people/v1/users?name=John", 200, "application/json", "[]");
        assertFalse(emptyList.conforms(), "a named listing is never empty: no match is a 404");

        Conformance notJson = check("GET", "/people/v1/users/" + ID, 200, "application/json", "{\"email\":");
        assertEquals("200: the body is not JSON", notJson.reason());
    }

    @Test
    void a_content_type_the_document_does_not_give_does_not_conform() {
        Conformance html = check("GET", "/people/v1/users", 404, "text/html", "User with name 'x' not found\n");
        assertFalse(html.conforms());
        assertEquals("404: content type text/html is not documented here (documented: text/plain)", html.reason());

        Conformance none = check("GET", "/people/v1/users", 404, null, "User with name 'x' not found\n");
        assertEquals("404: no Content-Type, documented: text/plain", none.reason());
    }

    @Test
    void a_body_where_the_document_gives_none_does_not_conform() {
        Conformance verdict = check("DELETE", "/people/v1/users/" + ID, 204, TEXT, "deleted\n");
        assertFalse(verdict.conforms());
        assertEquals("204: the document gives this status no body, but 8 bytes came", verdict.reason());
    }

    @Test
    void text_that_is_not_utf8_does_not_conform() {
        Conformance verdict = API.check("GET", "/people/v1/users/x", 404, TEXT, new byte[] {(byte) 0xff, '\n'});
        assertEquals("404: the body is not UTF-8 text", verdict.reason());
    }

    @Test
    void a_body_kept_only_in_part_is_not_judged_but_its_status_and_type_are() {
        byte[] start = "{\"users\":[".getBytes(StandardCharsets.UTF_8);
        Conformance cut = API.check("GET", "/people/v1/users", 200, "application/json", start, 300_000);
        assertEquals(new Conformance(Optional.of("listUsers"), true,
                "body not checked: only the first 10 of 300000 bytes were kept"), cut);
        assertFalse(API.check("GET", "/people/v1/users", 200, "text/html", start, 300_000).conforms());
        assertFalse(API.check("GET", "/people/v1/users", 200, "application/json", start, start.length).conforms(),
                "the same bytes as a whole body are judged, and are not JSON");
    }

    @Test
    void a_request_jetty_refused_before_routing_is_not_the_apis() {
        Conformance verdict = API.check("", "", 400, "text/html", "<h1>Bad Message 400</h1>".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), verdict.operationId());
        assertFalse(verdict.conforms());
        assertTrue(verdict.reason().contains("before any route"), verdict.reason());
    }

    @Test
    void an_unknown_path_matches_no_operation_and_conforms_only_with_the_documented_404() {
        Conformance documented = check("GET", "/nope?x=1", 404, TEXT, "Not Found: nothing is served at /nope\n");
        assertEquals(Optional.empty(), documented.operationId());
        assertTrue(documented.conforms());
        assertEquals("no operation: conforms (nothing is served at /nope: 404 as documented)", documented.summary());

        Conformance answered = check("GET", "/nope", 200, TEXT, "hello\n");
        assertFalse(answered.conforms());
        assertEquals("nothing is served at /nope, so the document says 404, not 200", answered.reason());
    }

    @Test
    void a_method_a_path_does_not_take_conforms_only_with_the_documented_405() {
        Conformance verdict = check("PUT", "/people/v1/users", 405, TEXT,
                "Method Not Allowed: /people/v1/users accepts GET, HEAD, OPTIONS, POST, not PUT\n");
        assertEquals(Optional.empty(), verdict.operationId());
        assertTrue(verdict.conforms(), verdict.reason());

        Conformance lowercase = check("get", "/", 200, "text/html", "<h1>The server is up and running!</h1>\n");
        assertFalse(lowercase.conforms(), "methods are case-sensitive: the server answers 'get' with 405");
        assertEquals("get is not a method of /, so the document says 405, not 200", lowercase.reason());
    }

    @Test
    void a_path_with_broken_escapes_matches_no_operation_and_conforms_only_with_the_documented_400() {
        Conformance documented = check("GET", "/people/v1/users/%ff", 400, TEXT,
                "Malformed path: a %-escape is broken or is not UTF-8\n");
        assertEquals(Optional.empty(), documented.operationId());
        assertTrue(documented.conforms(), documented.reason());

        Conformance notFound = check("GET", "/people/v1/users/%ff", 404, TEXT, "User with ID \ufffd not found\n");
        assertFalse(notFound.conforms());
        assertEquals("the path's %-escapes are broken or not UTF-8, so the document says 400, not 404", notFound.reason());
        assertTrue(check("GET", "/people/v1/users/%C3%A9", 404, TEXT, "User with ID \u00e9 not found\n").conforms(),
                "well-formed UTF-8 escapes route as usual");
        assertTrue(check("GET", "/x%2", 400, TEXT, "Malformed path: a %-escape is broken or is not UTF-8\n").conforms());
    }

    @Test
    void paths_match_as_the_router_matches_them() {
        assertEquals(Optional.of("swaggerUi"), check("GET", "/docs", 200, "text/html", "").operationId(),
                "/docs is the page, not /docs/{asset}");
        assertEquals(Optional.of("swaggerUiAsset"), check("GET", "/docs/x.js", 404, TEXT,
                "Not Found: nothing is served at /docs/x.js\n").operationId());
        assertEquals(Optional.of("swaggerUiRedirect"), check("GET", "/docs/", 308, TEXT, "Redirecting to /docs\n")
                .operationId(), "an empty segment is no {asset}: /docs/ is the redirect to /docs");
        assertTrue(check("GET", "/docs//", 404, TEXT, "Not Found: nothing is served at /docs//\n").operationId().isEmpty());
        assertEquals(Optional.of("testFolder"), check("GET", "/test/", 200, "text/html",
                "<h1>This is the \"test\" folder.</h1>\n").operationId());
        assertEquals(Optional.of("getUser"), check("GET", "http://127.0.0.1:5001/people/v1/users/" + ID, 200,
                "application/json", JOHN).operationId(), "absolute-form targets name the same path");
    }

    @Test
    void paths_are_taken_as_sent_as_the_server_takes_them() {
        for (String path : new String[] {"/people/v1/users;x", "/./openapi.json", "/docs/../openapi.json"}) {
            Conformance verdict = check("GET", path, 404, TEXT, "Not Found: nothing is served at " + path + "\n");
            assertEquals(Optional.empty(), verdict.operationId(), path);
            assertTrue(verdict.conforms(), verdict.reason());
        }
    }

    @Test
    void connect_to_a_host_and_port_conforms_only_with_the_documented_405() {
        String body = "Method Not Allowed: CONNECT asks for a tunnel to another server, and RestLab is not a proxy\n";
        Conformance verdict = check("CONNECT", "127.0.0.1:22", 405, TEXT, body);
        assertEquals(Optional.empty(), verdict.operationId());
        assertTrue(verdict.conforms(), verdict.reason());
        Conformance crashed = check("CONNECT", "127.0.0.1:22", 500, null, "");
        assertFalse(crashed.conforms());
        assertEquals("CONNECT 127.0.0.1:22 asks for a tunnel, which no path serves, so the document says 405,"
                + " not 500", crashed.reason());
    }

    @Test
    void the_table_of_paths_and_methods_is_the_documents() {
        Map<String, Set<String>> table = API.pathsAndMethods();
        assertEquals(Set.of("DELETE", "GET", "HEAD", "OPTIONS"), table.get("/people/v1/users/{id}"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), table.get("/people/v1/users"));
    }

    @Test
    void json_and_yaml_are_the_same_document_and_the_yaml_is_the_resource_as_written() throws IOException {
        String resource;
        try (InputStream in = ApiDescription.class.getResourceAsStream(ApiDescription.RESOURCE)) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(resource, API.yaml());
        Object fromYaml = new Yaml().load(API.yaml());
        assertEquals(JsonParser.parseString(new com.google.gson.Gson().toJson(fromYaml)), JsonParser.parseString(API.json()));
        assertTrue(API.json().contains("\"<h1>The server is up and running!</h1>\\n\""), "no HTML escaping in JSON");
    }

    @Test
    void a_document_that_cannot_be_used_is_refused_with_the_reason() {
        String minimal = """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get:
                      %s
                      responses:
                        '200': {$ref: '#/components/responses/%s'}
                components:
                  responses:
                    Fine: {description: fine}
                    MalformedPath: {description: bad}
                    UnknownPath: {description: gone}
                    MethodNotAllowed: {description: no}
                    NotAProxy: {description: tunnel}
                    MisdirectedRequest: {description: rebinding}
                """;
        assertEquals(Optional.of("a"), ApiDescription.fromYaml(minimal.formatted("operationId: a", "Fine"))
                .check("GET", "/a", 200, null, new byte[0]).operationId());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApiDescription.fromYaml(minimal.formatted("summary: no id", "Fine")))
                .getMessage().contains("has no operationId"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApiDescription.fromYaml(minimal.formatted("operationId: a", "Missing")))
                .getMessage().contains("names nothing"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApiDescription.fromYaml(minimal.formatted("operationId: a", "Fine")
                        .replace("    MethodNotAllowed: {description: no}\n", "")))
                .getMessage().contains("MethodNotAllowed"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApiDescription.fromYaml("openapi: 3.1.0\nopenapi: 3.1.1\n"))
                .getMessage().startsWith("not YAML"));
    }
}
