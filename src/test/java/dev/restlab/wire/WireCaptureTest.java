package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.server.ApiServer;
import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.ServerExtension;
import dev.restlab.users.InMemoryUserStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The capture on the real server, over real sockets: what the client got is what was recorded. */
class WireCaptureTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void a_keep_alive_socket_carries_several_exchanges_each_recorded_with_the_exact_bytes_received()
            throws Exception {
        String first;
        String second;
        int clientPort;
        try (RawConnection client = server.connect()) {
            clientPort = client.localPort();
            client.send("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nx-ORDER: 1\r\nAccept: */*\r\n\r\n");
            first = client.readResponse().wireText();
            String json = "{\"name\": \"Zoë\", \"email\": \"z@x.org\"}";
            client.send("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json);
            second = client.readResponse().wireText();
            List<Exchange> exchanges = server.awaitExchanges(2);

            Exchange get = exchanges.get(0);
            Exchange post = exchanges.get(1);
            assertEquals(first, CurlText.curlI(get));
            assertEquals(second, CurlText.curlI(post));
            assertEquals(List.of(new Header("Host", "127.0.0.1"), new Header("x-ORDER", "1"),
                    new Header("Accept", "*/*")), get.request().headers());
            assertEquals("{\"name\": \"Zoë\", \"email\": \"z@x.org\"}", new String(post.request().body().stored(), StandardCharsets.UTF_8));
            assertEquals(201, post.status());
            assertEquals(List.of(clientPort, clientPort), List.of(get.connection().clientPort(), post.connection().clientPort()));
            assertEquals(first.getBytes(StandardCharsets.UTF_8).length, get.response().wireBytes());
            assertTrue(get.response().header("Date").isPresent(), "Jetty's own headers are there too");
            assertTrue(get.response().header("Server").isPresent());
            assertFalse(get.rejected());
            assertFalse(post.rejected());
        }
    }

    @Test
    void every_client_is_recorded_including_java_http_client_and_a_404_is_not_a_rejection() throws Exception {
        HttpResponse<String> response = server.client().get("/nothing/here?q=1");
        Exchange e = server.awaitExchange(x -> x.target().equals("/nothing/here?q=1"));
        assertEquals(404, e.status());
        assertEquals(response.body(), new String(e.response().body().stored(), StandardCharsets.UTF_8));
        assertEquals("/nothing/here", e.path());
        assertFalse(e.rejected(), "a route (the 404 guard) answered it");
        assertEquals("127.0.0.1", e.connection().clientAddress());
    }

    @Test
    void a_garbage_request_line_is_recorded_as_jettys_rejection_with_the_bytes_it_sent() throws Exception {
        String answer;
        try (RawConnection client = server.connect()) {
            client.send("HELLO\r\n\r\n");
            answer = client.readToEndText();
        }
        Exchange e = server.awaitExchange(x -> x.method().equals("HELLO"));
        assertTrue(e.rejected());
        assertEquals(400, e.status());
        assertEquals(answer, CurlText.curlI(e));
        assertEquals("", e.target());
    }

    @Test
    void on_one_socket_a_routed_request_and_then_a_rejected_one_are_told_apart() throws Exception {
        String answer;
        try (RawConnection client = server.connect()) {
            client.send("GET /?first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            client.readResponse().wireText();
            client.send("GET /bad path HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            answer = client.readToEndText();
        }
        List<Exchange> exchanges = server.awaitExchanges(2);
        assertFalse(exchanges.get(0).rejected());
        assertTrue(exchanges.get(1).rejected(), exchanges.get(1) + " " + answer);
        assertEquals(answer, CurlText.curlI(exchanges.get(1)));
        assertEquals(exchanges.get(0).connection().clientPort(), exchanges.get(1).connection().clientPort());
    }

    @Test
    void headers_too_large_are_recorded_as_a_rejected_431() throws Exception {
        String answer;
        try (RawConnection client = server.connect()) {
            client.send("GET /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            answer = client.readToEndText();
        }
        Exchange e = server.awaitExchange(x -> x.status() == 431);
        assertTrue(e.rejected());
        assertTrue(e.storedBytes() > 8_000, "the log counts what the headers cost: " + e.storedBytes());
        assertEquals("GET", e.method());
        assertEquals("/people/v1/users", e.target());
        assertEquals(answer, CurlText.curlI(e));
    }

    @Test
    void bodies_over_256_KiB_are_kept_cut_with_their_real_size() throws Exception {
        // A user holds at most a short name and email, so the big request body is a field the API
        // ignores, and the big response a listing of many users.
        String json = "{\"name\": \"big\", \"email\": \"big@example.com\", \"notes\": \"" + "n".repeat(300_000) + "\"}";
        assertEquals(201, server.client().postJson("/people/v1/users", json).statusCode());
        Exchange post = server.awaitExchange(x -> x.method().equals("POST"));
        assertTrue(post.truncated());
        assertEquals(json.length(), post.request().body().size());
        assertEquals(Exchange.MAX_STORED_BODY, post.request().body().stored().length);

        for (int i = 0; i < 1_000; i++) {
            server.store().create("n".repeat(100), i + "@" + "e".repeat(240) + ".org");
        }
        HttpResponse<String> response = server.client().get("/people/v1/users");
        Exchange e = server.awaitExchange(x -> x.method().equals("GET"));
        assertTrue(e.truncated());
        assertEquals(response.body().getBytes(StandardCharsets.UTF_8).length, e.response().body().size());
        assertTrue(e.response().body().size() > Exchange.MAX_STORED_BODY);
        assertEquals(Exchange.MAX_STORED_BODY, e.response().body().stored().length);
        assertTrue(CurlText.curlI(e).endsWith("[RestLab kept the first 262144 of " + e.response().body().size()
                + " bytes of this body]\n"));
    }

    @Test
    void a_long_run_of_requests_keeps_only_the_newest_in_a_small_log() throws Exception {
        TrafficLog small = new TrafficLog(50);
        try (ApiServer other = new ApiServer(new InMemoryUserStore(), small);
                RawConnection client = RawConnection.open(other.start("127.0.0.1", 0))) {
            for (int i = 0; i < 1_000; i++) {
                client.send("GET /?n=" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                client.readResponse().wireText();
            }
            Await.until("the last request", () -> small.lastId() == 1_000);
        }
        List<Exchange> kept = small.snapshot();
        assertEquals(50, kept.size());
        assertEquals("/?n=999", kept.get(49).target());
        assertEquals("/?n=950", kept.get(0).target());
    }

    @Test
    void without_a_traffic_log_nothing_is_captured_and_the_server_still_serves() throws Exception {
        try (ApiServer plain = new ApiServer(new InMemoryUserStore());
                RawConnection client = RawConnection.open(plain.start("127.0.0.1", 0))) {
            client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertEquals(200, client.readResponse().status());
        }
    }
}
