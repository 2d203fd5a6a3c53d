package dev.restlab.users;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive operating-system lock on a data directory's lock file, so that two RestLabs never
 * write one database at once. The OS drops the lock when the process dies, even by SIGKILL, so
 * a stale lock file never keeps the next RestLab out. The file holds the owner's process id,
 * only to name it in a message.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "restlab.lock";

    /**
     * Lock files this JVM holds. On Linux a process's locks on a file vanish when it closes any
     * channel to that file, so a second open in the same JVM must be refused before it opens one.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when someone else holds the lock; the message names the holder when known. */
    static final class Held extends Exception {
        final String holder;

        Held(String holder) {
            super(holder, null, false, false);
            this.holder = holder;
        }
    }

    static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Takes the lock on {@code dataDir}'s lock file, creating it when missing. */
    static DataDirectoryLock acquire(Path dataDir) throws IOException, Held {
        Path file = fileIn(dataDir).toAbsolutePath().normalize();
        if (!HELD_HERE.add(file)) {
            throw new Held(" (in this same program)");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                channel = null;
                throw new Held(holderOf(file));
            }
            byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException | RuntimeException | Held e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(file);
            throw e;
        }
    }

    /** Releases the lock; the file stays, harmless, for the next RestLab to lock. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel drops the lock in any case; nothing more can be done here.
        } finally {
            HELD_HERE.remove(file);
        }
    }

    private static String holderOf(Path file) {
        try {
            Optional<String> pid = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .findFirst().map(String::strip).filter(text -> text.matches("\\d{1,10}"));
            return pid.map(p -> " (process " + p + ")").orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
