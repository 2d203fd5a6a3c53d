package dev.restlab.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest exchanges the server handled, oldest first, bounded both in count (10,000 by default)
 * and in the bytes of stored bodies and headers (128 MiB by default), so that a load test of
 * millions of requests keeps memory flat: the oldest exchanges make room for new ones.
 *
 * <p>Listeners get exchanges in batches, at most every {@link #BATCH_MILLIS} ms, each on its own
 * thread owned by the log, never on the server's threads. A listener reads from the log itself and
 * has no queue of its own: one that is slower than the traffic delays only itself, uses no extra
 * memory, and skips the exchanges that were dropped from the log before it got to them (their ids
 * are then missing from the sequence).
 */
public final class TrafficLog {

    public static final int DEFAULT_CAPACITY = 10_000;
    public static final long DEFAULT_MAX_BODY_BYTES = 128L * 1024 * 1024;
    /** The pause between two batches to one listener. */
    public static final long BATCH_MILLIS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(TrafficLog.class);
    private static final AtomicInteger SUBSCRIPTIONS = new AtomicInteger();

    private final int capacity;
    private final long maxBodyBytes;
    private final ArrayDeque<Exchange> exchanges = new ArrayDeque<>();
    private long storedBodyBytes;
    private long lastId;
    /** Bytes of requests the capture holds until their answers come: part of the budget. */
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong unrecorded = new AtomicLong();
    private final AtomicLong connectionIds = new AtomicLong();

    public TrafficLog() {
        this(DEFAULT_CAPACITY);
    }

    public TrafficLog(int capacity) {
        this(capacity, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param capacity     how many exchanges to keep at most
     * @param maxBodyBytes how many bytes of stored bodies (and captured headers) to keep at most,
     *                     over all exchanges; the newest exchange is always kept
     */
    public TrafficLog(int capacity, long maxBodyBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        this.capacity = capacity;
        this.maxBodyBytes = maxBodyBytes;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Adds an exchange under the next id (1, 2, 3, ... for the log's lifetime, never reused),
     * dropping the oldest ones beyond the bounds, and returns it as stored. Cheap: called on the
     * server's threads.
     */
    public Exchange record(Exchange exchange) {
        synchronized (exchanges) {
            Exchange stored = exchange.withId(++lastId);
            exchanges.addLast(stored);
            storedBodyBytes += stored.storedBytes();
            while (exchanges.size() > capacity
                    || (storedBodyBytes + heldBytes.get() > maxBodyBytes && exchanges.size() > 1)) {
                storedBodyBytes -= exchanges.removeFirst().storedBytes();
            }
            return stored;
        }
    }

    /**
     * Reserves room in the memory budget for a request the capture holds while it waits for its
     * answer; false when waiting requests already hold half the budget. Older exchanges make room
     * as new ones are recorded.
     */
    boolean hold(long bytes) {
        if (heldBytes.addAndGet(bytes) > maxBodyBytes / 2) {
            heldBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** Gives back what {@link #hold} reserved. */
    void release(long bytes) {
        heldBytes.addAndGet(-bytes);
    }

    /** The bytes that waiting requests hold now. */
    public long heldBytes() {
        return heldBytes.get();
    }

    void countUnrecorded(long requests) {
        unrecorded.addAndGet(requests);
    }

    /**
     * How many requests the capture saw but did not keep, for the log's lifetime: requests sent
     * after the server said it closes the connection, and those past the bounds on what one
     * connection may leave waiting for answers. Normally 0.
     */
    public long unrecorded() {
        return unrecorded.get();
    }

    /** The exchanges the log holds now, oldest first. */
    public List<Exchange> snapshot() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** Forgets every exchange; ids go on from where they were. */
    public void clear() {
        synchronized (exchanges) {
            exchanges.clear();
            storedBodyBytes = 0;
        }
    }

    /** Forgets the exchanges with ids up to {@code id}; newer ones stay. */
    public void forgetUpTo(long id) {
        synchronized (exchanges) {
            while (!exchanges.isEmpty() && exchanges.peekFirst().id() <= id) {
                storedBodyBytes -= exchanges.removeFirst().storedBytes();
            }
        }
    }

    /** A new connection id: 1, 2, 3, ... for the log's lifetime, never reused. */
    public long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** The id of the newest exchange recorded so far, 0 before the first. */
    public long lastId() {
        synchronized (exchanges) {
            return lastId;
        }
    }

    /**
     * Calls {@code batchListener} with the exchanges recorded from now on, in batches in arrival
     * order, on a thread of its own. Closing the returned handle delivers what is left, then
     * stops the thread (waiting up to two seconds for that last batch).
     */
    public AutoCloseable subscribe(Consumer<List<Exchange>> batchListener) {
        return subscribe(batchListener, lastId());
    }

    /**
     * Like {@link #subscribe(Consumer)}, but starts after the exchange with id {@code afterId}:
     * take a {@link #snapshot()}, then subscribe after its last id to miss nothing in between.
     */
    public AutoCloseable subscribe(Consumer<List<Exchange>> batchListener, long afterId) {
        Subscription subscription = new Subscription(batchListener, afterId);
        subscription.start();
        return subscription;
    }

    /** The exchanges with an id above {@code afterId}, oldest first. */
    List<Exchange> after(long afterId) {
        synchronized (exchanges) {
            if (exchanges.isEmpty() || exchanges.peekLast().id() <= afterId) {
                return List.of();
            }
            List<Exchange> newer = new ArrayList<>();
            Iterator<Exchange> newestFirst = exchanges.descendingIterator();
            while (newestFirst.hasNext()) {
                Exchange exchange = newestFirst.next();
                if (exchange.id() <= afterId) {
                    break;
                }
                newer.add(exchange);
            }
            Collections.reverse(newer);
            return newer;
        }
    }

    /** One listener with its own delivery thread and its own place in the log. */
    private final class Subscription implements AutoCloseable {
        private final Consumer<List<Exchange>> listener;
        private final ScheduledExecutorService thread;
        private volatile Thread deliverer;
        private long delivered;

        Subscription(Consumer<List<Exchange>> listener, long afterId) {
            this.listener = listener;
            this.delivered = afterId;
            String name = "restlab-traffic-" + SUBSCRIPTIONS.incrementAndGet();
            this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, name);
                t.setDaemon(true);
                deliverer = t;
                return t;
            });
        }

        void start() {
            // With a fixed delay, a slow listener postpones only its own next batch.
            thread.scheduleWithFixedDelay(this::deliver, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void deliver() {
            List<Exchange> batch = after(delivered);
            if (batch.isEmpty()) {
                return;
            }
            delivered = batch.get(batch.size() - 1).id();
            try {
                listener.accept(Collections.unmodifiableList(batch));
            } catch (RuntimeException e) {
                // One faulty listener must not stop its later batches (a thrown exception would).
                LOG.warn("A traffic listener failed on a batch of {} exchanges", batch.size(), e);
            }
        }

        @Override
        public void close() {
            if (thread.isShutdown()) {
                return;
            }
            thread.execute(this::deliver); // the last exchanges, e.g. just before the server stopped
            thread.shutdown();
            if (Thread.currentThread() == deliverer) {
                return; // closed from inside the listener: it cannot wait for itself
            }
            try {
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
