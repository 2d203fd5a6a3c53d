package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restlab.testing.Await;
import dev.restlab.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One misbehaving client must not deny service to a class of 30. The attacker opens more
 * connections than the server has threads, each holding a thread (a body that never arrives, or
 * an answer never read); while it holds them, 30 students, each from an address of their own,
 * must all be served. Linux routes all of 127.0.0.0/8 to loopback, so every client here is on
 * this computer, with an address of its own.
 */
class MisbehavingClientTest {

    private static final int ATTACKER_CONNECTIONS = JettyServerFactory.MAX_THREADS;
    private static final int STUDENTS = 30;
    private static final String USERS = "/people/v1/users";

    /** Long enough that the attacker's connections outlast the test, so they hold throughout. */
    @RegisterExtension
    final ServerExtension server = new ServerExtension().withIdleTimeout(Duration.ofSeconds(100));

    private final List<Socket> attack = new ArrayList<>();

    @AfterEach
    void closeAttack() throws IOException {
        for (Socket socket : attack) {
            socket.close();
        }
    }

    @Test
    @Timeout(120)
    void bodies_that_never_arrive_on_200_connections_from_one_client_leave_a_class_of_30_served()
            throws Exception {
        InetAddress attacker = loopback(2);
        for (int i = 0; i < ATTACKER_CONNECTIONS; i++) {
            Socket socket = connectFrom(attacker, -1);
            // The head is complete, so a thread runs the route, which waits for the body's 999 other bytes.
            socket.getOutputStream().write(("POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            attack.add(socket);
        }

        assertTheClassIsServedWhileTheAttackerHoldsItsShare(attacker);
        assertEquals(STUDENTS, server.store().all().size());
    }

    @Test
    @Timeout(120)
    void answers_never_read_on_200_connections_from_one_client_leave_a_class_of_30_served() throws Exception {
        InetAddress attacker = loopback(3);
        for (int i = 0; i < ATTACKER_CONNECTIONS; i++) {
            // A 1 KiB receive window: the 1.4 MB script fills it and the server's write stalls.
            Socket socket = connectFrom(attacker, 1024);
            socket.getOutputStream().write("GET /docs/swagger-ui-bundle.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            attack.add(socket);
        }

        assertTheClassIsServedWhileTheAttackerHoldsItsShare(attacker);
    }

    private void assertTheClassIsServedWhileTheAttackerHoldsItsShare(InetAddress attacker) throws Exception {
        int cap = JettyServerFactory.MAX_CONNECTIONS_PER_CLIENT;
        Await.until(() -> "the attacker's connections to settle at the cap of " + cap + ", have "
                + server.api().openConnectionsFrom(attacker), Duration.ofSeconds(30),
                () -> server.api().openConnectionsFrom(attacker) == cap);

        ExecutorService students = Executors.newFixedThreadPool(STUDENTS);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                InetAddress student = loopback(10 + s);
                int number = s;
                answers.add(students.submit(() -> aStudentsRequests(student, number)));
            }
            for (Future<List<Integer>> answer : answers) {
                assertEquals(List.of(200, 201, 200), answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            students.shutdownNow();
        }
        assertEquals(cap, server.api().openConnectionsFrom(attacker),
                "the attacker's connections were not held while the class was served");
    }

    /** The handout's first steps: the welcome page, a new user, the list. Returns the statuses. */
    private List<Integer> aStudentsRequests(InetAddress student, int number) throws IOException {
        String json = "{\"name\": \"student" + number + "\", \"email\": \"s" + number + "@example.com\"}";
        return List.of(
                status(student, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                status(student, "POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json),
                status(student, "GET " + USERS + "?name=student" + number + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n"));
    }

    /** Sends one request from {@code client} and returns the status of the answer. */
    private int status(InetAddress client, String request) throws IOException {
        try (Socket socket = connectFrom(client, -1)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            in.readAllBytes();
            String[] parts = statusLine.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }
    }

    /** A connection to the server from a loopback address of the caller's choosing. */
    private Socket connectFrom(InetAddress client, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.bind(new InetSocketAddress(client, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
        return socket;
    }

    /** 127.0.0.{@code last}; skips the test where the system gives loopback only 127.0.0.1 (macOS). */
    private static InetAddress loopback(int last) throws IOException {
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            assumeTrue(false, "this system has no loopback address " + address.getHostAddress()
                    + " to play a client of its own: " + e.getMessage());
        }
        return address;
    }
}
