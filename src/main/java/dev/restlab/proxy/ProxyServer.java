package dev.restlab.proxy;

import dev.restlab.http.SlowPeerLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxy mode: listens on RestLab's port and relays every connection to the target server (a
 * student's Flask app), recording each exchange as it crossed the client's wire. Requests are
 * framed with Jetty's parser, as RestLab's own server frames them, but relayed as bytes below
 * any HTTP library, so that the client receives the target's answer byte for byte: a servlet
 * proxy would re-frame it (header spelling and order, chunk sizes, the status line's words).
 *
 * <p>Blocking sockets, two threads per connection: a teaching tool's handful of clients does not
 * need more, and the code stays readable. One client address may hold
 * {@link ProxySettings#maxConnectionsPerClient()} connections and all clients together {@link
 * SlowPeerLimits#busyAtOnce()}; when that many are relayed, a new client's connection is still
 * taken and the oldest connection of the client holding the most is closed for it. A request that
 * takes longer than {@link ProxySettings#slowPeers()} allow is closed, as in API mode, and a peer
 * that stops reading is cut off after the idle timeout.
 * Synchronous and idempotent start and stop, like RestLab's server.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ProxySettings settings;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private ServerSocket listening;
    private ExecutorService threads;
    private ScheduledExecutorService timer;

    public ProxyServer(ProxySettings settings) {
        this.settings = settings;
    }

    /**
     * Listens on {@code host:port} (port 0 picks a free port) and returns the bound port.
     *
     * @throws IOException when the port is taken or the address is not this machine's
     * @throws IllegalArgumentException when the target is this very port: every request would
     *     come back to RestLab, without end
     */
    public synchronized int start(String host, int port) throws IOException {
        if (listening != null) {
            return listening.getLocalPort();
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
            if (settings.target().port() == socket.getLocalPort() && isThisComputer(settings.target().host())) {
                throw new IllegalArgumentException("The target " + settings.target() + " is RestLab itself (port "
                        + socket.getLocalPort() + "): every request would come back here. Give the port your"
                        + " own server listens on, such as 5000 for Flask.");
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        listening = socket;
        threads = Executors.newCachedThreadPool(work -> daemon(work, "restlab-proxy-" + THREADS.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "restlab-proxy-timer"));
        long stall = settings.idleTimeout().toNanos();
        timer.scheduleWithFixedDelay(() -> cutSlow(stall), 1, 1, TimeUnit.SECONDS);
        ServerSocket accepting = socket;
        ExecutorService pool = threads;
        ScheduledExecutorService clock = timer;
        Thread acceptor = daemon(() -> accept(accepting, pool, clock), "restlab-proxy-accept");
        acceptor.start();
        return socket.getLocalPort();
    }

    /** Stops listening and closes every relayed connection. Does nothing when stopped. */
    public synchronized void stop() {
        if (listening == null) {
            return;
        }
        try {
            listening.close();
        } catch (IOException e) {
            // Closing: the port is released either way.
        }
        relays.forEach(Relay::closeAll);
        timer.shutdownNow();
        threads.shutdownNow();
        listening = null;
        threads = null;
        timer = null;
    }

    /** The bound port, or -1 when stopped. */
    public synchronized int port() {
        return listening == null ? -1 : listening.getLocalPort();
    }

    /** Connections relayed now (for tests that check none is left behind). */
    public int openConnections() {
        return relays.size();
    }

    public ProxySettings settings() {
        return settings;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket, ExecutorService pool, ScheduledExecutorService clock) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("The proxy could not accept a connection", e);
                }
                continue;
            }
            InetAddress address = client.getInetAddress();
            if (!admit(address)) {
                closeQuietly(client); // as RestLab's server does: over the cap, closed unanswered
                continue;
            }
            Relay[] self = new Relay[1];
            Runnable onClosed = () -> {
                relays.remove(self[0]);
                uncount(address);
            };
            try {
                self[0] = new Relay(client, settings, pool, clock, onClosed);
                relays.add(self[0]);
                pool.execute(self[0]::run);
            } catch (RuntimeException e) { // the pool is stopped: RestLab is stopping
                uncount(address);
                relays.remove(self[0]);
                closeQuietly(client);
            }
        }
    }

    private boolean admit(InetAddress client) {
        if (relays.size() >= settings.slowPeers().busyAtOnce() && !makeRoomFor(client)) {
            return false;
        }
        boolean[] admitted = {false};
        perClient.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < settings.maxConnectionsPerClient();
            return admitted[0] ? now + 1 : count;
        });
        return admitted[0];
    }

    private void uncount(InetAddress client) {
        perClient.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }

    /**
     * Every relayed connection is taken: closes the oldest of the client holding the most, unless
     * that is the newcomer itself (or holds no more than it), so that one client cannot keep
     * every other out. Its relay counts down as it closes.
     */
    private boolean makeRoomFor(InetAddress newcomer) {
        Map<InetAddress, Integer> held = new java.util.HashMap<>(perClient);
        InetAddress busiest = null;
        for (Map.Entry<InetAddress, Integer> each : held.entrySet()) {
            if (busiest == null || each.getValue() > held.get(busiest)) {
                busiest = each.getKey();
            }
        }
        if (busiest == null || busiest.equals(newcomer) || held.get(busiest) <= held.getOrDefault(newcomer, 0) + 1) {
            return false;
        }
        InetAddress evicted = busiest;
        Relay oldest = relays.stream().filter(relay -> evicted.equals(relay.clientAddress()))
                .min(java.util.Comparator.comparingLong(Relay::openedNanos)).orElse(null);
        if (oldest == null) {
            return false;
        }
        oldest.closeAll(); // runs its onClosed: removed and counted down at once
        return true;
    }

    /**
     * Once a second: a request under way longer than the limits allow is closed, as in API mode;
     * a write blocked longer than the idle timeout means its peer stopped reading, and is cut.
     */
    private void cutSlow(long stallNanos) {
        long now = System.nanoTime();
        for (Relay relay : relays) {
            if (relay.stalledLongerThan(stallNanos, now) || relay.requestOverdue(now)) {
                relay.closeAll();
            }
        }
    }

    /** Whether connecting to {@code host} reaches this computer (a loopback, wildcard or own address). */
    static boolean isThisComputer(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                        || NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
        } catch (UnknownHostException | SocketException e) {
            return false; // not resolvable now: the first request's 502 will say so
        }
        return false;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Refused before anything was read: nothing to tell.
        }
    }
}
