package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handout's cases, answered by the routes themselves: no server, no socket. */
class UserRoutesWithoutSocketsTest {

    private static final String USERS = "/people/v1/users";
    private static final String JSON = "application/json";

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final InMemoryRoutes routes = new InMemoryRoutes();

    UserRoutesWithoutSocketsTest() {
        new UserRoutes(store).declare(routes);
    }

    private Reply send(FakeRequest request) throws IOException {
        return routes.answer(request);
    }

    private Reply get(String target) throws IOException {
        return send(FakeRequest.of("GET", target));
    }

    private Reply create(String json) throws IOException {
        return send(FakeRequest.post(USERS, JSON, json));
    }

    private static void assertReply(int status, String type, String body, Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(Optional.ofNullable(type), reply.type(), reply.toString());
        assertEquals(body, reply.text());
    }

    @Test
    void the_first_two_pages_are_the_handouts_html() throws IOException {
        assertReply(200, Reply.HTML, "<h1>The server is up and running!</h1>\n", get("/"));
        assertReply(200, Reply.HTML, "<h1>This is the \"test\" folder.</h1>\n", get("/test/"));
    }

    @Test
    void test_without_its_slash_is_redirected_with_the_query_kept() throws IOException {
        Reply reply = get("/test?x=1");
        assertReply(308, Reply.TEXT, "Redirecting to /test/?x=1\n", reply);
        assertEquals(Optional.of("/test/?x=1"), reply.header("Location"));
        assertEquals(Optional.of("/test/"), get("/test").header("Location"));
    }

    @Test
    void a_created_user_is_stored_and_answered_201_with_its_location() throws IOException {
        Reply reply = create("{\"name\": \"John\", \"email\": \"john@example.com\"}");
        User john = store.all().get(0);
        assertReply(201, Reply.TEXT, "User created successfully! ID: " + john.id()
                + ", Name: John, Email: john@example.com\n", reply);
        assertEquals(Optional.of(USERS + "/" + john.id()), reply.header("Location"));
    }

