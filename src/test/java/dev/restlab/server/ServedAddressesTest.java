package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.IpAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URLs the window and headless mode print for a running server, as Flask's "Running on". */
class ServedAddressesTest {

    @Test
    void one_address_is_the_one_url_with_the_port() {
        assertEquals(List.of("http://127.0.0.1:5001"), ServedAddresses.urls("127.0.0.1", 5001));
        assertEquals(List.of("http://192.168.1.20:80"), ServedAddresses.urls("192.168.1.20", 80));
    }

    @Test
    void an_ipv6_address_is_bracketed_so_the_port_stays_apart() {
        assertEquals(List.of("http://[::1]:5001"), ServedAddresses.urls("::1", 5001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0"})
    void all_interfaces_list_loopback_first_then_each_network_address_of_this_machine(String wildcard)
            throws Exception {
        List<String> urls = ServedAddresses.urls(wildcard, 5001);

        assertEquals("http://127.0.0.1:5001", urls.get(0), "this computer first");
        assertEquals(1 + ServedAddresses.networkAddresses().size(), urls.size(), urls.toString());
        for (String url : urls.subList(1, urls.size())) {
            assertTrue(url.matches("http://(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:]+\\]):5001"), url);
            InetAddress address = InetAddress.getByName(url.substring(7, url.lastIndexOf(':')).replaceAll("[\\[\\]]", ""));
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            assertNotNull(nic, url + " is not an address of this machine");
            assertTrue(nic.isUp() && !nic.isLoopback(), url + " is on " + nic);
        }
    }

    @Test
    void network_addresses_are_this_machines_ones_that_others_can_reach_ipv4_first_then_ipv6() throws Exception {
        List<String> listed = ServedAddresses.networkAddresses();
        boolean seenIpv6 = false;
        for (String text : listed) {
            InetAddress address = InetAddress.getByName(text);
            assertFalse(address.isLoopbackAddress(), text);
            assertFalse(address.isAnyLocalAddress(), text);
            assertFalse(address.isLinkLocalAddress(), text);
            seenIpv6 |= !(address instanceof Inet4Address);
            assertTrue(!seenIpv6 || !(address instanceof Inet4Address), "IPv4 first: " + listed);
            assertEquals(IpAddresses.text(text), text, "short form");
        }
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        String shown = IpAddresses.text(InetAddress.getByAddress(address.getAddress()));
                        assertTrue(listed.contains(shown), address + " missing from " + listed);
                    }
                }
            }
        }
    }

    @Test
    void an_ipv6_link_local_address_is_left_out_a_unique_local_or_global_one_is_listed() throws Exception {
        assertFalse(ServedAddresses.listed(InetAddress.getByName("fe80::1")));
        assertTrue(ServedAddresses.listed(InetAddress.getByName("fd00::2")));
        assertTrue(ServedAddresses.listed(InetAddress.getByName("2001:db8::1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "192.168.1.20", "localhost", "0.0.0.0.example", "any"})
    void a_specific_address_or_any_name_is_not_a_wildcard(String host) {
        assertEquals(1, ServedAddresses.urls(host, 5001).size());
    }
}
