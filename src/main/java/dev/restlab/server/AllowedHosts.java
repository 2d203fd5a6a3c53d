package dev.restlab.server;

import dev.restlab.http.IpAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The host names a request may give (in {@code Host} or an absolute-form target) and still be
 * answered. A web page can point a name it controls at 127.0.0.1 (DNS rebinding) and then talk to
 * RestLab as if it were its own site; such requests carry the page's name, not this server's.
 * Always allowed: {@code localhost}, and loopback addresses such as 127.0.0.1 and {@code [::1]};
 * on a server bound to the network also this machine's own addresses and names; and any name
 * added with {@link #add} ({@code --allow-host NAME}, or the window's server bar).
 */
public final class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
    /** A DNS name: letters, digits and hyphens in dot-separated labels (underscores are seen in the wild). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
            + "(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final Set<String> added = ConcurrentHashMap.newKeySet();
    /** Addresses found to be this machine's, so that a LAN URL does not enumerate interfaces per request. */
    private final Set<InetAddress> ownAddresses = ConcurrentHashMap.newKeySet();
    private volatile Set<String> machineNames;

    /**
     * The form in which a name is compared: lower case, without a trailing dot, an IPv6 address in
     * brackets and in its shortest spelling.
     *
     * @throws IllegalArgumentException with a reason, when no Host header could name it (a port,
     *     a path, spaces, an empty name)
     */
    public static String normalize(String name) {
        String host = name.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        InetAddress literal = ipLiteral(host);
        if (literal instanceof Inet6Address) {
            return "[" + IpAddresses.shortIpv6(literal.getAddress()) + "]";
        }
        if (literal != null) {
            return literal.getHostAddress();
        }
        if (host.isEmpty() || !NAME.matcher(host).matches() || host.length() > 253) {
            throw new IllegalArgumentException("'" + name + "' is not a host name: give a name such as"
                    + " restlab.example or an IP address, without a port or a path");
        }
        return host;
    }

    /**
     * Also answers requests that name {@code name}, from now on (running servers included).
     *
     * @throws IllegalArgumentException as {@link #normalize} does
     */
    public void add(String name) {
        added.add(normalize(name));
    }

    /** The names added so far, sorted. */
    public List<String> added() {
        return added.stream().sorted().toList();
    }

    /**
     * Whether a request naming {@code host} (no port; IPv6 in brackets) may be answered by a server
     * bound to {@code bound}.
     */
    boolean permits(String host, InetAddress bound) {
        String name;
        try {
            name = normalize(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (added.contains(name) || name.equals("localhost")) {
            return true;
        }
        boolean onNetwork = !bound.isLoopbackAddress();
        InetAddress literal = ipLiteral(name);
        if (literal != null) {
            return literal.isLoopbackAddress() || literal.equals(bound) || onNetwork && isOwn(literal);
        }
        return onNetwork && machineNames().contains(name);
    }

    /** The IP address {@code host} spells (IPv6 with or without brackets), or null for a name. */
    private static InetAddress ipLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return null; // never a DNS lookup: only literals are turned into addresses
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean isOwn(InetAddress address) {
        if (ownAddresses.contains(address)) {
            return true;
        }
        try {
            if (NetworkInterface.getByInetAddress(address) != null) {
                ownAddresses.add(address);
                return true;
            }
        } catch (SocketException e) {
            // No interface list: only names and addresses allowed otherwise pass.
        }
        return false;
    }

    /** This machine's host name, and its mDNS name (NAME.local), looked up once when first needed. */
    private Set<String> machineNames() {
        Set<String> names = machineNames;
        if (names == null) {
            names = ConcurrentHashMap.newKeySet();
            try {
                String hostName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
                names.add(hostName);
                if (!hostName.contains(".")) {
                    names.add(hostName + ".local");
                }
            } catch (UnknownHostException e) {
                // A machine without a resolvable name: its addresses still work.
            }
            machineNames = names;
        }
        return names;
    }
}
