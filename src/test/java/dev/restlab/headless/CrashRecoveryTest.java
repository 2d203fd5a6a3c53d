package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.restlab.testing.Await;
import dev.restlab.testing.Requires;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restlab --headless --data-dir D} killed with SIGKILL in the middle of a POST/DELETE
 * load, then started again on D: every 201 and every 204 it gave must still hold.
 */
class CrashRecoveryTest {

    private static final Pattern RUNNING = Pattern.compile("(?m)^ \\* Running on (http://127\\.0\\.0\\.1:\\d+)$");
    private static final String USERS = "/people/v1/users";
    private static final int WORKERS = 8; // concurrent writers: their writes share group commits
    private static final int MAX_OPS_PER_WORKER = 3000;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path tmp;

    /**
     * What the load was told: ids answered 201, ids answered 204, and requests the kill cut off
     * (a POST or DELETE with no answer may or may not have happened; either is correct).
     */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Set<String> deleteUnanswered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unansweredPosts = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();

    @Test
    @Timeout(180)
    void users_acknowledged_before_a_sigkill_are_all_there_after_a_restart_and_deletes_stay_deleted()
            throws Exception {
        Path dataDir = tmp.resolve("data");
        Child first = Child.start(dataDir, tmp.resolve("first"));
        try {
            assertTrue(first.output().contains(" * Users kept in " + dataDir.resolve("users.db") + "\n"),
                    first.output());
            aSecondRestLabOnTheSameDirectoryIsRefused(dataDir, first.process.pid());

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.add(load.submit(() -> writeUntilRefused(first.url, worker, stop)));
            }
            Await.until(() -> "the load made only " + created.size() + " users", Duration.ofSeconds(60),
                    () -> created.size() >= ACKNOWLEDGED_BEFORE_KILL || workers.stream().allMatch(Future::isDone));
            assertTrue(workers.stream().noneMatch(Future::isDone), "the load ended before the kill");

            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint, no unlock
            assertTrue(first.process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(137, first.process.exitValue(), "not killed by SIGKILL");
            stop.set(true);
            load.shutdown();
            assertTrue(load.awaitTermination(60, TimeUnit.SECONDS), "the load did not stop");
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            first.process.destroyForcibly();
        }
        assertTrue(failedRequests.get() > 0, "no request was in flight at the kill");
        assertFalse(deleted.isEmpty(), "the load deleted nothing");

        Child second = Child.start(dataDir, tmp.resolve("second"));
        try {
            Set<String> listed = listedIds(second.url);
            Set<String> kept = new HashSet<>(created);
            kept.removeAll(deleted);
            kept.removeAll(deleteUnanswered);
            Set<String> lost = new HashSet<>(kept);
            lost.removeAll(listed);
            assertTrue(lost.isEmpty(), lost.size() + " of " + kept.size() + " acknowledged users lost: " + lost);
            Set<String> revived = new HashSet<>(deleted);
            revived.retainAll(listed);
            assertTrue(revived.isEmpty(), revived.size() + " deleted users came back: " + revived);
            // Anything else listed can only come from a POST whose 201 never arrived.
            assertTrue(listed.size() - kept.size() <= unansweredPosts.get() + deleteUnanswered.size(),
                    listed.size() + " listed, " + kept.size() + " expected, " + unansweredPosts
                    + " unanswered POSTs, " + deleteUnanswered.size() + " unanswered DELETEs");
            Requires.sigterm();
            second.process.toHandle().destroy(); // SIGTERM: a clean stop this time
            assertTrue(second.process.waitFor(20, TimeUnit.SECONDS));
        } finally {
            second.process.destroyForcibly();
        }
    }

    private void aSecondRestLabOnTheSameDirectoryIsRefused(Path dataDir, long holder) throws Exception {
        Process refused = new ProcessBuilder(Child.command(dataDir)).start();
        assertTrue(refused.waitFor(30, TimeUnit.SECONDS));
        String err = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, refused.exitValue(), err);
        assertTrue(err.contains("another RestLab (process " + holder + ")"), err);
        assertTrue(err.contains(dataDir.resolve("restlab.lock").toString()), err);
        assertFalse(err.contains("\tat "), err);
    }

    /** POSTs users and DELETEs every third one it made, until the server stops answering. */
    private Void writeUntilRefused(String url, int worker, AtomicBoolean stop) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < MAX_OPS_PER_WORKER && !stop.get(); i++) {
            boolean post = i % 3 != 2 || mine.isEmpty();
            String victim = post ? null : mine.remove(0);
            HttpRequest request = post
                    ? HttpRequest.newBuilder(URI.create(url + USERS))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\": \"worker" + worker + "\", \"email\": \"" + i + "@example.com\"}"))
                            .timeout(Duration.ofSeconds(10)).build()
                    : HttpRequest.newBuilder(URI.create(url + USERS + "/" + victim))
                            .DELETE().timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException killed) {
                failedRequests.incrementAndGet();
                if (post) {
                    unansweredPosts.incrementAndGet();
                } else {
                    deleteUnanswered.add(victim);
                }
                return null;
            }
            if (post) {
                assertEquals(201, response.statusCode(), response.body());
                String location = response.headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);
                created.add(id);
                mine.add(id);
            } else {
                assertEquals(204, response.statusCode(), response.body());
                deleted.add(victim);
            }
        }
        return null;
    }

    private static Set<String> listedIds(String url) throws Exception {
        HttpResponse<String> list = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + USERS)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode());
        Set<String> ids = new HashSet<>();
        for (JsonElement user : JsonParser.parseString(list.body()).getAsJsonObject().getAsJsonArray("users")) {
            ids.add(user.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    /** A headless RestLab in a child JVM, its output going to a file that the test polls. */
    private record Child(Process process, Path out, String url) {

        static List<String> command(Path dataDir) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "dev.restlab.Main", "--headless", "--port", "0", "--data-dir", dataDir.toString());
        }

        static Child start(Path dataDir, Path logs) throws IOException {
            Files.createDirectories(logs);
            Path out = logs.resolve("stdout.txt");
            Process process = new ProcessBuilder(command(dataDir))
                    .redirectOutput(out.toFile())
                    .redirectError(logs.resolve("stderr.txt").toFile())
                    .start();
            String[] url = new String[1];
            Await.until(() -> "no ' * Running on' line in: " + read(out), Duration.ofSeconds(30), () -> {
                Matcher m = RUNNING.matcher(read(out));
                if (m.find()) {
                    url[0] = m.group(1);
                }
                return url[0] != null || !process.isAlive();
            });
            assertTrue(url[0] != null, "the server ended: " + read(out) + read(logs.resolve("stderr.txt")));
            return new Child(process, out, url[0]);
        }

        String output() {
            return read(out);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
