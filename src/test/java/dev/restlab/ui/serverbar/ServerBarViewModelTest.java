package dev.restlab.ui.serverbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.TargetUrl;
import dev.restlab.testing.FakeDialogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.ViewModelTestSupport;

class ServerBarViewModelTest {

    /** A server that records what it was asked and fails when told to. */
    private static final class FakeServer implements ServerControl {
        final List<String> calls = new ArrayList<>();
        String failStartWith;
        String failStopWith;
        String failResetWith;
        int resets;
        final java.util.TreeSet<String> allowed = new java.util.TreeSet<>();

        @Override
        public int start(String host, int port) throws Exception {
            calls.add("start " + host + ":" + port);
            if (failStartWith != null) {
                throw new Exception(failStartWith);
            }
            return port == 0 ? 40000 : port;
        }

        @Override
        public void setProxyTarget(TargetUrl target) {
            if (target != null) {
                calls.add("proxy " + target);
            }
        }

        @Override
        public void stop() throws Exception {
            calls.add("stop");
            if (failStopWith != null) {
                throw new Exception(failStopWith);
            }
        }

        @Override
        public boolean isWildcard(String host) {
            return List.of("0.0.0.0", "::", "::ffff:0.0.0.0", "0:0:0:0:0:0:0:0").contains(host);
        }

        @Override
        public List<String> urls(String host, int port) {
            return isWildcard(host)
                    ? List.of("http://127.0.0.1:" + port, "http://192.168.1.20:" + port)
                    : List.of("http://" + host + ":" + port);
        }

        @Override
        public void allowHost(String name) {
            if (name.contains(":")) {
                throw new IllegalArgumentException("'" + name + "' is not a host name");
            }
            allowed.add(name.toLowerCase());
        }

        @Override
        public List<String> allowedHosts() {
            return List.copyOf(allowed);
        }

        @Override
        public String usersLocation() {
            return "/tmp/restlab/users.db";
        }

        @Override
        public void resetUsers() throws Exception {
            if (failResetWith != null) {
                throw new Exception(failResetWith);
            }
            resets++;
        }
    }

    private final FakeServer server = new FakeServer();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ServerBarViewModel bar = new ServerBarViewModel(server, ViewModelTestSupport.SAME_THREAD, dialogs,
            "127.0.0.1", 5001);

    @Test
    void start_binds_loopback_by_default_and_says_where_it_serves() {
        bar.start();
        assertEquals(List.of("start 127.0.0.1:5001"), server.calls);
        assertTrue(bar.runningProperty().get());
        assertEquals(5001, bar.boundPortProperty().get());
        assertEquals("Serving on http://127.0.0.1:5001", bar.statusProperty().get());
        assertEquals("", bar.networkNoteProperty().get());
    }

    @Test
    void all_interfaces_warns_and_lists_the_addresses_others_would_use() {
        bar.allInterfacesProperty().set(true);
        bar.start();
        assertEquals(List.of("start 0.0.0.0:5001"), server.calls);
        assertTrue(bar.networkNoteProperty().get().contains("Others on your network"));
        assertTrue(bar.networkNoteProperty().get().contains("http://192.168.1.20:5001"));
    }

    @Test
    void a_wildcard_bind_shows_a_warning_while_it_serves_and_loopback_shows_none() {
        bar.start();
        assertEquals("", bar.bindWarningProperty().get());
        bar.stop();

        bar.allInterfacesProperty().set(true);
        bar.start();
        assertTrue(bar.bindWarningProperty().get().startsWith("Warning: listening on every network interface (0.0.0.0)."),
                bar.bindWarningProperty().get());
        assertTrue(bar.bindWarningProperty().get().contains("list, create and delete users"));
        bar.stop();
        assertEquals("", bar.bindWarningProperty().get(), "no warning once stopped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::ffff:0.0.0.0", "0:0:0:0:0:0:0:0", "0.0.0.0"})
    void every_wildcard_spelling_from_the_command_line_is_honoured_and_warned_about(String host) {
        ServerBarViewModel fromFlags = new ServerBarViewModel(server, ViewModelTestSupport.SAME_THREAD, dialogs, host, 5001);
        assertTrue(fromFlags.allInterfacesProperty().get(), "the bar's choice shows all interfaces");
        fromFlags.start();
        assertEquals(List.of("start " + host + ":5001"), server.calls);
        assertTrue(fromFlags.bindWarningProperty().get().contains("(" + host + ")"),
                fromFlags.bindWarningProperty().get());
        assertTrue(fromFlags.networkNoteProperty().get().contains("http://192.168.1.20:5001"));

        fromFlags.stop();
        fromFlags.allInterfacesProperty().set(false);
        fromFlags.start();
        assertEquals("start 127.0.0.1:5001", server.calls.get(server.calls.size() - 1));
        assertEquals("", fromFlags.bindWarningProperty().get());
    }

