package dev.restlab.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.NewFileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedFileTest {

    @TempDir
    Path dir;

    @Test
    void a_new_file_gets_the_permissions_of_the_umask() throws IOException {
        Path file = dir.resolve("session.har");
        SharedFile.writeString(file, "{}");

        assertEquals(NewFileMode.expected(), Files.getPosixFilePermissions(file));
        if (NewFileMode.umask() == 0022) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void a_file_already_there_is_replaced_whole_and_gets_the_umasks_permissions() throws IOException {
        Path file = dir.resolve("report.md");
        Files.writeString(file, "an older and much longer report");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        SharedFile.writeString(file, "new");

        assertEquals("new", Files.readString(file));
        assertEquals(NewFileMode.expected(), Files.getPosixFilePermissions(file));
    }

    @Test
    void a_planted_symbolic_link_is_replaced_and_the_file_it_points_at_is_unchanged() throws IOException {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "the teacher's notes");
        Path link = Files.createSymbolicLink(dir.resolve("symrep.html"), victim);

        SharedFile.writeString(link, "<p>report</p>");

        assertEquals("the teacher's notes", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals("<p>report</p>", Files.readString(link));
    }

    @Test
    void a_failure_while_writing_leaves_the_earlier_file_whole_and_no_partial_file() throws IOException {
        Path file = dir.resolve("drawing.svg");
        Files.writeString(file, "<svg/>");

        IOException failure = assertThrows(IOException.class, () -> SharedFile.write(file, out -> {
            out.write("<svg><half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals("<svg/>", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void bytes_are_written_exactly() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0x1a, '\r', '\n'};
        Path file = dir.resolve("a-name-that-is-rather-long-".repeat(8) + ".png");
        SharedFile.write(file, png);

        assertArrayEquals(png, Files.readAllBytes(file));
    }

    @Test
    void a_folder_is_not_replaced() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("reports"));

        IOException refused = assertThrows(IOException.class, () -> SharedFile.writeString(folder, "x"));

        assertTrue(refused.getMessage().contains("is a folder"), refused.getMessage());
        assertTrue(Files.isDirectory(folder));
    }
}
