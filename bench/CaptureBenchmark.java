import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two servers the capture benchmark (capture.sh) loads with wrk, in one JVM: one with the
 * wire capture off, one with it on and a batched listener attached, as the window has. Prints
 * "ports OFF ON", then answers "stats" on stdin with the heap in use after a GC and the log's
 * counts, and stops on "quit" or end of input. Run from the repository root after
 * {@code mvn package}: {@code java -cp 'target/restlab.jar:target/lib/*' bench/CaptureBenchmark.java}.
 */
public class CaptureBenchmark {

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        UserStore store = new InMemoryUserStore();
        // An optional first argument sets the log's capacity (default: the app's 10,000).
        TrafficLog traffic = args.length > 0 ? new TrafficLog(Integer.parseInt(args[0])) : new TrafficLog();
        AtomicLong delivered = new AtomicLong();
        AutoCloseable listener = traffic.subscribe(batch -> delivered.addAndGet(batch.size()));
        try (ApiServer off = new ApiServer(store); ApiServer on = new ApiServer(store, traffic)) {
            int offPort = off.start("127.0.0.1", 0);
            int onPort = on.start("127.0.0.1", 0);
            System.out.println("ports " + offPort + " " + onPort);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.gc();
                    long usedMiB = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                    System.out.println("stats heapUsedMiB=" + usedMiB + " recorded=" + traffic.lastId()
                            + " kept=" + traffic.snapshot().size() + " delivered=" + delivered.get()
                            + " gcMillis=" + gcMillis());
                    System.out.flush();
                }
            }
        } finally {
            listener.close();
        }
    }
}