    @Test
    void a_typed_host_name_is_allowed_and_listed_and_a_bad_one_is_explained_and_kept() {
        assertEquals("", bar.allowedHostsProperty().get());
        bar.hostToAllowProperty().set(" classroom.example ");
        bar.allowHost();
        assertEquals(List.of("classroom.example"), server.allowedHosts());
        assertEquals("Also answers for classroom.example", bar.allowedHostsProperty().get());
        assertEquals("", bar.hostToAllowProperty().get(), "the field empties for the next name");

        bar.hostToAllowProperty().set("evil.example:5001");
        bar.allowHost();
        assertEquals("'evil.example:5001' is not a host name", bar.problemProperty().get());
        assertEquals("evil.example:5001", bar.hostToAllowProperty().get(), "kept for correcting");
        assertEquals("Also answers for classroom.example", bar.allowedHostsProperty().get());

        bar.hostToAllowProperty().set("teacher.local");
        bar.allowHost();
        assertEquals("", bar.problemProperty().get());
        assertEquals("Also answers for classroom.example, teacher.local", bar.allowedHostsProperty().get());
    }

    @Test
    void names_allowed_on_the_command_line_are_listed_from_the_start() {
        server.allowHost("restlab.test");
        ServerBarViewModel fromFlags = new ServerBarViewModel(server, ViewModelTestSupport.SAME_THREAD, dialogs,
                "127.0.0.1", 5001);
        assertEquals("Also answers for restlab.test", fromFlags.allowedHostsProperty().get());
    }

    @Test
    void port_zero_shows_the_port_actually_bound() {
        bar.portTextProperty().set("0");
        bar.start();
        assertEquals("40000", bar.portTextProperty().get());
    }

    @Test
    void an_invalid_port_is_explained_and_nothing_starts() {
        for (String bad : List.of("abc", "70000", "-1", "", "50 01")) {
            bar.portTextProperty().set(bad);
            bar.start();
            assertTrue(bar.problemProperty().get().contains("is not a port"), bad);
        }
        assertEquals(List.of(), server.calls);
        assertFalse(bar.runningProperty().get());
    }

    @Test
    void a_failed_start_shows_the_servers_words_and_stays_stopped() {
        server.failStartWith = "Port 5001 is already in use on 127.0.0.1";
        bar.start();
        assertFalse(bar.runningProperty().get());
        assertEquals("Port 5001 is already in use on 127.0.0.1", bar.problemProperty().get());
        assertEquals("Stopped", bar.statusProperty().get());

        server.failStartWith = null;
        bar.start();
        assertTrue(bar.runningProperty().get());
        assertEquals("", bar.problemProperty().get());
    }

    @Test
    void a_failed_stop_is_shown_with_what_to_do() {
        bar.start();
        server.failStopWith = "timeout";
        bar.stop();
        assertTrue(bar.problemProperty().get().contains("did not stop cleanly: timeout"));
        assertTrue(bar.runningProperty().get());
    }

    @Test
    void says_where_users_are_kept_and_on_ok_resets_them_then_tells_the_table() {
        int[] reloads = {0};
        bar.setAfterReset(() -> reloads[0]++);
        assertEquals("Users kept in /tmp/restlab/users.db", bar.usersLocationProperty().get());
        dialogs.answering(true);
        bar.reset();
        assertEquals(1, server.resets);
        assertEquals(1, reloads[0]);
        assertFalse(bar.resettingProperty().get());
    }

