package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.TargetUrl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code restlab --headless} prints once it serves. Built without binding, so that no test
 * listens beyond 127.0.0.1.
 */
class HeadlessBannerTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "::ffff:0.0.0.0", "0:0:0:0:0:0:0:0"})
    void every_spelling_of_all_interfaces_prints_a_warning_before_the_urls(String host) {
        List<String> banner = Headless.banner(host, 5001, "memory only");

        String warning = banner.get(2);
        assertTrue(warning.startsWith(" * WARNING: listening on every network interface (--host " + host + ")"),
                warning);
        assertTrue(warning.contains("list, create and delete users") && warning.contains("--host 127.0.0.1"),
                warning);
        assertEquals(" * Running on all addresses (" + host + ")", banner.get(3));
        assertEquals(" * Running on http://127.0.0.1:5001", banner.get(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "127.0.0.2"})
    void one_address_prints_no_warning(String host) {
        List<String> banner = Headless.banner(host, 5001, "memory only");

        assertTrue(banner.stream().noneMatch(line -> line.contains("WARNING")), banner.toString());
        assertEquals(" * Running on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":5001",
                banner.get(2));
    }

    @Test
    void the_banner_says_where_users_are_and_how_to_quit() {
        assertEquals(List.of("RestLab: the lab's user API, with no window", " * Users kept in memory only",
                " * Running on http://127.0.0.1:5001", "Press CTRL+C to quit"),
                Headless.banner("127.0.0.1", 5001, "memory only"));
    }

    @Test
    void in_proxy_mode_the_banner_names_the_target() {
        List<String> banner = Headless.banner("127.0.0.1", 5001, "memory only",
                new TargetUrl("127.0.0.1", 5000));
        assertEquals("RestLab: a proxy to http://127.0.0.1:5000, with no window", banner.get(0));
        assertTrue(banner.get(1).contains("Every request goes to http://127.0.0.1:5000"), banner.get(1));
        assertEquals(" * Running on http://127.0.0.1:5001", banner.get(2));
    }
}
