import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import dev.restlab.wire.TrafficLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server the reads benchmark (reads.sh) loads with wrk: RestLab's API with the capture on and
 * a batched listener attached, as the window has, plus two bare Spark routes on the same Jetty
 * that answer fixed bodies of the same sizes as the listing and as one user: the limit a read can
 * reach here. Prints "ports PORT ID" (the id of a user to get), then waits for "quit" or the end
 * of input. Run after {@code mvn package}:
 * {@code java -cp 'target/restlab.jar:target/lib/*' bench/ReadsBenchmark.java [users]}.
 */
public class ReadsBenchmark {

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        UserStore store = new InMemoryUserStore();
        User first = null;
        for (int i = 0; i < users; i++) {
            User user = store.create("user" + i, "user" + i + "@example.com");
            first = first == null ? user : first;
        }
        TrafficLog traffic = new TrafficLog();
        AtomicLong delivered = new AtomicLong();
        byte[][] bare = new byte[2][];
        try (AutoCloseable listener = traffic.subscribe(batch -> delivered.addAndGet(batch.size()));
                ApiServer server = new ApiServer(store, traffic)) {
            server.serveFixed("/bare/list", "application/json", () -> bare[0]);
            server.serveFixed("/bare/one", "application/json", () -> bare[1]);
            int port = server.start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + port + "/people/v1/users";
            HttpClient client = HttpClient.newHttpClient();
            // The same bytes as the API's answers: the bare routes differ only in doing no work.
            bare[0] = client.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            bare[1] = client.send(HttpRequest.newBuilder(URI.create(base + "/" + first.id())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            System.out.println("ports " + port + " " + first.id() + " " + bare[0].length + " " + bare[1].length);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.out.println("stats recorded=" + traffic.lastId() + " delivered=" + delivered.get());
                    System.out.flush();
                }
            }
        }
    }
}
