package dev.restlab.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses as people write them: IPv6 in its short form ({@code ::1}, RFC 5952), not Java's
 * {@code 0:0:0:0:0:0:0:1}, and in brackets before a port ({@code [::1]:40312}, RFC 3986).
 */
public final class IpAddresses {

    /** Hex digits and colons, maybe a dotted IPv4 tail and a %zone: what InetAddress parses without DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.-]+)?");

    /** Dotted IPv4, which InetAddress parses without DNS. */
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IpAddresses() {
    }

    /** The address as text: dotted IPv4, or the shortest IPv6 form (with its zone, if any). */
    public static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        String full = address.getHostAddress();
        int zone = full.indexOf('%');
        return shortIpv6(address.getAddress()) + (zone < 0 ? "" : full.substring(zone));
    }

    /**
     * Whether binding {@code host} listens on every network interface: 0.0.0.0, and its IPv6
     * spellings such as {@code ::}, {@code 0:0:0:0:0:0:0:0} and {@code ::ffff:0.0.0.0}. Only IP
     * literals are looked at (never a DNS lookup): a name is not a wildcard.
     */
    public static boolean isWildcard(String host) {
        if (host == null || !(IPV4_LITERAL.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches())) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException | IllegalArgumentException | SecurityException notALiteral) {
            return false;
        }
    }

    /** An address given as text, in its short form when it is an IPv6 literal; anything else unchanged. */
    public static String text(String address) {
        if (address == null || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            return text(InetAddress.getByName(address));
        } catch (UnknownHostException | IllegalArgumentException | SecurityException notALiteral) {
            return address;
        }
    }

    /** {@code 127.0.0.1:40312} or {@code [::1]:40312}. */
    public static String withPort(String address, int port) {
        String shown = text(address);
        return (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port;
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::" (the 16 bytes of an IPv6 address). */
    public static String shortIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
