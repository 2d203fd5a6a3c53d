package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restlab.http.Api;
import dev.restlab.testing.ServerExtension;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A listing of many long users, asked for by several clients at once, is sent whole and with a
 * {@code Content-Length}, and serving it does not cost memory in proportion to its size: the
 * measure is what the whole JVM allocates while eight GETs run, which bounds what any of them
 * could have held.
 */
class BigListingTest {

    private static final String USERS = "/people/v1/users";
    private static final int PARALLEL_GETS = 8;

    @RegisterExtension
    final ServerExtension server = new ServerExtension().withoutTraffic();

    private UserStore store;

    @BeforeEach
    void store() {
        store = server.store();
    }

    @Test
    void a_small_listing_keeps_the_handouts_wire_form() throws Exception {
        store.create("John", "john@example.com");
        Answer answer = get(USERS);

        assertEquals(200, answer.status);
        assertEquals("application/json", answer.headers.get("content-type"));
        assertFalse(answer.headers.containsKey("transfer-encoding"), answer.headers.toString());
        String expected = Json.write(Map.of("users", store.all())) + "\n";
        assertEquals(Integer.toString(expected.getBytes(StandardCharsets.UTF_8).length),
                answer.headers.get("content-length"));
        assertEquals(sha256(expected), answer.bodySha256);
    }

    @Test
    void the_streamed_listing_is_byte_for_byte_what_gson_writes_for_text_that_needs_escaping() throws Exception {
        for (String name : List.of("John", "Zoë 🚀 日本", "nul\u0000tab\tquote\"back\\slash", "<script>&'=",
                "line\u2028sep\u2029", "\u007f\u0080\u07ff\u0800\uffff")) {
            store.create(name, name + "@example.com");
        }
        StringWriter everyone = new StringWriter();
        Json.writeUserList(store.all(), everyone);
        assertEquals(Json.write(Map.of("users", store.all())), everyone.toString());
        StringWriter named = new StringWriter();
        Json.writeUsers(store.findByName("Zoë 🚀 日本"), named);
        assertEquals(Json.write(store.findByName("Zoë 🚀 日本")), named.toString());

        Answer answer = get(USERS);
        assertEquals(sha256(everyone + "\n"), answer.bodySha256);
        assertEquals(Long.toString(answer.bodyBytes), answer.headers.get("content-length"));
    }

    @Test
    @Timeout(120)
    void eight_parallel_gets_of_an_8_mib_listing_get_it_whole_and_allocate_less_than_one_copy_of_it()
            throws Exception {
        com.sun.management.ThreadMXBean threads = hotspotThreads();
        List<User> users = fillWithLongUsers(20_000);
        String expected = Json.write(Map.of("users", users)) + "\n";
        long listingBytes = expected.getBytes(StandardCharsets.UTF_8).length;
        String expectedSha = sha256(expected);
        String named = Json.write(store.findByName(users.get(0).name())) + "\n";
        assertTrue(listingBytes > 8L << 20, "the listing is big: " + listingBytes);
        expected = null; // not part of what is measured
        get(USERS); // the first GET warms up code paths; the measure is of steady service

        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL_GETS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL_GETS; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return get(USERS);
                }));
            }
            Map<Long, Long> before = allocatedByThread(threads);
            go.countDown();
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                done.add(answer.get(100, TimeUnit.SECONDS));
            }
            long allocated = allocatedSince(threads, before);

            for (Answer answer : done) {
                assertEquals(200, answer.status);
                assertFalse(answer.headers.containsKey("transfer-encoding"), answer.headers.toString());
                assertEquals(Long.toString(listingBytes), answer.headers.get("content-length"));
                assertEquals(listingBytes, answer.bodyBytes);
                assertEquals(expectedSha, answer.bodySha256);
            }
            System.out.printf(Locale.ROOT, "%d parallel GETs of a %,d-byte listing allocated %,d bytes (%.3f listings)%n",
                    PARALLEL_GETS, listingBytes, allocated, allocated / (double) listingBytes);
            assertTrue(allocated < listingBytes, "serving " + PARALLEL_GETS + " listings of " + listingBytes
                    + " bytes allocated " + allocated + " bytes: a whole copy per request");
        } finally {
            clients.shutdownNow();
        }
        Answer byName = get(USERS + "?name=" + users.get(0).name());
        assertEquals(sha256(named), byName.bodySha256);
        assertEquals(Integer.toString(named.getBytes(StandardCharsets.UTF_8).length),
                byName.headers.get("content-length"));
    }

    /** Users as long as the API allows: 100-character names and 254-character emails. */
    private List<User> fillWithLongUsers(int count) {
        String email = "e".repeat(User.MAX_EMAIL_LENGTH - "@example.com".length()) + "@example.com";
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "%-" + User.MAX_NAME_LENGTH + "s", "user" + (i % 1000))
                    .replace(' ', 'n');
            store.create(name, email);
        }
        return store.all();
    }

    private static com.sun.management.ThreadMXBean hotspotThreads() {
        boolean measurable = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported();
        assumeTrue(measurable, "Skipped: this JVM cannot tell the bytes each thread allocates");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bean.setThreadAllocatedMemoryEnabled(true);
        return bean;
    }

    private static Map<Long, Long> allocatedByThread(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byThread.put(ids[i], bytes[i]);
        }
        return byThread;
    }

    /** Bytes allocated since {@code before} by every live thread (threads started since count whole). */
    private static long allocatedSince(com.sun.management.ThreadMXBean threads, Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread(threads).entrySet()) {
            if (now.getValue() > 0) {
                total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
        }
        return total;
    }

    /** One answer, its body read through a small buffer and only hashed, so the client holds no copy. */
    private record Answer(int status, Map<String, String> headers, long bodyBytes, String bodySha256) {
    }

    private Answer get(String target) throws Exception {
        try (Socket socket = new Socket(Api.LOOPBACK, server.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] field = lines[i].split(":", 2);
                headers.put(field[0].strip().toLowerCase(Locale.ROOT), field[1].strip());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                total += n;
            }
            return new Answer(status, headers, total, HexFormat.of().formatHex(sha.digest()));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            int size = head.size();
            byte[] bytes = head.toByteArray();
            if (size >= 4 && bytes[size - 4] == '\r' && bytes[size - 3] == '\n' && bytes[size - 2] == '\r'
                    && bytes[size - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1).strip();
            }
        }
        throw new IOException("the connection closed before the end of the headers: " + head);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
