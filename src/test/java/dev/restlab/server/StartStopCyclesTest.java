package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restlab.http.Api;
import dev.restlab.testing.Await;
import dev.restlab.testing.RawConnection;
import dev.restlab.http.Api;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import spark.embeddedserver.EmbeddedServers;

/** The window restarts the server when the port changes; restarts must leave nothing behind. */
class StartStopCyclesTest {

    private static final int CYCLES = 200;

    @Test
    @Timeout(180)
    void two_hundred_start_stop_cycles_leave_no_socket_no_thread_no_registry_entry_and_no_stopped_server()
            throws Exception {
        ApiServer server = new ApiServer(new InMemoryUserStore());
        cycle(server); // the first start loads classes and starts any JVM-wide helpers once
        int registeredBefore = sparkRegistrySize();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        List<WeakReference<Server>> stopped = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            stopped.add(cycle(server));
        }

        assertEquals(registeredBefore, sparkRegistrySize(), "Spark's static registry grew with restarts");
        Await.until(() -> "threads left after " + CYCLES + " cycles: " + extraThreads(before),
                Duration.ofSeconds(20), () -> extraThreads(before).isEmpty());
        awaitCollected(stopped, "stopped Jetty servers");
    }

    @Test
    @Timeout(60)
    void a_stopped_server_and_its_store_can_be_garbage_collected() throws Exception {
        // Only a strong reference from somewhere static (Spark keeps a registry) keeps it alive.
        awaitCollected(List.of(startAndStopAServerNobodyKeeps()), "the stopped server's store");
    }

    private static WeakReference<UserStore> startAndStopAServerNobodyKeeps() throws IOException {
        UserStore store = new InMemoryUserStore();
        ApiServer server = new ApiServer(store);
        cycle(server);
        return new WeakReference<>(store);
    }

    /**
     * Starts on a free port, answers one request, stops, and checks the port is closed; returns
     * a weak reference to the Jetty server that ran.
     */
    private static WeakReference<Server> cycle(ApiServer server) throws IOException {
        int port = server.start(Api.LOOPBACK, 0);
        Server jetty = server.jetty();
        assertNotNull(jetty);
        assertEquals(200, RawConnection.exchange(port, "GET", "/").status());
        server.stop();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                "port " + port + " still listening after stop()");
        return new WeakReference<>(jetty);
    }

    /**
     * Waits until the garbage collector has cleared every reference. A System.gc() is only a
     * hint, so each poll asks again and allocates a little to give the collector a reason to run;
     * anything still strongly reachable stays and the deadline fails the test.
     */
    private static void awaitCollected(List<? extends WeakReference<?>> references, String what) {
        Await.until(() -> references.stream().filter(r -> r.get() != null).count()
                + " of " + references.size() + " " + what + " still reachable", Duration.ofSeconds(30), () -> {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int i = 0; i < pressure.length; i++) {
                pressure[i] = new byte[64 * 1024];
            }
            return references.stream().allMatch(r -> r.get() == null) && pressure.length > 0;
        });
    }

    /** How many server factories Spark's static registry holds (it offers no way to ask). */
    private static int sparkRegistrySize() throws ReflectiveOperationException {
        Field factories = EmbeddedServers.class.getDeclaredField("factories");
        factories.setAccessible(true);
        return ((Map<?, ?>) factories.get(null)).size();
    }

    private static Set<String> extraThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
