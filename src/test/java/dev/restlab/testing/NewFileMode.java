package dev.restlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions a new file gets from this process's umask (0666 without the umask's bits), read
 * from Linux's {@code /proc/self/status}: what every file RestLab writes for people to share must
 * have, 0644 under the usual umask 022.
 */
public final class NewFileMode {

    private static final List<PosixFilePermission> BY_BIT = List.of(
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ);

    private NewFileMode() {
    }

    /** The process's umask, e.g. 022 (octal). */
    public static int umask() throws IOException {
        Requires.linux("the umask is read from /proc/self/status");
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Umask:")) {
                return Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
            }
        }
        throw new IOException("/proc/self/status has no Umask line");
    }

    /** The permissions of a new file under this process's umask. */
    public static Set<PosixFilePermission> expected() throws IOException {
        return permissions(0666 & ~umask());
    }

    /** The permissions of a mode such as 0644. */
    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BY_BIT.size(); bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BY_BIT.get(bit));
            }
        }
        return permissions;
    }
}
