package dev.restlab.diagram;

import dev.restlab.files.SharedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes pixels as a PNG file with the JDK's own encoder (java.desktop, already in RestLab's
 * runtime image), so the window needs no javafx-swing bridge to save a snapshot.
 */
public final class PngFile {

    private PngFile() {
    }

    /**
     * @param argb the pixels row by row, each as 0xAARRGGBB
     * @throws IOException when the file cannot be written; a file already there is then unchanged
     */
    public static void write(Path file, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException(width + "×" + height + " does not fit " + argb.length + " pixels");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        SharedFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java has no PNG encoder");
            }
        });
    }
}
