package dev.restlab.server;

import dev.restlab.http.SlowPeerLimits;
import dev.restlab.wire.HttpFraming;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Once a second, closes the connections of a connector whose request has taken longer than
 * {@link SlowPeerLimits} allow (its head, or the whole of it), and, while more requests than
 * {@link SlowPeerLimits#busyAtOnce()} are still receiving their bodies (each holds one of the
 * server's threads), the oldest of the client holding the most. Jetty 9.4 has only a minimum
 * data rate, which a client sending one byte every few seconds meets for hours; and a few
 * clients together could hold every thread. A closed request's route, if one runs, sees its body
 * end early and answers 400 to nobody; its thread is free again.
 *
 * <p>A Jetty bean on the connector, started and stopped with it.
 */
final class SlowRequestSweeper extends AbstractLifeCycle implements Runnable {

    private final ServerConnector connector;
    private final SlowPeerLimits limits;
    private volatile Scheduler.Task next;

    SlowRequestSweeper(ServerConnector connector, SlowPeerLimits limits) {
        this.connector = connector;
        this.limits = limits;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this, 1, TimeUnit.SECONDS);
        }
    }

    /** A request still being received on one connection. */
    private record Receiving(EndPoint endPoint, InetAddress client, long startedNanos, boolean headWhole) {
    }

    @Override
    public void run() {
        try {
            sweep(System.nanoTime());
        } finally {
            schedule();
        }
    }

    private void sweep(long now) {
        List<Receiving> bodies = new ArrayList<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (!(endPoint.getConnection() instanceof HttpConnection http)) {
                continue;
            }
            long started = HttpFraming.requestStartedNanos(http.getParser());
            if (started == 0) {
                continue;
            }
            boolean headWhole = HttpFraming.requestHeadWhole(http.getParser());
            if (limits.overdue(now - started, headWhole)) {
                endPoint.close();
            } else if (headWhole) {
                InetSocketAddress remote = endPoint.getRemoteAddress();
                bodies.add(new Receiving(endPoint, remote == null ? null : remote.getAddress(), started, true));
            }
        }
        closeOldestOfBusiestPast(bodies, limits.busyAtOnce());
    }

    /** While more than {@code cap} are receiving, closes the oldest of the client with the most. */
    private static void closeOldestOfBusiestPast(List<Receiving> receiving, int cap) {
        List<Receiving> open = new ArrayList<>(receiving);
        while (open.size() > cap) {
            Map<InetAddress, Integer> perClient = new HashMap<>();
            for (Receiving each : open) {
                perClient.merge(each.client(), 1, Integer::sum);
            }
            InetAddress busiest = open.stream().map(Receiving::client)
                    .max(Comparator.comparingInt(perClient::get)).orElseThrow();
            Receiving oldest = open.stream().filter(each -> java.util.Objects.equals(each.client(), busiest))
                    .min(Comparator.comparingLong(Receiving::startedNanos)).orElseThrow();
            oldest.endPoint().close();
            open.remove(oldest);
        }
    }
}
