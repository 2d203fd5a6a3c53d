package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A body that the capture framed differently from Jetty once made one connection hold hundreds of
 * thousands of phantom requests (gigabytes) and log a DELETE that never happened. The capture now
 * cuts requests with the server's own framing, so a body stays a body, and the {@code gzip}
 * coding that made the two disagree is refused by both.
 */
class FramingAttackTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    /** A chunked body, in chunks of 64 KiB, ended by the last chunk. */
    private static byte[] chunked(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        for (int from = 0; from < bytes.length; from += 65_536) {
            int length = Math.min(65_536, bytes.length - from);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, from, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String methodAndTarget(Exchange e) {
        return e.method() + " " + e.target() + " " + e.status();
    }

    @Test
    void transfer_encoding_gzip_then_chunked_is_refused_501_and_forges_no_delete() throws Exception {
        String id;
        try (RawConnection client = server.connect()) {
            String json = "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}";
            client.send("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length() + "\r\n\r\n" + json);
            String created = client.readResponse().wireText();
            Matcher uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .matcher(created);
            assertTrue(uuid.find(), created);
            id = uuid.group();
        }
        String smuggled = "DELETE /people/v1/users/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String body = "\r\n" + smuggled + "A\n\n".repeat(200_000); // 600 KB: under the 1 MiB body limit

        try (RawConnection client = server.connect()) {
            ByteArrayOutputStream attack = new ByteArrayOutputStream();
            attack.writeBytes(("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            attack.writeBytes(chunked(body));
            attack.writeBytes(("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sent = sendRefusedOrNot(client, attack.toByteArray());
            RawResponse refused = client.readResponse();
            assertEquals(501, refused.status(), refused.wireText());
            assertTrue(client.closedByServer(), "nothing after the refused request is read");
            sent.get(30, TimeUnit.SECONDS);
        }
        List<Exchange> exchanges = server.awaitExchanges(2);
        Await.until(() -> "the capture to let go of the connection, holding " + server.traffic().heldBytes(),
                Await.DEFAULT_LIMIT, () -> server.traffic().heldBytes() == 0);
        assertEquals(List.of("POST /people/v1/users 201", "POST /people/v1/users 501"),
                server.traffic().snapshot().stream().map(FramingAttackTest::methodAndTarget).toList());
        assertTrue(exchanges.get(1).rejected(), "refused before any route ran");
        assertEquals(0, server.traffic().unrecorded(), "no phantom request was even counted");
        assertEquals(200, server.exchange("GET", "/people/v1/users/" + id).status(), "the user was never deleted");
    }

    /** Sends on its own thread: the server may close before it has read everything. */
    private static CompletableFuture<Void> sendRefusedOrNot(RawConnection client, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try {
                client.send(bytes);
            } catch (IOException closedByServer) {
                // the server stopped reading after its answer
            }
        });
    }

    @Test
    void a_3_MiB_chunked_body_of_empty_lines_that_the_route_never_reads_leaves_nothing_waiting() throws Exception {
        // GET / answers without reading the body. Jetty then reads on through the body to reach
        // the next request, but only as far as bytes have already come: while the client is still
        // sending, it closes the connection instead ("unconsumed input"). Which happens is a race
        // between two sockets, so both outcomes are checked; in both, all 3 MiB that Jetty read
        // pass the capture, and nothing may stay held or turn into phantom requests.
        String body = "A\n\n".repeat(1_048_576);
        ByteArrayOutputStream attack = new ByteArrayOutputStream();
        attack.writeBytes(("GET /?attack HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        attack.writeBytes(chunked(body));
        attack.writeBytes("GET /?after HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Optional<RawResponse> after;
        try (RawConnection client = server.connect()) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    client.send(attack.toByteArray());
                } catch (IOException closedByJetty) {
                    // the second outcome: Jetty gave up on the unread body
                }
            });
            assertEquals(200, client.readResponse().status());
            after = readUnlessClosed(client);
            sent.get(30, TimeUnit.SECONDS);
        }
        Await.until(() -> "the capture to let go of the connection, holding " + server.traffic().heldBytes(),
                Await.DEFAULT_LIMIT, () -> server.traffic().heldBytes() == 0);
        List<Exchange> exchanges = server.awaitExchanges(1);
        assertEquals("GET /?attack 200", methodAndTarget(exchanges.get(0)));
        if (after.isPresent()) {
            assertEquals(200, after.get().status(), after.get().wireText());
            exchanges = server.awaitExchanges(2);
            assertEquals(List.of("GET /?attack 200", "GET /?after 200"),
                    exchanges.stream().map(FramingAttackTest::methodAndTarget).toList());
            assertEquals(body.length(), exchanges.get(0).request().body().size());
            assertEquals(Exchange.MAX_STORED_BODY, exchanges.get(0).request().body().stored().length);
            assertEquals(0, server.traffic().unrecorded());
        } else {
            assertTrue(exchanges.stream().noneMatch(e -> e.target().equals("/?after")),
                    "Jetty never read the request after the body: " + exchanges);
            assertTrue(exchanges.size() <= 2, "phantom requests: " + exchanges.stream()
                    .map(FramingAttackTest::methodAndTarget).toList());
        }
    }

    /** The next response, or empty when the server closes (or resets) the connection instead. */
    private static Optional<RawResponse> readUnlessClosed(RawConnection client) {
        try {
            return Optional.of(client.readResponse());
        } catch (IOException closed) {
            return Optional.empty();
        }
    }
}
