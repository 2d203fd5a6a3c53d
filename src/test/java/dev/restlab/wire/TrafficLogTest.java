package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

    static Exchange exchange(String target, int bodyBytes) {
        return Exchange.builder().request("GET", target).requestHeader("Host", "x")
                .responseHeader("Content-Length", "" + bodyBytes).responseBody(Body.of(new byte[bodyBytes]))
                .build();
    }

    @Test
    void keeps_only_the_newest_exchanges_oldest_first_with_ids_in_arrival_order() {
        TrafficLog log = new TrafficLog(3);
        for (int i = 1; i <= 5; i++) {
            log.record(exchange("/" + i, 0));
        }
        List<Exchange> kept = log.snapshot();
        assertEquals(List.of("/3", "/4", "/5"), kept.stream().map(Exchange::target).toList());
        assertEquals(List.of(3L, 4L, 5L), kept.stream().map(Exchange::id).toList());
    }

    @Test
    void the_default_capacity_is_ten_thousand_and_a_million_records_stay_within_it() {
        TrafficLog log = new TrafficLog();
        assertEquals(10_000, log.capacity());
        Exchange one = exchange("/", 0);
        for (int i = 0; i < 1_000_000; i++) {
            log.record(one);
        }
        List<Exchange> kept = log.snapshot();
        assertEquals(10_000, kept.size());
        assertEquals(1_000_000L, kept.get(kept.size() - 1).id());
    }

    @Test
    void stored_bodies_are_bounded_in_bytes_too() {
        TrafficLog log = new TrafficLog(1000, 10_000);
        for (int i = 0; i < 10; i++) {
            log.record(exchange("/" + i, 3_000));
        }
        assertEquals(3, log.snapshot().size(), "3 x 3000 bytes fit in 10,000, 4 do not");
    }

    @Test
    void clear_forgets_everything_and_ids_go_on() {
        TrafficLog log = new TrafficLog();
        log.record(exchange("/a", 0));
        log.clear();
        assertTrue(log.snapshot().isEmpty());
        assertEquals(2, log.record(exchange("/b", 0)).id());
    }

    @Test
    void listeners_get_batches_in_arrival_order_on_a_thread_of_the_log() throws Exception {
        TrafficLog log = new TrafficLog();
        List<List<Exchange>> batches = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = log.subscribe(batch -> {
            batches.add(batch);
            threads.add(Thread.currentThread().getName());
        })) {
            for (int i = 0; i < 500; i++) {
                log.record(exchange("/" + i, 0));
            }
            Await.until("500 delivered", () -> batches.stream().mapToInt(List::size).sum() == 500);
        }
        List<String> targets = new ArrayList<>();
        batches.forEach(batch -> batch.forEach(e -> targets.add(e.target())));
        assertEquals(IntStream.range(0, 500).mapToObj(i -> "/" + i).toList(), targets);
        assertTrue(batches.size() < 500, "batched, not one call per exchange: " + batches.size());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("restlab-traffic-")), threads.toString());
    }

    @Test
    void subscribing_after_a_snapshot_misses_nothing_in_between() throws Exception {
        TrafficLog log = new TrafficLog();
        log.record(exchange("/before", 0));
        List<Exchange> snapshot = log.snapshot();
        log.record(exchange("/between", 0));
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = log.subscribe(seen::addAll, snapshot.get(snapshot.size() - 1).id())) {
            log.record(exchange("/after", 0));
            Await.until("two exchanges", () -> seen.size() == 2);
        }
        assertEquals(List.of("/between", "/after"), seen.stream().map(Exchange::target).toList());
    }

    @Test
    void a_stuck_listener_neither_blocks_recording_nor_holds_more_than_the_log() throws Exception {
        TrafficLog log = new TrafficLog(100);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Exchange> afterRelease = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = log.subscribe(batch -> {
            if (inListener.getCount() > 0) {
                inListener.countDown();
                await(release);
            } else {
                afterRelease.addAll(batch);
            }
        })) {
            log.record(exchange("/first", 0));
            assertTrue(inListener.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100_000; i++) {
                log.record(exchange("/" + i, 0)); // the stuck listener must not slow this down to a halt
            }
            release.countDown();
            Await.until("the rest delivered", () -> !afterRelease.isEmpty()
                    && afterRelease.get(afterRelease.size() - 1).target().equals("/99999"));
        }
        assertEquals(100, afterRelease.size(), "only what the log still held");
        assertEquals("/99900", afterRelease.get(0).target());
    }

    @Test
    void closing_a_subscription_first_delivers_what_is_left() throws Exception {
        TrafficLog log = new TrafficLog();
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = log.subscribe(seen::addAll);
        log.record(exchange("/last", 0));
        subscription.close();
        assertEquals(List.of("/last"), seen.stream().map(Exchange::target).toList());
    }

    @Test
    void a_listener_that_throws_still_gets_later_batches() throws Exception {
        TrafficLog log = new TrafficLog();
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = log.subscribe(batch -> {
            seen.addAll(batch);
            if (seen.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        })) {
            log.record(exchange("/1", 0));
            Await.until("first", () -> seen.size() == 1);
            log.record(exchange("/2", 0));
            Await.until("second", () -> seen.size() == 2);
        }
        assertEquals(List.of("/1", "/2"), seen.stream().map(Exchange::target).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void forget_up_to_drops_the_older_exchanges_and_keeps_the_newer() {
        TrafficLog log = new TrafficLog(10);
        for (int i = 0; i < 4; i++) {
            log.record(Exchange.builder().request("GET", "/" + i).status(200, "OK").build());
        }
        log.forgetUpTo(2);
        assertEquals(java.util.List.of("/2", "/3"), log.snapshot().stream().map(Exchange::target).toList());
        assertEquals(4, log.lastId(), "ids go on");
    }
}
