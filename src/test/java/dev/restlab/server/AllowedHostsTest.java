package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which names a server bound to the network answers for, decided without binding anything (tests
 * listen on 127.0.0.1 only).
 */
class AllowedHostsTest {

    private final AllowedHosts allowed = new AllowedHosts();
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final InetAddress everywhere = address("0.0.0.0");

    @Test
    void this_machines_own_addresses_pass_only_when_it_serves_on_the_network() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address.getAddress().length == 4)
                .findFirst();
        assumeTrue(own.isPresent(), "this machine has no network address");
        String name = own.get().getHostAddress();

        assertTrue(allowed.permits(name, everywhere), name);
        assertTrue(allowed.permits(name, own.get()), "bound to that very address");
        assertFalse(allowed.permits(name, loopback), "on loopback only loopback names pass");
    }

    @Test
    void this_machines_name_passes_only_when_it_serves_on_the_network() throws Exception {
        String hostName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        assumeTrue(!hostName.equals("localhost"), "this machine is named localhost");

        assertTrue(allowed.permits(hostName, everywhere), hostName);
        assertFalse(allowed.permits(hostName, loopback), hostName);
    }

    @Test
    void other_addresses_and_names_pass_nowhere_unless_added() {
        for (InetAddress bound : new InetAddress[] {loopback, everywhere}) {
            assertFalse(allowed.permits("192.0.2.7", bound), "TEST-NET-1 is no one's own address");
            assertFalse(allowed.permits("evil.example", bound));
            assertTrue(allowed.permits("localhost", bound));
            assertTrue(allowed.permits("[::1]", bound));
        }
        allowed.add("192.0.2.7");
        allowed.add("evil.example");
        assertTrue(allowed.permits("192.0.2.7", loopback));
        assertTrue(allowed.permits("EVIL.example.", loopback));
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
