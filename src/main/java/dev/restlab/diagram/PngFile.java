package dev.restlab.diagram;

import dev.restlab.files.SharedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes pixels as a PNG file with the JDK's own encoder (java.desktop, already in RestLab's
 * runtime image), so the window needs no javafx-swing bridge to save a snapshot. The file says
 * its resolution in a {@code pHYs} chunk: a drawing snapshotted at twice its size is marked 192
 * dpi, so slides and documents place it at the size it had on screen, not twice that.
 */
public final class PngFile {

    /** The resolution of one CSS pixel, which JavaFX lays out in: 96 per inch. */
    static final double DOTS_PER_INCH = 96;
    private static final double METRES_PER_INCH = 0.0254;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private PngFile() {
    }

    /** Pixels of a drawing at its own size (96 dpi). */
    public static void write(Path file, int width, int height, int[] argb) throws IOException {
        write(file, width, height, argb, 1);
    }

    /**
     * @param argb  the pixels row by row, each as 0xAARRGGBB
     * @param scale how many pixels stand for one pixel of the drawing (2 for a snapshot at twice its size)
     * @throws IOException when the file cannot be written; a file already there is then unchanged
     */
    public static void write(Path file, int width, int height, int[] argb, double scale) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException(width + "×" + height + " does not fit " + argb.length + " pixels");
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale " + scale + " is not positive");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    parameters);
            metadata.mergeTree(PNG_METADATA, resolution(pixelsPerMetre(scale)));
            SharedFile.write(file, out -> {
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, metadata), parameters);
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** PNG's {@code pHYs} unit is the metre: 96 dpi × scale, in pixels per metre. */
    static long pixelsPerMetre(double scale) {
        return Math.round(DOTS_PER_INCH * scale / METRES_PER_INCH);
    }

    private static IIOMetadataNode resolution(long pixelsPerMetre) {
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", Long.toString(pixelsPerMetre));
        physical.setAttribute("pixelsPerUnitYAxis", Long.toString(pixelsPerMetre));
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(physical);
        return root;
    }
}
