package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void a_port_after_an_ipv6_address_is_set_apart_with_brackets() throws Exception {
        assertEquals("[::1]:40312", IpAddresses.withPort("0:0:0:0:0:0:0:1", 40312));
        assertEquals("127.0.0.1:40312", IpAddresses.withPort("127.0.0.1", 40312));
        assertEquals("::1", IpAddresses.text(InetAddress.getByName("::1")));
    }
}
