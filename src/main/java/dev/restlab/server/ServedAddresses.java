package dev.restlab.server;

import dev.restlab.http.Api;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
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
        if (!host.equals(Api.ALL_INTERFACES)) {
            urls.add(url(host, port));
            return urls;
        }
        urls.add(url(Api.LOOPBACK, port));
        for (String address : networkAddresses()) {
            urls.add(url(address, port));
        }
        return urls;
    }

    /** The IPv4 addresses of this machine's interfaces that are up, loopback excluded. */
    static List<String> networkAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        addresses.add(address.getHostAddress());
                    }
                }
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
