package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.TestClient;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.TrafficLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiServerTest {

    private final UserStore store = new InMemoryUserStore();

    @Test
    void port_zero_binds_a_free_port_and_serves_on_it() throws Exception {
        try (ApiServer server = new ApiServer(store)) {
            int port = server.start("127.0.0.1", 0);
            assertTrue(port > 0);
            assertEquals(port, server.port());
            assertEquals(200, new TestClient(port).get("/").statusCode());
        }
    }

    @Test
    void restarts_many_times_in_one_jvm_on_the_same_port_keeping_users() throws Exception {
        ApiServer server = new ApiServer(store);
        int port = server.start("127.0.0.1", 0);
        new TestClient(port).postJson("/people/v1/users", "{\"name\": \"John\", \"email\": \"j@example.com\"}");
        server.stop();
        for (int i = 0; i < 15; i++) {
            assertEquals(port, server.start("127.0.0.1", port));
            assertEquals(200, new TestClient(port).get("/people/v1/users?name=John").statusCode());
            server.stop();
            assertFalse(server.isRunning());
            assertRefused(port);
        }
    }

    @Test
    void start_and_stop_are_idempotent() {
        ApiServer server = new ApiServer(store);
        server.stop();
        int port = server.start("127.0.0.1", 0);
        assertEquals(port, server.start("127.0.0.1", 0));
        server.stop();
        server.stop();
        assertEquals(-1, server.port());
    }

    @Test
    void a_taken_port_is_an_exception_naming_the_port_and_the_process_lives_on() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ApiServer server = new ApiServer(store);

            ServerStartException e = assertThrows(ServerStartException.class, () -> server.start("127.0.0.1", port));

            assertTrue(e.getMessage().contains("Port " + port + " is already in use"), e.getMessage());
            assertFalse(server.isRunning());
            int other = server.start("127.0.0.1", 0);
            assertEquals(200, new TestClient(other).get("/").statusCode());
            server.stop();
        }
    }

    @Test
    void an_address_that_is_not_this_machines_is_a_clear_exception() {
        ApiServer server = new ApiServer(store);
        // TEST-NET-1 (RFC 5737) is never assigned to a local interface; binding fails at once.
        ServerStartException e = assertThrows(ServerStartException.class, () -> server.start("192.0.2.1", 0));
        assertTrue(e.getMessage().contains("Cannot listen on 192.0.2.1"), e.getMessage());
        assertFalse(server.isRunning());
    }

    @Test
    void access_log_names_the_real_peer_not_a_forwarded_header() throws Exception {
        TrafficLog traffic = new TrafficLog();
        try (ApiServer server = new ApiServer(store, traffic)) {
            TestClient http = new TestClient(server.start("127.0.0.1", 0));
            http.send(HttpRequest.newBuilder(http.uri("/test/")).header("X-Forwarded-For", "203.0.113.9").GET());
            // The capture records once the last byte has gone out.
            Await.until("the exchange in the traffic log", () -> !traffic.snapshot().isEmpty());
        }
        List<String> lines = traffic.snapshot().stream().map(CurlText::summary).toList();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches(
                "127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4} \\d\\d:\\d\\d:\\d\\d] \"GET /test/ HTTP/1\\.1\" 200 -"),
                lines.get(0));
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                throw new IOException("still listening");
            }
        });
    }
}
