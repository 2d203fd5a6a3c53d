package dev.restlab.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/ann");

    @Test
    void linux_uses_xdg_data_home_when_it_is_an_absolute_path() {
        assertEquals(Path.of("/data/ann/restlab"),
                DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data/ann"), home));
    }

    @Test
    void linux_falls_back_to_local_share_when_xdg_data_home_is_unset_empty_or_relative() {
        Path expected = Path.of("/home/ann/.local/share/restlab");
        assertEquals(expected, DataDirectory.defaultFor("Linux", Map.of(), home));
        assertEquals(expected, DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", ""), home));
        assertEquals(expected, DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "rel/dir"), home));
    }

    @Test
    void windows_uses_appdata_or_the_roaming_folder() {
        Path appData = Path.of("C:\\Users\\ann\\AppData\\Roaming");
        assertEquals(appData.resolve("RestLab"),
                DataDirectory.defaultFor("Windows 11", Map.of("APPDATA", appData.toString()), home));
        assertEquals(home.resolve("AppData").resolve("Roaming").resolve("RestLab"),
                DataDirectory.defaultFor("Windows 10", Map.of(), home));
    }

    @Test
    void macos_uses_application_support() {
        assertEquals(Path.of("/home/ann/Library/Application Support/RestLab"),
                DataDirectory.defaultFor("Mac OS X", Map.of("XDG_DATA_HOME", "/x"), home));
    }
}
