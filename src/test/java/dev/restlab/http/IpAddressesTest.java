package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "fd00:0:0:0:0:0:0:2, fd00::2",
        "127.0.0.1, 127.0.0.1",
        "localhost, localhost",
    })
    void ipv6_is_written_in_its_short_form_and_anything_else_is_left_alone(String given, String shown) {
        assertEquals(shown, IpAddresses.text(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0", "0000::0000"})
    void every_spelling_of_the_any_address_is_a_wildcard(String host) {
        assertTrue(IpAddresses.isWildcard(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "192.168.1.20", "localhost", "0.0.0.0.example", "any", "", "::ffff:127.0.0.1"})
    void a_specific_address_or_any_name_is_not_a_wildcard(String host) {
        assertFalse(IpAddresses.isWildcard(host), host);
    }

    @Test
    void a_port_after_an_ipv6_address_is_set_apart_with_brackets() throws Exception {
        assertEquals("[::1]:40312", IpAddresses.withPort("0:0:0:0:0:0:0:1", 40312));
        assertEquals("127.0.0.1:40312", IpAddresses.withPort("127.0.0.1", 40312));
        assertEquals("::1", IpAddresses.text(InetAddress.getByName("::1")));
    }
}
