import dev.restlab.app.Workbench;
import dev.restlab.app.WorkbenchSettings;
import dev.restlab.users.InMemoryUserStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Does the window stay smooth under load? Opens the real window, then measures how long the FX
 * thread takes to run a tiny task posted every 10 ms: first with no traffic, then while client
 * threads send GETs, then POSTs (which also make the users table reload), each phase bounded in
 * time. Run by bench/window-load.sh under Xvfb; prints one table.
 */
public final class WindowLoadBenchmark {

    private static final int CLIENTS = 6;

    public static void main(String[] args) throws Exception {
        long phaseMillis = args.length > 0 ? Long.parseLong(args[0]) * 1000 : 10_000;
        int seedUsers = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        CountDownLatch shown = new CountDownLatch(1);
        Workbench[] workbench = new Workbench[1];
        InMemoryUserStore store = new InMemoryUserStore();
        Platform.startup(() -> {
            workbench[0] = new Workbench(store, WorkbenchSettings.listening("127.0.0.1", 0, url -> { }));
            Stage stage = new Stage();
            stage.setScene(new Scene(workbench[0].root(), 1280, 800));
            stage.show();
            workbench[0].startServer();
            shown.countDown();
        });
        shown.await();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (workbench[0].serverBar().boundPortProperty().get() < 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000);
        }
        int port = workbench[0].serverBar().boundPortProperty().get();
        URI users = URI.create("http://127.0.0.1:" + port + "/people/v1/users");

        measure("warm-up (discarded)", users, true, Math.min(phaseMillis, 3_000));
        measure("settle (discarded)", users, false, 2_000);
        List<String> rows = new ArrayList<>();
        rows.add(measure("no traffic", users, false, phaseMillis));
        rows.add(measure("GET load", users, true, phaseMillis));
        if (seedUsers > 0) {
            seed(workbench[0], store, seedUsers);
            measure("settle (discarded)", users, false, 2_000);
        }
        rows.add(measure("POST load", users, false, phaseMillis, true));
        rows.add(measure("no traffic, after", users, false, phaseMillis));

        System.out.println("| phase | requests | requests/s | FX delay p50 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        Platform.runLater(() -> {
            workbench[0].close();
            Platform.exit();
        });
    }

    /**
     * Puts {@code count} users in the store (straight in, as if before the window started) and
     * has the window reload its table, so that the POST load meets a table of that many rows.
     * The Workbench does not hand its users ViewModel out, so a benchmark takes it by reflection.
     */
    private static void seed(Workbench workbench, InMemoryUserStore store, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            store.create("seed" + i, "seed" + i + "@example.com");
        }
        java.lang.reflect.Field field = Workbench.class.getDeclaredField("users");
        field.setAccessible(true);
        dev.restlab.ui.users.UsersPaneViewModel usersTable = (dev.restlab.ui.users.UsersPaneViewModel) field.get(workbench);
        Platform.runLater(usersTable::refresh);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int[] rows = new int[1];
        while (rows[0] < count && System.nanoTime() < deadline) {
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                rows[0] = usersTable.users().size();
                read.countDown();
            });
            read.await();
            LockSupport.parkNanos(50_000_000);
        }
        System.err.println("the table shows " + rows[0] + " users before the POST load");
    }

    private static String measure(String phase, URI users, boolean gets, long millis) throws Exception {
        return measure(phase, users, gets, millis, false);
    }

    /** Runs one phase: clients (if any) and the FX probe side by side, for {@code millis}. */
    private static String measure(String phase, URI users, boolean gets, long millis, boolean posts)
            throws Exception {
        long end = System.nanoTime() + millis * 1_000_000;
        AtomicLong requests = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        if (gets || posts) {
            AtomicInteger names = new AtomicInteger();
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(() -> load(users, posts, end, requests, names), "load-" + i);
                client.start();
                clients.add(client);
            }
        }
        List<Double> delays = probe(end);
        for (Thread client : clients) {
            client.join();
        }
        Collections.sort(delays);
        double seconds = millis / 1000.0;
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f |", phase, requests.get(),
                requests.get() / seconds, percentile(delays, 0.50), percentile(delays, 0.99),
                delays.isEmpty() ? 0 : delays.get(delays.size() - 1));
    }

    private static void load(URI users, boolean posts, long end, AtomicLong requests, AtomicInteger names) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (System.nanoTime() < end) {
            HttpRequest request = posts
                    ? HttpRequest.newBuilder(users).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"n" + names.incrementAndGet()
                                    + "\", \"email\": \"x@example.com\"}")).build()
                    : HttpRequest.newBuilder(users).GET().build();
            try {
                http.send(request, HttpResponse.BodyHandlers.discarding());
                requests.incrementAndGet();
            } catch (Exception e) {
                return;
            }
        }
    }

    /**
     * Posts a no-op to the FX thread every 10 ms and records how late each one ran. Waits (up to a
     * minute) for the last one posted, so that a probe the FX thread had not reached when the phase
     * ended counts with its whole delay instead of being left out.
     */
    private static List<Double> probe(long end) throws InterruptedException {
        List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch last = new CountDownLatch(1);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            boolean isLast = System.nanoTime() + 10_000_000 >= end;
            Platform.runLater(() -> {
                delays.add((System.nanoTime() - posted) / 1e6);
                if (isLast) {
                    last.countDown();
                }
            });
            LockSupport.parkNanos(10_000_000);
        }
        if (!last.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            System.err.println("the FX thread did not run the last probe within a minute");
        }
        return new ArrayList<>(delays);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
