import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.SqliteUserStore;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The two halves of the durable-writes benchmark (durable.sh).
 *
 * <p>{@code probe DIR}: how long the disk under DIR takes to make a write durable, measured the
 * ways a commit meets it: a 4 KiB append then fsync (a log that grows), a 4 KiB overwrite then
 * fdatasync (a log that is reused), and whole SQLite commits, WAL and synchronous=FULL as
 * RestLab's store uses them, of 1 and of 16 rows, one after another. Prints
 * "probe APPEND_FSYNC_MS OVERWRITE_FDATASYNC_MS COMMIT1_MS COMMIT16_MS" (medians).
 *
 * <p>{@code serve DIR|memory}: RestLab's API with the capture on (a listener attached, as the
 * window has), on users.db in DIR or in memory. Prints "ready PORT"; answers "stats" with
 * "stats COMMITS WRITES COMMIT_NANOS" (the store's own counters: how many writes shared how many
 * commits, and the time spent in COMMIT)
 * and "clear" with "cleared" once the store is empty; ends on "quit" or the end of input.
 */
public class DurableBenchmark {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("probe")) {
            probe(Path.of(args[1]));
        } else {
            serve(args[1]);
        }
    }

    private static void probe(Path dir) throws Exception {
        Files.createDirectories(dir);
        int rounds = 300;
        double append = fileSync(dir.resolve("probe-append"), rounds, true);
        double overwrite = fileSync(dir.resolve("probe-overwrite"), rounds, false);
        double commit1 = sqliteCommit(dir.resolve("probe-1.db"), rounds, 1);
        double commit16 = sqliteCommit(dir.resolve("probe-16.db"), rounds, 16);
        System.out.printf(Locale.ROOT, "probe %.3f %.3f %.3f %.3f%n", append, overwrite, commit1, commit16);
    }

    /** Median ms of write-4-KiB-then-sync: appended and fsynced, or overwritten in place and fdatasynced. */
    private static double fileSync(Path file, int rounds, boolean append) throws Exception {
        double[] ms = new double[rounds];
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(block.clear(), 0);
            channel.force(true);
            for (int i = 0; i < rounds; i++) {
                channel.write(block.clear(), append ? (i + 1) * 4096L : 0);
                long t0 = System.nanoTime();
                channel.force(append); // true: fsync (data and metadata), false: fdatasync
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Files.delete(file);
        return median(ms);
    }

    /** Median ms of one transaction of {@code rows} inserts and its COMMIT, WAL, synchronous=FULL. */
    private static double sqliteCommit(Path file, int rounds, int rows) throws Exception {
        double[] ms = new double[rounds];
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement sql = db.createStatement()) {
            sql.execute("PRAGMA journal_mode=WAL");
            sql.execute("PRAGMA synchronous=FULL");
            sql.execute("CREATE TABLE users (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                    + " name TEXT NOT NULL, email TEXT NOT NULL)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, name, email) VALUES (?, ?, ?)")) {
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    sql.execute("BEGIN IMMEDIATE");
                    for (int r = 0; r < rows; r++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "Ada");
                        insert.setString(3, "ada@example.com");
                        insert.executeUpdate();
                    }
                    sql.execute("COMMIT");
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The store's time in COMMIT; 0 from a build before it was counted (BEFORE_CP). */
    private static long commitNanos(SqliteUserStore store) {
        try {
            return (long) SqliteUserStore.class.getMethod("commitNanos").invoke(store);
        } catch (ReflectiveOperationException olderBuild) {
            return 0;
        }
    }

    private static void serve(String where) throws Exception {
        SqliteUserStore durable = where.equals("memory") ? null : SqliteUserStore.open(Path.of(where));
        UserStore store = durable != null ? durable : new InMemoryUserStore();
        TrafficLog traffic = new TrafficLog();
        try (AutoCloseable listener = traffic.subscribe(batch -> { });
                ApiServer server = new ApiServer(store, traffic)) {
            System.out.println("ready " + server.start("127.0.0.1", 0));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.out.println("stats " + (durable == null ? "0 0 0"
                            : durable.commits() + " " + durable.writes() + " " + commitNanos(durable)));
                } else if (line.equals("clear")) {
                    store.clear(); // between rounds, so that no round meets a full store
                    System.out.println("cleared");
                }
                System.out.flush();
            }
        } finally {
            store.close();
        }
    }
}
