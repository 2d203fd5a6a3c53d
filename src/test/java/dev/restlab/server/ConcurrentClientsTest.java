package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.http.Api;
import dev.restlab.testing.TestClient;
import dev.restlab.users.SqliteUserStore;
import dev.restlab.users.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A classroom posting at once: nothing lost, nothing doubled, the list in step with the store. */
class ConcurrentClientsTest {

    private static final int CLIENTS = 8;
    private static final int POSTS_EACH = 250;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void eight_clients_posting_250_users_each_make_exactly_2000_distinct_users_on_disk() throws Exception {
        List<List<String>> idsByClient = new ArrayList<>();
        List<User> listed;
        try (SqliteUserStore store = SqliteUserStore.open(dataDir);
                ApiServer server = new ApiServer(store)) {
            int port = server.start(Api.LOOPBACK, 0);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    done.add(clients.submit(() -> postAll(port, client, go)));
                }
                go.countDown();
                for (Future<List<String>> f : done) {
                    idsByClient.add(f.get(100, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }

            TestClient http = new TestClient(port);
            listed = parseUsers(JsonParser.parseString(http.get(Api.USERS).body())
                    .getAsJsonObject().getAsJsonArray("users"));
            assertEquals(CLIENTS * POSTS_EACH, listed.size());
            assertEquals(CLIENTS * POSTS_EACH, store.size());
            Set<String> distinct = new HashSet<>();
            listed.forEach(u -> distinct.add(u.id()));
            assertEquals(CLIENTS * POSTS_EACH, distinct.size(), "ids repeat");
            for (int c = 0; c < CLIENTS; c++) {
                // Each client posted in sequence, so its users are listed in that order.
                List<String> mine = new ArrayList<>();
                for (User u : listed) {
                    if (u.name().equals("client" + c)) {
                        mine.add(u.id());
                    }
                }
                assertEquals(idsByClient.get(c), mine, "client " + c + "'s users out of order or missing");
                HttpResponse<String> byName = http.get(Api.USERS + "?name=client" + c);
                assertEquals(mine, ids(parseUsers(JsonParser.parseString(byName.body()).getAsJsonArray())));
            }
            for (User u : listed) {
                assertEquals(u.email(), store.get(u.id()).orElseThrow().email());
            }
        }
        try (SqliteUserStore reopened = SqliteUserStore.open(dataDir)) {
            assertEquals(listed, reopened.all(), "what was on disk differs from what was served");
        }
    }

    private static List<String> postAll(int port, int client, CountDownLatch go) throws Exception {
        TestClient http = new TestClient(port);
        go.await();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < POSTS_EACH; i++) {
            HttpResponse<String> created = http.postJson(Api.USERS,
                    "{\"name\": \"client" + client + "\", \"email\": \"" + i + "@example.com\"}");
            assertEquals(201, created.statusCode(), created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            ids.add(location.substring(location.lastIndexOf('/') + 1));
        }
        return ids;
    }

    private static List<User> parseUsers(JsonArray array) {
        List<User> users = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject o = element.getAsJsonObject();
            users.add(new User(o.get("id").getAsString(), o.get("name").getAsString(), o.get("email").getAsString()));
        }
        return users;
    }

    private static List<String> ids(List<User> users) {
        List<String> ids = new ArrayList<>();
        users.forEach(u -> ids.add(u.id()));
        assertTrue(ids.size() == users.size());
        return ids;
    }
}
