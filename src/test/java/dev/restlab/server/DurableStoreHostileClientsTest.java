package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.TestClient;
import dev.restlab.users.SqliteUserStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store's write path (group commit, ids made on the request's thread, checkpoints on
 * their own thread) against clients that send the malformed, the huge and the slow: each gets a
 * 4xx, never a 5xx; a slow writer holds no one else's commit; nothing refused is kept on disk.
 */
class DurableStoreHostileClientsTest {

    private static final String USERS = "/people/v1/users";

    @TempDir
    Path dir;

    @Test
    void malformed_huge_and_slow_writes_get_4xx_while_good_writes_commit_and_nothing_refused_is_kept()
            throws Exception {
        try (SqliteUserStore store = SqliteUserStore.open(dir); ApiServer server = new ApiServer(store)) {
            int port = server.start(Api.LOOPBACK, 0);
            TestClient http = new TestClient(port);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try (RawConnection slow = RawConnection.open(port)) {
                // A writer that sends its head and half its body, then waits: it is not in any group yet.
                String body = "{\"name\": \"Slow\", \"email\": \"slow@example.com\"}";
                slow.send("POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 10));

                List<Future<Integer>> good = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String json = "{\"name\": \"User " + i + "\", \"email\": \"u" + i + "@example.com\"}";
                    good.add(pool.submit(() -> http.postJson(USERS, json).statusCode()));
                }
                List<String> refusals = new ArrayList<>();
                for (String bad : List.of("{\"name\": \"a\"", "[{\"name\": \"a\", \"email\": \"b\"}]", "{\"name\": \"a\"}",
                        "{\"name\": \"a\u0000b\", \"email\": 7}", "{\"name\": \"" + "x".repeat(101) + "\", \"email\": \"e\"}",
                        "not json at all")) {
                    HttpResponse<String> answer = http.postJson(USERS, bad);
                    refusals.add(answer.statusCode() + " " + bad.length());
                    assertEquals(4, answer.statusCode() / 100, bad + " -> " + answer.statusCode() + " " + answer.body());
                }
                RawResponse notUtf8 = RawConnection.exchange(port, bytes("POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 35\r\nConnection: close\r\n\r\n",
                        new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', ',',
                            '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', 'e', '@', 'x', '.', 'o', 'r', 'g', '"', ' ', ' ',
                            ' ', ' ', '}'}));
                assertEquals(400, notUtf8.status(), notUtf8.head());
                HttpResponse<String> huge = http.postJson(USERS,
                        "{\"name\": \"" + "h".repeat(RequestBody.MAX_BYTES) + "\", \"email\": \"e@x.org\"}");
                assertEquals(413, huge.statusCode(), huge.body());

                for (Future<Integer> answer : good) {
                    assertEquals(201, answer.get(), "a good write behind a slow one and bad ones");
                }
                slow.send(body.substring(10));
                RawResponse late = slow.readResponse();
                assertEquals(201, late.status(), late.head());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(25, store.size(), "the 24 good writes and the slow one, nothing refused");
            long diskBytes;
            try (Stream<Path> files = Files.list(dir)) {
                diskBytes = files.mapToLong(DurableStoreHostileClientsTest::sizeOf).sum();
            }
            assertTrue(diskBytes < RequestBody.MAX_BYTES, "the refused megabyte is not on disk: " + diskBytes + " bytes");
            assertEquals(200, http.get(USERS).statusCode(), "the server serves on");
        }
    }

    private static byte[] bytes(String head, byte[] body) {
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a WAL file checkpointed away between listing and size
        }
    }
}
