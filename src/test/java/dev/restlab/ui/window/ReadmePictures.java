package dev.restlab.ui.window;

import dev.restlab.app.Workbench;
import dev.restlab.diagram.PngFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import dev.restlab.ui.Fx;

/**
 * Makes the README's pictures of the real window (see {@link ReadmeScenes}) and writes them as
 * PNG files. Test scope: it ships nowhere. docs/screenshots.sh compiles and runs it.
 *
 * <p>Arguments: the folder to write to (docs), the port for the window's server (0: any free
 * port; the pictures show it), and optionally the files to write (e.g. restlab-check-class.png):
 * every scene is still played, since each builds on the one before, but only those are written.
 */
public final class ReadmePictures {

    private ReadmePictures() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Files.createDirectories(folder);
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        Workbench workbench = null;
        try {
            Stage stage = Fx.call(Stage::new);
            ReadmeScenes scenes = ReadmeScenes.open(stage, port, true);
            workbench = scenes.workbench();
            Set<String> only = args.length > 2 ? Set.of(Arrays.copyOfRange(args, 2, args.length)) : Set.of();
            scenes.takeAll((picture, scene) -> {
                if (!only.isEmpty() && !only.contains(picture.file())) {
                    return;
                }
                Path file = folder.resolve(picture.file());
                write(scene, file);
                System.out.println("wrote " + file);
            });
        } finally {
            if (workbench != null) {
                Workbench shown = workbench;
                Fx.run(shown::close);
            }
            Platform.exit();
        }
    }

    /** The scene as it is drawn now, pixel for pixel, as a PNG file. */
    private static void write(Scene scene, Path file) throws Exception {
        WritableImage image = Fx.call(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        PngFile.write(file, width, height, argb);
    }
}
