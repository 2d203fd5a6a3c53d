import dev.restlab.Workbench;
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
        CountDownLatch shown = new CountDownLatch(1);
        Workbench[] workbench = new Workbench[1];
        Platform.startup(() -> {
            workbench[0] = new Workbench(new InMemoryUserStore(), "127.0.0.1", 0, url -> { });
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

    /** Posts a no-op to the FX thread every 10 ms and records how late each one ran. */
    private static List<Double> probe(long end) {
        List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            Platform.runLater(() -> delays.add((System.nanoTime() - posted) / 1e6));
            LockSupport.parkNanos(10_000_000);
        }
        return new ArrayList<>(delays);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
