package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.TestClient;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handout's curl commands and the bad inputs it does not handle, over real HTTP. */
class UserRoutesTest {

    private static final String USERS = "/people/v1/users";
    private static final Pattern CREATED = Pattern.compile(
            "User created successfully! ID: ([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}),"
                    + " Name: (.*), Email: (.*)\n");

    @RegisterExtension
    final ServerExtension server = new ServerExtension();
    private TestClient http;

    @BeforeEach
    void client() {
        http = server.client();
    }

    private String createJohn() throws Exception {
        HttpResponse<String> created = http.postJson(USERS, "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        Matcher m = CREATED.matcher(created.body());
        assertTrue(m.matches(), created.body());
        return m.group(1);
    }

    // curl http://127.0.0.1:5001
    @Test
    void root_answers_the_handouts_welcome_html() throws Exception {
        HttpResponse<String> response = http.get("/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>The server is up and running!</h1>\n", response.body());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("39", response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void test_folder_answers_the_handouts_html() throws Exception {
        HttpResponse<String> response = http.get("/test/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>This is the \"test\" folder.</h1>\n", response.body());
    }

    @Test
    void test_without_slash_redirects_permanently_like_flask() throws Exception {
        HttpResponse<String> response = http.get("/test?x=1");
        assertEquals(308, response.statusCode());
        assertEquals("/test/?x=1", response.headers().firstValue("Location").orElseThrow());
    }

    // curl -i -X POST -H "Content-Type: application/json" -d '{"name": "John", ...}' .../people/v1/users
    @Test
    void post_creates_a_user_and_answers_201_with_the_handouts_sentence_and_a_location() throws Exception {
        HttpResponse<String> response = http.postJson(USERS, "{\"name\": \"John\", \"email\": \"john@example.com\"}");

        assertEquals(201, response.statusCode());
        Matcher m = CREATED.matcher(response.body());
        assertTrue(m.matches(), response.body());
        assertEquals("John", m.group(2));
        assertEquals("john@example.com", m.group(3));
        assertEquals(USERS + "/" + m.group(1), response.headers().firstValue("Location").orElseThrow());
        assertEquals(Reply.TEXT.replace(" ", ""), response.headers().firstValue("Content-Type").orElseThrow());
    }

    // curl -i http://127.0.0.1:5001/people/v1/users
    @Test
    void list_is_an_object_of_users_in_insertion_order_with_flasks_sorted_keys() throws Exception {
        assertEquals("{\"users\":[]}\n", http.get(USERS).body());
        String john = createJohn();
        http.postJson(USERS, "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}");

        HttpResponse<String> response = http.get(USERS);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        String expectedStart = "{\"users\":[{\"email\":\"john@example.com\",\"id\":\"" + john + "\",\"name\":\"John\"},"
                + "{\"email\":\"ann@example.com\",\"id\":\"";
        assertTrue(response.body().startsWith(expectedStart), response.body());
        assertTrue(response.body().endsWith("\",\"name\":\"Ann\"}]}\n"), response.body());
    }

    // curl -i http://127.0.0.1:5001/people/v1/users?name=John
    @Test
    void name_filter_answers_404_before_and_a_bare_array_after_creation() throws Exception {
        HttpResponse<String> before = http.get(USERS + "?name=John");
        assertEquals(404, before.statusCode());
        assertEquals("User with name 'John' not found\n", before.body());

        String john = createJohn();
        http.postJson(USERS, "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}");
        HttpResponse<String> after = http.get(USERS + "?name=John");

        assertEquals(200, after.statusCode());
        assertEquals("[{\"email\":\"john@example.com\",\"id\":\"" + john + "\",\"name\":\"John\"}]\n", after.body());
    }

    @Test
    void empty_name_filter_lists_everyone_as_flask_does() throws Exception {
        createJohn();
        HttpResponse<String> response = http.get(USERS + "?name=");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"users\":[{"), response.body());
    }

    @Test
    void name_filter_decodes_percent_escapes_and_refuses_broken_ones() throws Exception {
        http.postJson(USERS, "{\"name\": \"Jo Ann\", \"email\": \"jo@example.com\"}");
        assertEquals(200, http.get(USERS + "?name=Jo%20Ann").statusCode());
        RawResponse broken = server.exchange("GET", USERS + "?name=%zz");
        assertEquals(400, broken.status(), broken.wireText());
    }

    // curl -i .../people/v1/users/<id>, then DELETE twice, then GET again
    @Test
    void get_and_delete_by_id_follow_the_handouts_session() throws Exception {
        String id = createJohn();

        HttpResponse<String> got = http.get(USERS + "/" + id);
        assertEquals(200, got.statusCode());
        assertEquals("{\"email\":\"john@example.com\",\"id\":\"" + id + "\",\"name\":\"John\"}\n", got.body());

        HttpResponse<String> deleted = http.delete(USERS + "/" + id);
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());

        HttpResponse<String> again = http.delete(USERS + "/" + id);
        assertEquals(404, again.statusCode());
        assertEquals("User with ID " + id + " not found\n", again.body());

        HttpResponse<String> gone = http.get(USERS + "/" + id);
        assertEquals(404, gone.statusCode());
        assertEquals("User with ID " + id + " not found\n", gone.body());
        assertEquals("{\"users\":[]}\n", http.get(USERS).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"John\"}", "{\"email\": \"j@example.com\"}", "{}",
        "{\"name\": \"\", \"email\": \"j@example.com\"}", "{\"name\": \"John\", \"email\": null}"})
    void missing_or_empty_fields_answer_the_handouts_400(String body) throws Exception {
        HttpResponse<String> response = http.postJson(USERS, body);
        assertEquals(400, response.statusCode());
        assertEquals("Missing required fields (name and email)\n", response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"})
    void a_body_that_is_not_declared_json_answers_415(String type) throws Exception {
        HttpResponse<String> response = http.post(USERS, type, "{\"name\": \"John\", \"email\": \"j@example.com\"}");
        assertEquals(415, response.statusCode());
        assertEquals("Request must be JSON\n", response.body());
    }

    @Test
    void no_content_type_at_all_answers_415() throws Exception {
        assertEquals(415, http.post(USERS, null, "{\"name\": \"John\", \"email\": \"j@example.com\"}").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
        "application/merge-patch+json", "Application/Vnd.Api+JSON;charset=UTF-8"})
    void json_means_what_flasks_is_json_means(String type) throws Exception {
        assertEquals(201, http.post(USERS, type, "{\"name\": \"John\", \"email\": \"j@example.com\"}").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"John\", ", "[1, 2]", "null", "\"John\"", "42", "{'name': 'x'}",
        "{\"name\": \"a\", \"email\": \"b\"} trailing", "{\"name\": 123, \"email\": \"b\"}",
        "{\"name\": \"a\", \"email\": {\"x\": 1}}", "{\"name\": true, \"email\": \"b\"}", "   "})
    void bad_json_bodies_answer_400_with_a_one_line_reason(String body) throws Exception {
        HttpResponse<String> response = http.postJson(USERS, body);
        assertEquals(400, response.statusCode(), response.body());
        assertOneLine(response);
    }

    @Test
    void json_nested_thousands_deep_answers_400_not_a_crash() throws Exception {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        HttpResponse<String> response = http.postJson(USERS, "{\"name\": " + deep + "}");
        assertEquals(400, response.statusCode());
        assertOneLine(response);
    }

    @Test
    void a_body_that_is_not_utf8_answers_400() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(USERS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xff, '}'})));
        assertEquals(400, response.statusCode());
        assertOneLine(response);
    }

    @Test
    void a_declared_body_over_one_mebibyte_is_refused_with_413_before_it_is_sent() throws Exception {
        String head = "POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (RequestBody.MAX_BYTES + 1) + "\r\n\r\n{\"name\":";
        String answer = server.answerUntilClosed(head);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
    }

    @Test
    void a_chunked_body_over_one_mebibyte_is_refused_with_413() throws Exception {
        // ofInputStream has no known length, so java.net.http sends it chunked.
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(USERS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> spaces(RequestBody.MAX_BYTES + 4096))));
        assertEquals(413, response.statusCode());
    }

    private static InputStream spaces(int count) {
        return new InputStream() {
            private int left = count;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }
        };
    }

    @Test
    void a_wrong_method_on_a_known_path_answers_405_with_allow() throws Exception {
        HttpResponse<String> response = http.method("PUT", USERS);
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD, OPTIONS, POST", response.headers().firstValue("Allow").orElseThrow());
        assertOneLine(response);

        HttpResponse<String> onUser = http.method("PATCH", USERS + "/abc");
        assertEquals(405, onUser.statusCode());
        assertEquals("DELETE, GET, HEAD, OPTIONS", onUser.headers().firstValue("Allow").orElseThrow());

        assertEquals(405, http.method("BREW", "/").statusCode());
    }

    @Test
    void options_answers_allow_with_no_body() throws Exception {
        HttpResponse<String> response = http.method("OPTIONS", "/test/");
        assertEquals(200, response.statusCode());
        assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElseThrow());
        assertEquals("", response.body());
    }

    @Test
    void head_answers_with_the_get_headers_and_no_body() throws Exception {
        createJohn();
        HttpResponse<String> get = http.get(USERS);
        HttpResponse<String> head = http.method("HEAD", USERS);
        assertEquals(200, head.statusCode());
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
        assertEquals("", head.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/people/v1/users/", "/people/v1/users/a/b", "/TEST/", "/people"})
    void unknown_paths_answer_404_in_plain_text(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void echoed_input_is_plain_text_so_a_script_tag_is_never_html() throws Exception {
        HttpResponse<String> created = http.postJson(USERS,
                "{\"name\": \"<script>alert(1)</script>\", \"email\": \"x@example.com\"}");
        assertTrue(created.body().contains("<script>alert(1)</script>"));
        assertTrue(created.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));

        HttpResponse<String> missing = http.get(USERS + "?name=%3Cscript%3E");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void json_is_utf8_without_html_escapes() throws Exception {
        http.postJson(USERS, "{\"name\": \"<José & Zoë='x'>\", \"email\": \"z@example.com\"}");
        String body = http.get(USERS).body();
        assertTrue(body.contains("\"name\":\"<José & Zoë='x'>\""), body);
    }

    @Test
    void method_override_header_is_ignored() throws Exception {
        String id = createJohn();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(USERS + "/" + id))
                .header("X-HTTP-Method-Override", "DELETE").GET());
        assertEquals(200, response.statusCode());
        assertEquals(200, http.get(USERS + "/" + id).statusCode());
    }

    @Test
    void unknown_user_id_answers_the_handouts_404() throws Exception {
        HttpResponse<String> response = http.get(USERS + "/864d82a5-e4e2-4b17-8358-d0d66d34e470");
        assertEquals(404, response.statusCode());
        assertEquals("User with ID 864d82a5-e4e2-4b17-8358-d0d66d34e470 not found\n", response.body());
    }

    private static void assertOneLine(HttpResponse<String> response) {
        String body = response.body();
        assertTrue(body.endsWith("\n"), body);
        assertFalse(body.substring(0, body.length() - 1).contains("\n"), body);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }
}