    @Test
    void reset_asks_first_naming_where_the_users_go_from_and_cancel_deletes_nothing() {
        int[] reloads = {0};
        bar.setAfterReset(() -> reloads[0]++);
        dialogs.answering(false);
        bar.reset();
        assertEquals(List.of(new FakeDialogs.Question("Delete every user for good?",
                "All users, from every client, are removed from /tmp/restlab/users.db. This cannot be undone.")),
                dialogs.asked());
        assertEquals(0, server.resets);
        assertEquals(0, reloads[0]);
        assertFalse(bar.resettingProperty().get());
    }

    @Test
    void a_reset_under_way_is_not_asked_for_again_and_a_failed_one_says_why() {
        List<Runnable> background = new ArrayList<>();
        ServerBarViewModel slow = new ServerBarViewModel(server, new UiThreads(background::add, Runnable::run),
                dialogs.answering(true), "127.0.0.1", 5001);
        slow.reset();
        assertTrue(slow.resettingProperty().get());
        slow.reset(); // a second click while the first is under way: not asked, not run
        assertEquals(1, dialogs.asked().size());
        assertEquals(1, background.size());

        server.failResetWith = "disk full";
        background.remove(0).run();
        assertFalse(slow.resettingProperty().get());
        assertEquals("Could not reset the users: disk full", slow.problemProperty().get());
    }

    @Test
    void toggle_starts_then_stops() {
        bar.toggle();
        bar.toggle();
        assertEquals(List.of("start 127.0.0.1:5001", "stop"), server.calls);
        assertFalse(bar.runningProperty().get());
        assertEquals(-1, bar.boundPortProperty().get());
    }

    @Test
    void proxy_mode_relays_to_the_typed_address_and_says_so() {
        bar.proxyModeProperty().set(true);
        bar.proxyUrlTextProperty().set("localhost:5000");
        bar.start();
        assertEquals(List.of("proxy http://localhost:5000", "start 127.0.0.1:5001"), server.calls);
        assertEquals("Proxy to http://localhost:5000 on http://127.0.0.1:5001",
                bar.statusProperty().get());
    }

    @Test
    void while_proxying_the_users_are_said_to_live_in_the_target_and_none_are_reset_here() {
        bar.proxyModeProperty().set(true);
        bar.proxyUrlTextProperty().set("http://127.0.0.1:5000");
        bar.start();
        assertTrue(bar.proxyingProperty().get());
        assertEquals("http://127.0.0.1:5000", bar.proxiedToProperty().get());
        assertEquals("Users kept by http://127.0.0.1:5000", bar.usersLocationProperty().get());
        dialogs.answering(true);
        bar.reset();
        assertEquals(0, server.resets);
        assertEquals(List.of(), dialogs.asked());

        bar.stop();
        assertFalse(bar.proxyingProperty().get());
        assertEquals("", bar.proxiedToProperty().get());
        assertEquals("Users kept in /tmp/restlab/users.db", bar.usersLocationProperty().get());
        bar.reset();
        assertEquals(1, server.resets);
    }

    @Test
    void proxy_mode_chosen_but_not_started_still_keeps_the_users_here() {
        bar.proxyModeProperty().set(true);
        assertFalse(bar.proxyingProperty().get());
        assertEquals("Users kept in /tmp/restlab/users.db", bar.usersLocationProperty().get());
        server.failStartWith = "Port 5001 is in use";
        bar.start();
        assertFalse(bar.proxyingProperty().get());
        assertEquals("Users kept in /tmp/restlab/users.db", bar.usersLocationProperty().get());
    }

    @Test
    void an_address_that_is_not_http_is_explained_and_nothing_starts() {
        bar.proxyModeProperty().set(true);
        bar.proxyUrlTextProperty().set("https://127.0.0.1:5000");
        bar.start();
        assertEquals(List.of(), server.calls);
        assertFalse(bar.runningProperty().get());
        assertTrue(bar.problemProperty().get().startsWith("Proxy to: "), bar.problemProperty().get());
        assertTrue(bar.problemProperty().get().contains("https"), bar.problemProperty().get());
    }

    @Test
    void back_to_the_built_in_api_serves_it_again() {
        bar.proxyModeProperty().set(true);
        bar.start();
        bar.stop();
        bar.proxyModeProperty().set(false);
        bar.start();
        assertEquals(List.of("proxy http://127.0.0.1:5000", "start 127.0.0.1:5001", "stop", "start 127.0.0.1:5001"),
                server.calls);
        assertEquals("Serving on http://127.0.0.1:5001", bar.statusProperty().get());
    }
}
