package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restlab.http.Api;
import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The window restarts the server when the port changes; restarts must leave nothing behind. */
class StartStopCyclesTest {

    private static final int CYCLES = 100;

    @Test
    @Timeout(120)
    void a_hundred_start_stop_cycles_leave_no_listening_socket_and_no_extra_threads() throws Exception {
        ApiServer server = new ApiServer(new InMemoryUserStore());
        cycle(server); // the first start loads classes and starts any JVM-wide helpers once
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        for (int i = 0; i < CYCLES; i++) {
            cycle(server);
        }

        Await.until(() -> "threads left after " + CYCLES + " cycles: " + extraThreads(before),
                Duration.ofSeconds(20), () -> extraThreads(before).isEmpty());
    }

    @Test
    @Timeout(60)
    void a_stopped_server_and_its_store_can_be_garbage_collected() throws Exception {
        WeakReference<UserStore> store = startAndStopAServerNobodyKeeps();

        // Only a strong reference from somewhere static (Spark keeps a registry) keeps it alive.
        Await.until("the stopped server's store to become unreachable", () -> {
            System.gc();
            return store.get() == null;
        });
    }

    private static WeakReference<UserStore> startAndStopAServerNobodyKeeps() throws IOException {
        UserStore store = new InMemoryUserStore();
        ApiServer server = new ApiServer(store);
        cycle(server);
        return new WeakReference<>(store);
    }

    /** Starts on a free port, answers one request, stops, and checks the port is closed. */
    private static void cycle(ApiServer server) throws IOException {
        int port = server.start(Api.LOOPBACK, 0);
        assertEquals(200, RawConnection.exchange(port, "GET", "/").status());
        server.stop();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                "port " + port + " still listening after stop()");
    }

    private static Set<String> extraThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
