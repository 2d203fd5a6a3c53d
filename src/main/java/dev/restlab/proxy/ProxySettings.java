package dev.restlab.proxy;

import dev.restlab.fault.FaultRules;
import dev.restlab.http.SlowPeerLimits;
import dev.restlab.http.TargetUrl;
import dev.restlab.wire.TrafficLog;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ProxyServer} relays.
 *
 * @param target where every request goes
 * @param traffic where every exchange is recorded, or null to record nothing
 * @param idleTimeout a connection with nothing under way this long is closed, as RestLab's server does
 * @param answerTimeout how long the target may take to connect, and to start its answer once a
 *     request has reached it, before the client gets a 502
 * @param hosts which host names requests may name
 * @param maxConnectionsPerClient connections one client address may hold; more are closed at once
 * @param slowPeers how long a client may take to send a request, and how many connections may be
 *     relayed at once, as in API mode
 * @param faults the misbehaviour asked for, applied in front of the target as in front of RestLab's
 *     own routes (none unless asked for); changed while the proxy runs
 */
public record ProxySettings(TargetUrl target, TrafficLog traffic, Duration idleTimeout, Duration answerTimeout,
        HostRule hosts, int maxConnectionsPerClient, SlowPeerLimits slowPeers, FaultRules faults) {

    /** Settings without any fault rules. */
    public ProxySettings(TargetUrl target, TrafficLog traffic, Duration idleTimeout, Duration answerTimeout,
            HostRule hosts, int maxConnectionsPerClient, SlowPeerLimits slowPeers) {
        this(target, traffic, idleTimeout, answerTimeout, hosts, maxConnectionsPerClient, slowPeers, new FaultRules());
    }

    /** How long a target may take to answer, unless told otherwise: a Flask handler in a debugger is slow. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    public ProxySettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(slowPeers, "slowPeers");
        Objects.requireNonNull(faults, "faults");
        positive(idleTimeout, "idle timeout");
        positive(answerTimeout, "answer timeout");
        if (maxConnectionsPerClient < 1) {
            throw new IllegalArgumentException("at least one connection per client, not " + maxConnectionsPerClient);
        }
    }

    private static void positive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
    }
}
