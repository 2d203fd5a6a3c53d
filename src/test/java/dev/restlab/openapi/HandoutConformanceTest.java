package dev.restlab.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handout's requests, in its order, and the edge cases around them, sent to the real server
 * and each answer put through RestLab's validator of answers against the document
 * ({@link ApiDescription#check}): the test fails on any answer the document does not describe,
 * and on any answer that no operation lists, but for the two OpenAPI has no way to list (a path
 * nothing is served at, a method OpenAPI cannot name).
 */
class HandoutConformanceTest {

    private static final String USERS = "/people/v1/users";
    private static final Pattern CREATED_ID = Pattern.compile("ID: ([0-9a-f-]{36}),");
    /** What no operation can list: OpenAPI has no path for "any other path", no method for BREW or CONNECT. */
    private static final Set<String> NO_OPERATION_CAN_LIST = Set.of("GET /nope", "OPTIONS /nope", "BREW /",
            "CONNECT 127.0.0.1:22");

    @RegisterExtension
    final ServerExtension server = new ServerExtension().withoutTraffic();

    private final List<String> undescribed = new ArrayList<>();

    private RawResponse send(String method, String target, String host, String contentType, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        RawResponse response = server.exchange(request);
        Conformance verdict = ApiDescription.bundled().check(method, target, response.status(),
                response.header("Content-Type").orElse(null), response.body());
        String call = method + " " + target;
        if (!verdict.conforms()) {
            undescribed.add(call + " -> " + response.status() + ": " + verdict.summary());
        } else if (verdict.operationId().isEmpty() && !NO_OPERATION_CAN_LIST.contains(call) && !listedAsRefusal(verdict)) {
            undescribed.add(call + " -> " + response.status() + ": no operation lists it: " + verdict.summary());
        }
        return response;
    }

    /** Refusals listed on a path's operations (a broken %-escape, a method not taken, a host refused). */
    private static boolean listedAsRefusal(Conformance verdict) {
        String reason = verdict.reason();
        return reason.startsWith("the path's %-escapes are broken") || reason.contains(" is not a method of ")
                || reason.startsWith("the request names a host");
    }

    private RawResponse send(String method, String target) throws IOException {
        return send(method, target, "127.0.0.1:" + server.port(), null, null);
    }

    private RawResponse post(String contentType, String body) throws IOException {
        return send("POST", USERS, "127.0.0.1:" + server.port(), contentType, body);
    }

    @Test
    void the_handouts_requests_and_their_edge_cases_are_all_described_by_the_document() throws IOException {
        // The handout, in its order: In [3] to In [7] and the curl commands beside them.
        send("GET", "/");
        send("GET", "/test/");
        RawResponse created = post("application/json", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        assertEquals(201, created.status());
        post("application/json", "{\"name\": \"John\"}");
        post("text/plain", "name=John");
        send("GET", USERS);
        send("GET", USERS + "?name=John");
        send("GET", USERS + "?name=Nobody");
        Matcher id = CREATED_ID.matcher(created.text());
        assertTrue(id.find(), created.text());
        String john = USERS + "/" + id.group(1);
        send("GET", john);
        assertEquals(204, send("DELETE", john).status());
        assertEquals(404, send("DELETE", john).status());
        assertEquals(404, send("GET", john).status());

        // The edge cases a class finds around them.
        assertEquals(201, post("application/vnd.api+json", "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}").status());
        assertEquals(201, post("application/json; charset=utf-8", "{\"name\": \"Bo\", \"email\": \"bo@example.com\"}").status());
        post("application/json", "{\"name\": ");
        post("application/json", "[\"John\"]");
        post(null, "{}");
        assertEquals(200, send("GET", USERS + "?name=Ann&name=Bo").status(), "the first name counts");
        send("GET", USERS + "?name=");
        send("GET", USERS + "?name=%zz");
        send("GET", "/test");
        send("GET", "/docs/");
        send("HEAD", USERS);
        send("OPTIONS", USERS);
        send("OPTIONS", john);
        assertEquals(405, send("PUT", USERS).status());
        send("PATCH", john);
        send("POST", "/");
        send("TRACE", "/test/");
        send("BREW", "/");
        send("GET", USERS + "/%ff");
        send("DELETE", USERS + "/%c3%28");
        assertEquals(404, send("GET", "/nope").status());
        send("OPTIONS", "/nope");
        assertEquals(404, send("GET", "/docs/nope.js").status());
        assertEquals(404, send("OPTIONS", "/docs/nope.js").status(), "OPTIONS says what GET says");
        assertEquals(404, send("PUT", "/docs/nope.js").status());
        send("OPTIONS", "/docs/swagger-ui.css");
        assertEquals(421, send("GET", USERS, "rebind.example", null, null).status());
        send("POST", USERS, "rebind.example:" + server.port(), "application/json", "{}");
        send("CONNECT", "127.0.0.1:22");

        assertTrue(undescribed.isEmpty(), "answers the document does not describe:\n" + String.join("\n", undescribed));
    }

    @Test
    void the_served_document_names_the_running_server_and_needs_no_credentials() throws IOException {
        String base = "http://127.0.0.1:" + server.port();

        JsonObject served = JsonParser.parseString(send("GET", "/openapi.json").text()).getAsJsonObject();

        JsonArray servers = served.getAsJsonArray("servers");
        assertEquals(base, servers.get(0).getAsJsonObject().get("url").getAsString());
        assertEquals(0, served.getAsJsonArray("security").size());
        String createUser = served.getAsJsonObject("paths").getAsJsonObject(USERS).getAsJsonObject("post")
                .get("description").getAsString();
        assertTrue(createUser.contains(base + "/people/v1/users"), createUser);
        assertTrue(!send("GET", "/openapi.yaml").text().contains("127.0.0.1:5001") || server.port() == 5001,
                "the YAML names the running port too");
        assertTrue(undescribed.isEmpty(), String.join("\n", undescribed));
    }
}
