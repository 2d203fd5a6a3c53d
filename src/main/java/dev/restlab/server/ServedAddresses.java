package dev.restlab.server;

import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The URLs at which a running server can be reached, as Flask prints them ("Running on ..."), so
 * that a teacher who serves on all interfaces can tell students which address to use.
 */
public final class ServedAddresses {

    private ServedAddresses() {
    }

    public static List<String> urls(String host, int port) {
        List<String> urls = new ArrayList<>();
        if (!IpAddresses.isWildcard(host)) {
            urls.add(url(host, port));
            return urls;
        }
        urls.add(url(Api.LOOPBACK, port));
        for (String address : networkAddresses()) {
            urls.add(url(address, port));
        }
        return urls;
    }

    /**
     * The addresses of this machine's interfaces that are up, loopback excluded: IPv4 first, then
     * IPv6 (they answer too), leaving out IPv6 link-local ones, which need a zone in the URL.
     */
    static List<String> networkAddresses() {
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        for (InetAddress address : interfaceAddresses()) {
            if (address instanceof Inet4Address) {
                ipv4.add(address.getHostAddress());
            } else if (listed(address)) {
                ipv6.add(IpAddresses.text(withoutZone(address))); // a global address needs no %eth0
            }
        }
        ipv4.addAll(ipv6);
        return ipv4;
    }

    private static InetAddress withoutZone(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            return address; // cannot happen: the bytes came from an address
        }
    }

    /** Whether a URL with this IPv6 address is one a classmate could type. */
    static boolean listed(InetAddress ipv6) {
        return !ipv6.isLinkLocalAddress() && !ipv6.isLoopbackAddress() && !ipv6.isAnyLocalAddress()
                && !ipv6.isMulticastAddress();
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // No interface list: the loopback URL is still right, so show just that.
        }
        return addresses;
    }

    private static String url(String host, int port) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }
}
