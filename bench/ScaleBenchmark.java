import dev.restlab.server.ApiServer;
import dev.restlab.users.SqliteUserStore;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * The servers the scale benchmark (scale.sh) loads with wrk: two durable RestLabs (users.db,
 * capture on), one holding 100 users and one holding 100,000, in one JVM. The users are written
 * straight into users.db in one transaction (a benchmark's shortcut: through the API, 100,000
 * durable POSTs would take minutes), then each store is opened as RestLab opens it, and the time
 * that took is printed: the start-up cost of loading them. Prints "ready SMALL_PORT LARGE_PORT
 * SMALL_ID LARGE_ID LOAD_SMALL_MS LOAD_LARGE_MS", then waits for "quit" or the end of input.
 * Usage: {@code java -cp 'target/restlab.jar:target/lib/*' bench/ScaleBenchmark.java DIR [small] [large]}.
 */
public class ScaleBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int large = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String smallId = fill(dir.resolve("small"), small);
        String largeId = fill(dir.resolve("large"), large);
        // The larger first, while this JVM is as cold as a starting RestLab.
        // Wall time, and the CPU time of the opening thread, which the shared machine's load
        // inflates far less (a thread that waits for a core is not running).
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        SqliteUserStore largeStore = SqliteUserStore.open(dir.resolve("large"));
        String largeMs = (System.nanoTime() - t0) / 1_000_000 + "/" + (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
        t0 = System.nanoTime();
        c0 = cpu.getCurrentThreadCpuTime();
        SqliteUserStore smallStore = SqliteUserStore.open(dir.resolve("small"));
        String smallMs = (System.nanoTime() - t0) / 1_000_000 + "/" + (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
        TrafficLog smallTraffic = new TrafficLog();
        TrafficLog largeTraffic = new TrafficLog();
        try (AutoCloseable a = smallTraffic.subscribe(batch -> { });
                AutoCloseable b = largeTraffic.subscribe(batch -> { });
                ApiServer smallServer = new ApiServer(smallStore, smallTraffic);
                ApiServer largeServer = new ApiServer(largeStore, largeTraffic)) {
            int smallPort = smallServer.start("127.0.0.1", 0);
            int largePort = largeServer.start("127.0.0.1", 0);
            System.out.println("ready " + smallPort + " " + largePort + " " + smallId + " " + largeId
                    + " " + smallMs + " " + largeMs);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.out.println("stats small: " + smallStore.size() + " users, " + smallStore.writes()
                            + " writes in " + smallStore.commits() + " commits; large: " + largeStore.size()
                            + " users, " + largeStore.writes() + " writes in " + largeStore.commits() + " commits");
                    System.out.flush();
                }
            }
        } finally {
            smallStore.close();
            largeStore.close();
        }
    }

    /** A users.db of RestLab's format with {@code count} users named user0, user1, ...; returns the first id. */
    private static String fill(Path dataDir, int count) throws Exception {
        Files.createDirectories(dataDir);
        SqliteUserStore.open(dataDir).close(); // RestLab makes the file and its table
        String first = null;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteUserStore.FILE_NAME))) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, name, email) VALUES (?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = UUID.randomUUID().toString();
                    first = first == null ? id : first;
                    insert.setString(1, id);
                    insert.setString(2, "user" + i);
                    insert.setString(3, "user" + i + "@example.com");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        return first;
    }
}
