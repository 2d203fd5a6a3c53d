package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.TestClient;
import dev.restlab.users.Capacity;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.SmallDisk;
import dev.restlab.users.SqliteUserStore;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user and the store may hold, over real HTTP: 400 past a user's limits, 507 when full. */
class StorageLimitsTest {

    private static final String USERS = "/people/v1/users";
    private static final Pattern CREATED_ID = Pattern.compile("ID: ([0-9a-f-]{36}),");

    @TempDir
    Path dir;

    @Test
    void a_name_over_100_characters_or_an_email_over_254_answers_400_naming_the_limits() throws Exception {
        try (ApiServer server = new ApiServer(new InMemoryUserStore())) {
            TestClient http = new TestClient(server.start(Api.LOOPBACK, 0));
            String longest = "🚀".repeat(100); // 100 characters, 200 UTF-16 units, 400 bytes
            String longestEmail = "e".repeat(242) + "@example.com";
            assertEquals(254, longestEmail.length());

            String id = idIn(post(http, longest, longestEmail).body());
            for (HttpResponse<String> refused : List.of(post(http, longest + "x", "a@example.com"),
                    post(http, "John", "e" + longestEmail), post(http, "x".repeat(1_000_000), "a@b"))) {
                assertEquals(400, refused.statusCode(), refused.body());
                assertEquals("Name may be at most 100 characters and email at most 254\n", refused.body());
            }
            assertEquals(Json.write(Map.of("users", List.of(new User(id, longest, longestEmail)))) + "\n",
                    http.get(USERS).body(), "only the user within the limits was kept");
        }
    }

    @Test
    void a_full_store_answers_507_with_its_limits_in_one_line_and_takes_users_again_after_a_delete()
            throws Exception {
        try (ApiServer server = new ApiServer(new InMemoryUserStore(new Capacity(2, 1_000)))) {
            TestClient http = new TestClient(server.start(Api.LOOPBACK, 0));
            String first = idIn(post(http, "John", "john@example.com").body());
            post(http, "Ann", "ann@example.com");

            String bo = "{\"name\":\"Bo\",\"email\":\"b@b.org\"}";
            RawResponse full = RawConnection.exchange(http.port(), ("POST " + USERS + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bo.length() + "\r\n\r\n" + bo).getBytes(StandardCharsets.UTF_8));

            assertTrue(full.head().startsWith("HTTP/1.1 507 Insufficient Storage\r\n"), full.head());
            assertEquals("Insufficient Storage: RestLab keeps at most 2 users and 1000 bytes of names and"
                    + " emails; nothing was changed. Delete some users first.\n", full.text());
            assertEquals(Optional.of("text/plain;charset=utf-8"), full.header("Content-Type"));
            assertEquals(204, http.delete(USERS + "/" + first).statusCode());
            assertEquals(201, post(http, "Bo", "b@b.org").statusCode());
        }
    }

    @Test
    void a_full_disk_answers_507_to_writes_keeps_serving_reads_and_recovers_once_space_is_back()
            throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 1024)) {
            String listed;
            try (SqliteUserStore store = SqliteUserStore.open(disk.folder());
                    ApiServer server = new ApiServer(store)) {
                TestClient http = new TestClient(server.start(Api.LOOPBACK, 0));
                String john = idIn(post(http, "John", "john@example.com").body());
                disk.fill();

                HttpResponse<String> refused = fillUntilRefused(http, store);
                assertEquals(507, refused.statusCode(), refused.body());
                assertEquals("Insufficient Storage: the disk holding users.db is full; nothing was changed."
                        + " Free some space on it and send this again.\n", refused.body());
                HttpResponse<String> notDeleted = http.delete(USERS + "/" + john);
                assertEquals(507, notDeleted.statusCode());
                assertEquals(refused.body(), notDeleted.body());
                assertEquals(200, http.get(USERS + "/" + john).statusCode());
                String whileFull = http.get(USERS).body();
                assertEquals(Json.write(Map.of("users", store.all())) + "\n", whileFull);

                disk.free();

                assertEquals(201, post(http, "Ann", "ann@example.com").statusCode());
                assertEquals(204, http.delete(USERS + "/" + john).statusCode());
                listed = http.get(USERS).body();
            }
            try (UserStore reopened = SqliteUserStore.open(disk.folder())) {
                assertEquals(Json.write(Map.of("users", reopened.all())) + "\n", listed,
                        "what was answered is what the file holds");
            }
        }
    }

    /** Posts until the disk refuses (the log may have room left from earlier writes), at most 2000 times. */
    private static HttpResponse<String> fillUntilRefused(TestClient http, UserStore store) throws Exception {
        for (int i = 0; i < 2000; i++) {
            HttpResponse<String> response = post(http, "user" + i, "user" + i + "@example.com");
            if (response.statusCode() != 201) {
                return response;
            }
        }
        throw new AssertionError("2000 POSTs to a full disk all succeeded; the store holds " + store.size());
    }

    private static HttpResponse<String> post(TestClient http, String name, String email) throws Exception {
        return http.postJson(USERS, Json.write(Map.of("name", name, "email", email)));
    }

    private static String idIn(String body) {
        Matcher m = CREATED_ID.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
