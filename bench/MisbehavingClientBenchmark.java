import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One misbehaving client against a class of 30: the attacker (127.0.0.2) opens N connections that
 * each hold a server thread, either a POST whose body never comes or a GET of the 1.4 MB Swagger
 * UI script that it never reads; then 30 students, each from an address of its own (127.0.0.10…),
 * send one GET / at once. Prints, for each attack, how many students were answered within 10 s
 * and how long the last one took, and how long a body trickled a byte every 2 s lasts.
 * Linux only (all of 127.0.0.0/8 is loopback there). Run by bench/misbehaving-client.sh.
 */
public final class MisbehavingClientBenchmark {

    private static final int STUDENTS = 30;
    private static final int PATIENCE_MILLIS = 10_000;
    private static final long TRICKLE_LIMIT_MILLIS = 120_000;

    public static void main(String[] args) throws Exception {
        int attackers = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        System.out.println("| attack (one client, " + attackers + " connections) | students answered within 10 s | slowest answer |");
        System.out.println("| --- | --- | --- |");
        for (String attack : List.of("body never sent", "answer never read")) {
            ApiServer server = new ApiServer(new InMemoryUserStore());
            int port = server.start("127.0.0.1", 0);
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < attackers; i++) {
                    held.add(attack.startsWith("body") ? bodyNeverSent(port) : answerNeverRead(port));
                }
                Thread.sleep(1_000); // let the server take up what it was sent before the class arrives
                long[] result = theClass(port);
                System.out.printf(Locale.ROOT, "| %s | %d of %d | %s |%n", attack, result[0], STUDENTS,
                        result[0] == STUDENTS ? result[1] + " ms" : "over 10 s");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
                server.stop();
            }
        }
        ApiServer server = new ApiServer(new InMemoryUserStore());
        int port = server.start("127.0.0.1", 0);
        try {
            long lasted = trickleLasts(port);
            System.out.println(lasted >= TRICKLE_LIMIT_MILLIS
                    ? "\nA body trickled one byte every 2 s was still open after " + TRICKLE_LIMIT_MILLIS / 1000 + " s."
                    : String.format(Locale.ROOT, "%nA body trickled one byte every 2 s was cut after %.1f s.", lasted / 1000.0));
        } finally {
            server.stop();
        }
    }

    private static Socket bodyNeverSent(int port) throws IOException {
        Socket socket = connect(loopback(2), port, -1);
        socket.getOutputStream().write(("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static Socket answerNeverRead(int port) throws IOException {
        Socket socket = connect(loopback(2), port, 1024);
        socket.getOutputStream().write("GET /docs/swagger-ui-bundle.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** How many students got an answer within the patience, and the slowest answer's milliseconds. */
    private static long[] theClass(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                InetAddress student = loopback(10 + s);
                answers.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    try (Socket socket = connect(student, port, -1)) {
                        socket.setSoTimeout(PATIENCE_MILLIS);
                        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        return socket.getInputStream().read() == 'H' ? (System.nanoTime() - start) / 1_000_000 : -1L;
                    } catch (IOException e) {
                        return -1L;
                    }
                }));
            }
            long answered = 0;
            long slowest = 0;
            for (Future<Long> answer : answers) {
                long millis = answer.get();
                if (millis >= 0) {
                    answered++;
                    slowest = Math.max(slowest, millis);
                }
            }
            return new long[] {answered, slowest};
        } finally {
            pool.shutdownNow();
        }
    }

    /** Milliseconds until the server ends a POST whose body comes one byte every 2 s (at most the limit). */
    private static long trickleLasts(int port) throws Exception {
        try (Socket socket = connect(loopback(3), port, -1)) {
            socket.setSoTimeout(2_000);
            long start = System.nanoTime();
            socket.getOutputStream().write(("POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            while (System.nanoTime() - start < TRICKLE_LIMIT_MILLIS * 1_000_000) {
                try {
                    socket.getOutputStream().write(' ');
                    in.read(); // blocks up to 2 s: an answer (408) or the end means the server ended it
                    return (System.nanoTime() - start) / 1_000_000;
                } catch (SocketTimeoutException quiet) {
                    // Nothing yet: send the next byte.
                } catch (IOException closed) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            }
            return TRICKLE_LIMIT_MILLIS;
        }
    }

    private static Socket connect(InetAddress from, int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    private static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }
}
