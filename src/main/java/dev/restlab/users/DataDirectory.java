package dev.restlab.users;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where RestLab keeps its data when no {@code --data-dir} is given: the place each desktop
 * system sets aside for an application's own files.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The default data directory for this user on this system. */
    public static Path defaultPath() {
        return defaultFor(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * {@code %APPDATA%\RestLab} on Windows, {@code ~/Library/Application Support/RestLab} on macOS,
     * and elsewhere {@code $XDG_DATA_HOME/restlab} or {@code ~/.local/share/restlab}.
     */
    static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path roaming = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return roaming.resolve("RestLab");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("RestLab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("restlab");
        }
        return home.resolve(".local").resolve("share").resolve("restlab");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
