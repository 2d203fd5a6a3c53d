package dev.restlab.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness itself: a real server per test, and raw reads framed the way HTTP/1.1 frames them. */
class ServerExtensionTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void a_fresh_server_answers_over_http_and_raw_sockets_and_records_both() throws Exception {
        assertEquals(200, server.client().get("/?via=client").statusCode());
        RawResponse raw = server.exchange("GET", "/?via=raw");
        assertEquals(200, raw.status());
        assertEquals(raw.declaredLength(), raw.body().length);
        assertTrue(raw.wireText().startsWith("HTTP/1.1 200 OK\r\n"), raw.wireText());
        assertTrue(raw.wireText().endsWith(raw.text()));

        Exchange viaRaw = server.awaitExchange(x -> x.target().equals("/?via=raw"));
        assertEquals(200, viaRaw.status());
        assertEquals(2, server.awaitExchanges(2).size());
    }

    @Test
    void each_test_gets_an_empty_store_part_one() throws Exception {
        createsOneUserInAnEmptyStore();
    }

    @Test
    void each_test_gets_an_empty_store_part_two() throws Exception {
        createsOneUserInAnEmptyStore();
    }

    private void createsOneUserInAnEmptyStore() throws Exception {
        assertEquals(404, server.client().get("/people/v1/users?name=Once").statusCode());
        assertEquals(201, server.client().postJson("/people/v1/users",
                "{\"name\": \"Once\", \"email\": \"once@example.com\"}").statusCode());
        assertEquals(1, server.store().findByName("Once").size());
    }

    @Test
    void restart_serves_the_same_store_on_a_new_port_and_stops_the_old_one() throws Exception {
        server.client().postJson("/people/v1/users", "{\"name\": \"Kept\", \"email\": \"k@example.com\"}");
        int before = server.port();
        server.restart();
        assertTrue(server.api().isRunning());
        assertEquals(200, server.client().get("/people/v1/users?name=Kept").statusCode());
        assertThrows(IOException.class, () -> RawConnection.open(before).close(),
                "the old port still accepts connections");
    }

    @Test
    void raw_reads_frame_by_length_by_chunks_by_close_and_know_bodiless_answers() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
        String lengthed = "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc";
        String noContent = "HTTP/1.1 204 No Content\r\n\r\n";
        String headAnswer = "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n";
        String untilClose = "HTTP/1.0 200 OK\r\n\r\nto the end";
        try (FakeServer fake = new FakeServer(chunked + lengthed + noContent + headAnswer + untilClose);
                RawConnection raw = RawConnection.open(fake.port())) {
            RawResponse first = raw.readResponse();
            assertEquals("hello, world", first.text());
            assertEquals(chunked, first.wireText());
            assertEquals(-1, first.declaredLength());
            assertEquals("chunked", first.header("transfer-encoding").orElseThrow());

            RawResponse second = raw.readResponse();
            assertEquals(201, second.status());
            assertEquals("abc", second.text());
            assertEquals(lengthed, second.wireText());

            assertArrayEquals(noContent.getBytes(StandardCharsets.US_ASCII), raw.readResponse().wire());
            RawResponse head = raw.readHeadResponse();
            assertEquals(99, head.declaredLength());
            assertEquals(0, head.body().length);
            assertEquals("to the end", raw.readResponse().text());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void a_read_gives_up_at_its_deadline_when_the_answer_never_completes() throws Exception {
        try (FakeServer fake = new FakeServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", false);
                RawConnection raw = RawConnection.open(fake.port()).deadline(Duration.ofMillis(300))) {
            // Without the deadline this read would wait for seven bytes that never come.
            assertThrows(SocketTimeoutException.class, raw::readResponse);
        }
    }

    @Test
    void a_connection_the_server_closes_without_answering_is_an_error_not_an_empty_response() throws Exception {
        try (FakeServer fake = new FakeServer("");
                RawConnection raw = RawConnection.open(fake.port())) {
            IOException e = assertThrows(IOException.class, raw::readResponse);
            assertFalse(e instanceof SocketTimeoutException);
        }
    }

    /** Accepts one connection on loopback, writes canned bytes, then closes it (or keeps it open). */
    private static final class FakeServer implements AutoCloseable {

        private final ServerSocket listener;
        private final Thread thread;

        FakeServer(String answer) throws IOException {
            this(answer, true);
        }

        FakeServer(String answer, boolean closeAfter) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (!closeAfter) {
                        socket.getInputStream().read(); // until the client hangs up
                    }
                } catch (IOException ignored) {
                    // the test is over
                }
            }, "fake-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(10_000);
        }
    }
}
