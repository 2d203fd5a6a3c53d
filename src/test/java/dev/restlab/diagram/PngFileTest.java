package dev.restlab.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
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
}
