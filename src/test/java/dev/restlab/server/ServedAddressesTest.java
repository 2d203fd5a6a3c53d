package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertTrue(url.matches("http://\\d{1,3}(\\.\\d{1,3}){3}:5001"), url);
            InetAddress address = InetAddress.getByName(url.substring(7, url.lastIndexOf(':')));
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            assertNotNull(nic, url + " is not an address of this machine");
            assertTrue(nic.isUp() && !nic.isLoopback(), url + " is on " + nic);
        }
    }

    @Test
    void network_addresses_are_this_machines_ipv4_ones_that_others_can_reach() throws Exception {
        for (String text : ServedAddresses.networkAddresses()) {
            InetAddress address = InetAddress.getByName(text);
            assertTrue(address instanceof Inet4Address, text);
            assertFalse(address.isLoopbackAddress(), text);
            assertFalse(address.isAnyLocalAddress(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "192.168.1.20", "localhost", "0.0.0.0.example", "any"})
    void a_specific_address_or_any_name_is_not_a_wildcard(String host) {
        assertFalse(ServedAddresses.isWildcard(host), host);
        assertEquals(1, ServedAddresses.urls(host, 5001).size());
    }
}