    @Test
    void missing_fields_are_the_handouts_400() throws IOException {
        assertReply(400, Reply.TEXT, "Missing required fields (name and email)\n", create("{\"name\": \"John\"}"));
        assertReply(400, Reply.TEXT, "Missing required fields (name and email)\n",
                create("{\"name\": \"\", \"email\": \"john@example.com\"}"));
        assertReply(400, Reply.TEXT, "Missing required fields (name and email)\n",
                create("{\"name\": null, \"email\": \"john@example.com\"}"));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void a_body_that_is_not_json_is_the_handouts_415() throws IOException {
        assertReply(415, Reply.TEXT, "Request must be JSON\n",
                send(FakeRequest.post(USERS, "text/plain", "{\"name\": \"John\", \"email\": \"j@example.com\"}")));
        assertReply(415, Reply.TEXT, "Request must be JSON\n",
                send(FakeRequest.of("POST", USERS).body("{}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void the_listing_is_flasks_json_with_sorted_keys() throws IOException {
        assertReply(200, Reply.JSON, "{\"users\":[]}\n", get(USERS));
        User john = store.create("John", "john@example.com");
        assertReply(200, Reply.JSON, "{\"users\":[{\"email\":\"john@example.com\",\"id\":\"" + john.id()
                + "\",\"name\":\"John\"}]}\n", get(USERS));
    }

    @Test
    void the_listing_is_made_once_until_the_next_write_and_follows_every_write() throws IOException {
        User john = store.create("John", "john@example.com");
        Reply first = get(USERS);
        assertSame(first.body(), get(USERS).body(), "the second listing is the first one's bytes");

        User ann = store.create("Ann", "ann@example.com");
        assertEquals("{\"users\":[" + json(john) + "," + json(ann) + "]}\n", get(USERS).text());
        assertEquals(204, send(FakeRequest.of("DELETE", USERS + "/" + john.id())).status());
        assertEquals("{\"users\":[" + json(ann) + "]}\n", get(USERS).text());
        store.clear();
        assertEquals("{\"users\":[]}\n", get(USERS).text());
    }

    @Test
    void a_listing_too_large_to_keep_is_streamed_every_time_and_still_follows_writes() throws IOException {
        String email = "e".repeat(200) + "@example.com";
        while (store.size() * 260L < UserRoutes.CACHED_LISTING_MAX_BYTES) {
            store.create("user" + store.size(), email);
        }
        Reply big = get(USERS);
        assertTrue(big.length() > UserRoutes.CACHED_LISTING_MAX_BYTES, big.length() + " bytes");
        assertTrue(big.streamed());
        User last = store.create("Last", "last@example.com");
        assertTrue(get(USERS).text().endsWith(json(last) + "]}\n"));
    }

    private static String json(User user) {
        return "{\"email\":\"" + user.email() + "\",\"id\":\"" + user.id() + "\",\"name\":\"" + user.name() + "\"}";
    }

    @Test
    void filtering_by_name_answers_the_matches_or_the_handouts_404() throws IOException {
        User jo = store.create("Jo Ann", "jo@example.com");
        store.create("John", "john@example.com");
        assertReply(200, Reply.JSON, "[{\"email\":\"jo@example.com\",\"id\":\"" + jo.id() + "\",\"name\":\"Jo Ann\"}]\n",
                get(USERS + "?name=Jo%20Ann"));
        assertReply(404, Reply.TEXT, "User with name 'Nobody' not found\n", get(USERS + "?name=Nobody"));
        assertReply(400, Reply.TEXT, "Malformed query string: a %-escape is broken\n", get(USERS + "?name=%zz"));
        assertEquals(200, get(USERS + "?name=").status(), "an empty name lists everyone");
    }

    @Test
    void one_user_by_id_then_deleted_then_gone() throws IOException {
        User john = store.create("John", "john@example.com");
        assertReply(200, Reply.JSON, "{\"email\":\"john@example.com\",\"id\":\"" + john.id() + "\",\"name\":\"John\"}\n",
                get(USERS + "/" + john.id()));
        Reply deleted = send(FakeRequest.of("DELETE", USERS + "/" + john.id()));
        assertEquals(204, deleted.status());
        assertEquals(Optional.empty(), deleted.type(), "a 204 has no body, so no type");
        assertEquals(0, deleted.body().length);
        assertReply(404, Reply.TEXT, "User with ID " + john.id() + " not found\n", get(USERS + "/" + john.id()));
        assertReply(404, Reply.TEXT, "User with ID " + john.id() + " not found\n",
                send(FakeRequest.of("DELETE", USERS + "/" + john.id())));
    }

    @Test
    void an_id_is_decoded_before_it_is_looked_up_or_echoed() throws IOException {
        assertReply(404, Reply.TEXT, "User with ID é€ not found\n", get(USERS + "/%C3%A9%E2%82%AC"));
    }

    @Test
    void a_body_declared_over_the_limit_is_refused_unread_and_the_connection_closed() throws IOException {
        Reply reply = send(FakeRequest.post(USERS, JSON, "{").declaring(RequestBody.MAX_BYTES + 1L));
        assertReply(413, Reply.TEXT, "Request body is larger than 1048576 bytes\n", reply);
        assertEquals(Optional.of("close"), reply.header("Connection"));
    }

    @Test
    void a_body_over_the_limit_without_a_length_is_refused_too() throws IOException {
        byte[] big = new byte[RequestBody.MAX_BYTES + 1];
        Reply reply = send(FakeRequest.of("POST", USERS).header("Content-Type", JSON).body(big).declaring(-1));
        assertEquals(413, reply.status(), reply.toString());
    }

    @Test
    void a_body_that_is_not_utf8_is_400() throws IOException {
        Reply reply = send(FakeRequest.of("POST", USERS).header("Content-Type", JSON)
                .body(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', '}'}));
        assertReply(400, Reply.TEXT, "Request body is not valid UTF-8 text\n", reply);
    }

    @Test
    void malformed_json_is_named_in_the_apis_words_with_its_place() throws IOException {
        assertReply(400, Reply.TEXT, "Malformed JSON at line 1 column 10: expected a value: an object, an array,"
                + " a string in double quotes, a number, true, false or null\n", create("{\"name\": }"));
        assertReply(400, Reply.TEXT, "Malformed JSON at line 1 column 2: names need double quotes, not single ones\n",
                create("{'name': 'John', 'email': 'john@example.com'}"));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void a_lone_surrogate_escape_is_refused_not_stored_as_a_question_mark() throws IOException {
        Reply reply = create("{\"name\": \"\\ud800\", \"email\": \"john@example.com\"}");
        assertReply(400, Reply.TEXT, "Malformed JSON at line 1 column 11: \\ud800 is the first half of a UTF-16"
                + " surrogate pair, and no second half (\\udc00 to \\udfff) follows: it is no character\n", reply);
        assertEquals(400, create("{\"name\": \"John\", \"email\": \"j\\udfff@example.com\"}").status());
        assertTrue(store.all().isEmpty());
        assertEquals(201, create("{\"name\": \"\\ud83d\\ude80\", \"email\": \"r@example.com\"}").status());
        assertEquals("\ud83d\ude80", store.all().get(0).name(), "a whole pair is one character, kept as sent");
    }

    @Test
    void a_body_with_a_content_encoding_is_415_with_the_coding_named() throws IOException {
        for (String coding : new String[] {"gzip", "br", "deflate, gzip", "GZIP", "x-custom"}) {
            Reply reply = send(FakeRequest.post(USERS, JSON, "{\"name\": \"John\", \"email\": \"j@example.com\"}")
                    .header("Content-Encoding", coding));
            assertReply(415, Reply.TEXT, "Content-Encoding " + coding
                    + " is not supported: send the body uncompressed, without Content-Encoding\n", reply);
            assertEquals(Optional.of("identity"), reply.header("Accept-Encoding"), "RFC 7694 section 3");
        }
        Reply split = send(FakeRequest.post(USERS, JSON, "{}").header("Content-Encoding", "identity")
                .header("Content-Encoding", "gzip"));
        assertEquals(415, split.status(), "a coding in a second header counts too");
        assertTrue(store.all().isEmpty());
    }

    @Test
    void identity_is_no_coding_at_all() throws IOException {
        Reply reply = send(FakeRequest.post(USERS, JSON, "{\"name\": \"John\", \"email\": \"j@example.com\"}")
                .header("Content-Encoding", "identity"));
        assertEquals(201, reply.status(), reply.toString());
    }

    @Test
    void names_are_echoed_as_text_never_as_html() throws IOException {
        Reply reply = create("{\"name\": \"<script>alert(1)</script>\", \"email\": \"x@example.com\"}");
        assertEquals(201, reply.status());
        assertEquals(Optional.of(Reply.TEXT), reply.type());
        assertTrue(reply.text().contains("Name: <script>alert(1)</script>,"));
    }

    @Test
    void writes_a_store_could_not_commit_answer_500_with_its_reason_in_one_line() throws IOException {
        User kept = store.create("Kept", "kept@example.com");
        InMemoryRoutes failing = new InMemoryRoutes();
        new UserRoutes(new FailingWrites(store)).declare(failing);
        String reason = "could not save the change to users.db; nothing was changed (SQLite says: disk I/O error)";

        assertReply(500, Reply.TEXT, "Internal Server Error: " + reason + "\n",
                failing.answer(FakeRequest.post(USERS, JSON, "{\"name\": \"John\", \"email\": \"j@example.com\"}")));
        assertReply(500, Reply.TEXT, "Internal Server Error: " + reason + "\n",
                failing.answer(FakeRequest.of("DELETE", USERS + "/" + kept.id())));
        assertEquals(java.util.List.of(kept), store.all());
    }

    /** A store whose every write fails as a failed commit does; reads go to the real store. */
    private record FailingWrites(InMemoryUserStore reads) implements dev.restlab.users.UserStore {
        private static RuntimeException failed() {
            return new dev.restlab.users.StoreWriteException("could not save the change to users.db; nothing was"
                    + " changed (SQLite says: disk I/O error)", null);
        }

        @Override
        public User create(String name, String email) {
            throw failed();
        }

        @Override
        public java.util.List<User> all() {
            return reads.all();
        }

        @Override
        public java.util.List<User> findByName(String name) {
            return reads.findByName(name);
        }

        @Override
        public Optional<User> get(String id) {
            return reads.get(id);
        }

        @Override
        public boolean delete(String id) {
            throw failed();
        }

        @Override
        public int size() {
            return reads.size();
        }

        @Override
        public void clear() {
            throw failed();
        }

        @Override
        public String location() {
            return reads.location();
        }
    }
}
