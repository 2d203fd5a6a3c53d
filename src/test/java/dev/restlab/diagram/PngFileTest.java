package dev.restlab.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restlab.testing.NewFileMode;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFileTest {

    @TempDir
    Path dir;

    @Test
    void pixels_read_back_as_written() throws Exception {
        int[] pixels = {0xff0969da, 0xffffffff, 0x80cf222e, 0xff000000, 0xff1a7f37, 0x00000000};
        Path file = dir.resolve("picture.png");
        PngFile.write(file, 3, 2, pixels);

        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(3, read.getWidth());
        assertEquals(2, read.getHeight());
        assertArrayEquals(pixels, read.getRGB(0, 0, 3, 2, null, 0, 3));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no partial file is left beside it");
        }
    }

    @Test
    void a_size_that_does_not_fit_the_pixels_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> PngFile.write(dir.resolve("x.png"), 2, 2, new int[3]));
    }

    @Test
    void the_file_says_its_resolution_so_a_snapshot_at_twice_the_size_is_placed_at_its_own() throws Exception {
        Path doubled = dir.resolve("doubled.png");
        Path plain = dir.resolve("plain.png");
        PngFile.write(doubled, 2, 1, new int[] {0xff000000, 0xffffffff}, 2);
        PngFile.write(plain, 2, 1, new int[] {0xff000000, 0xffffffff});

        assertArrayEquals(new long[] {7559, 7559, 1}, physicalChunk(Files.readAllBytes(doubled)), "192 dpi, in metres");
        assertArrayEquals(new long[] {3780, 3780, 1}, physicalChunk(Files.readAllBytes(plain)), "96 dpi, in metres");
        assertEquals(NewFileMode.expected(), Files.getPosixFilePermissions(doubled), "shareable, as the umask gives");
    }

    /** The pHYs chunk as a PNG reader finds it: pixels per unit across, down, and the unit (1: metre). */
    private static long[] physicalChunk(byte[] png) {
        ByteBuffer bytes = ByteBuffer.wrap(png);
        bytes.position(8); // the signature
        while (bytes.remaining() >= 12) {
            int length = bytes.getInt();
            byte[] type = new byte[4];
            bytes.get(type);
            if (new String(type, StandardCharsets.US_ASCII).equals("pHYs")) {
                return new long[] {Integer.toUnsignedLong(bytes.getInt()), Integer.toUnsignedLong(bytes.getInt()), bytes.get()};
            }
            bytes.position(bytes.position() + length + 4); // the data and its CRC
        }
        throw new AssertionError("no pHYs chunk");
    }
}
