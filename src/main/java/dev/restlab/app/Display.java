package dev.restlab.app;

import java.util.Locale;
import java.util.Map;

/**
 * Whether this computer has a desktop a window or a browser can open on: the one rule for the
 * window at start and for "open in browser". Windows and macOS always have theirs; on Linux and
 * other Unixes a desktop is reached through DISPLAY (X11) or WAYLAND_DISPLAY.
 */
public final class Display {

    private Display() {
    }

    /** Windows and macOS: a desktop is always there, and the OS opens documents by itself. */
    public static boolean isOsDesktop(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        return os.startsWith("windows") || os.startsWith("mac");
    }

    /** Whether a desktop display can be reached with this environment on this OS. */
    public static boolean isReachable(Map<String, String> env, String osName) {
        return isOsDesktop(osName) || !isBlank(env.get("DISPLAY")) || !isBlank(env.get("WAYLAND_DISPLAY"));
    }

    /**
     * Whether JavaFX can open a window here: a desktop is reachable, or another JavaFX platform than
     * GTK was chosen with -Dglass.platform (Monocle's headless one needs no display).
     */
    public static boolean windowCanOpen(Map<String, String> env, String osName, String glassPlatform) {
        return (glassPlatform != null && !glassPlatform.equalsIgnoreCase("gtk")) || isReachable(env, osName);
    }

    /** The same, for this process. */
    public static boolean isReachable() {
        return isReachable(System.getenv(), System.getProperty("os.name", ""));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
