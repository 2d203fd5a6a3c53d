package dev.restlab;

import dev.restlab.fault.FaultRule;
import dev.restlab.http.Api;
import dev.restlab.http.TargetUrl;
import dev.restlab.users.StoreChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the command line asked for, parsed and checked once by {@link Main} and handed as one
 * value to the window ({@link App}) or to {@link Headless}.
 *
 * @param host the IP address to listen on, as typed (a wildcard such as 0.0.0.0 means every interface)
 * @param port the port, 0 for any free one
 * @param users where users are kept
 * @param trace headless only: print every exchange in full
 * @param allowedHosts host names, besides this machine's own, that requests may name in {@code Host}
 * @param har headless only: the HAR file every exchange is written to when RestLab stops, or null
 * @param proxyTo the server every request is relayed to (proxy mode), or null for the built-in API
 * @param faults the misbehaviour asked for with {@code --fault}, none unless asked for
 */
public record Options(String host, int port, StoreChoice users, boolean trace, List<String> allowedHosts,
        Path har, TargetUrl proxyTo, List<FaultRule> faults) {

    public Options {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(users, "users");
        allowedHosts = List.copyOf(allowedHosts);
        faults = List.copyOf(faults);
    }

    /** Options with no faults. */
    public Options(String host, int port, StoreChoice users, boolean trace, List<String> allowedHosts, Path har,
            TargetUrl proxyTo) {
        this(host, port, users, trace, allowedHosts, har, proxyTo, List.of());
    }

    /** Options for the built-in API (no proxy mode). */
    public Options(String host, int port, StoreChoice users, boolean trace, List<String> allowedHosts, Path har) {
        this(host, port, users, trace, allowedHosts, har, null);
    }

    /** Options that write no HAR file. */
    public Options(String host, int port, StoreChoice users, boolean trace, List<String> allowedHosts) {
        this(host, port, users, trace, allowedHosts, null);
    }

    /** What RestLab does with no flags: loopback on the handout's port, users in the data directory. */
    public static Options defaults() {
        return new Options(Api.LOOPBACK, Api.DEFAULT_PORT, StoreChoice.defaultDurable(), false,
                List.of());
    }
}
