package dev.restlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void on_linux_a_display_is_reached_through_x11_or_wayland() {
        assertFalse(Display.isReachable(Map.of("HOME", "/home/ann"), "Linux"));
        assertFalse(Display.isReachable(Map.of("DISPLAY", " "), "Linux"), "a blank DISPLAY names none");
        assertTrue(Display.isReachable(Map.of("DISPLAY", ":0"), "Linux"));
        assertTrue(Display.isReachable(Map.of("WAYLAND_DISPLAY", "wayland-0"), "FreeBSD"));
    }

    @Test
    void windows_and_macos_always_have_their_desktop() {
        assertTrue(Display.isReachable(Map.of(), "Windows 11"));
        assertTrue(Display.isReachable(Map.of(), "Mac OS X"));
        assertTrue(Display.isOsDesktop("Windows 11"));
        assertFalse(Display.isOsDesktop("Linux"));
    }
}
