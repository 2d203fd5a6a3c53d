package dev.restlab.users;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, so that a test can fill a real disk and free it again.
 * Mounting needs root (as in CI); where it is not allowed the test is skipped, saying why.
 * {@link #close()} always unmounts.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path folder;
    private final Path filler;

    private SmallDisk(Path folder) {
        this.folder = folder;
        this.filler = folder.resolve("filler");
    }

    /** Mounts a tmpfs of {@code kib} KiB on {@code folder} (created when missing), or skips the test. */
    public static SmallDisk mount(Path folder, int kib) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Run mounted = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "tmpfs", folder.toString());
        if (mounted.exit != 0) {
            abort("Skipped: this test fills a small tmpfs, and mounting one is not allowed here"
                    + " (it needs root; mount said: " + mounted.output.strip() + ")");
        }
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Writes a filler file until the disk has no room left; returns how many bytes it took. */
    public long fill() throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            // Bounded: a tmpfs is never larger than what mount was told.
            while (written < 1L << 30) {
                out.write(block);
                written += block.length;
                out.flush();
            }
        } catch (IOException noSpaceLeft) {
            return written;
        }
        throw new IllegalStateException("the disk at " + folder + " did not fill up");
    }

    /** Gives the filler's room back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Run unmounted = run("umount", folder.toString());
        if (unmounted.exit != 0) {
            unmounted = run("umount", "-l", folder.toString());
        }
        if (unmounted.exit != 0) {
            throw new IOException("could not unmount " + folder + ": " + unmounted.output);
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Run(127, String.valueOf(notInstalled.getMessage()));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(124, command[0] + " did not finish");
        }
        return new Run(process.exitValue(), output);
    }
}
