package dev.restlab.ui.window;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javafx.geometry.Rectangle2D;

/**
 * Keeps the window's layout between starts in a small properties file in the data folder
 * ({@code window.properties} beside {@code users.db}), or nowhere when users are kept in memory.
 * The folder is given, never found: tests pass their own, so they never touch a user's layout.
 * A missing, damaged or unreadable file means the defaults; it is replaced at the next close.
 */
public final class WindowLayoutStore {

    static final String FILE_NAME = "window.properties";
    private static final String DIVIDER = "divider.";

    private final Path file;

    private WindowLayoutStore(Path file) {
        this.file = file;
    }

    /** Remembers in {@code window.properties} in {@code folder}. */
    public static WindowLayoutStore inFolder(Path folder) {
        return new WindowLayoutStore(folder.resolve(FILE_NAME));
    }

    /** Remembers nothing: every start opens with the defaults (for {@code --in-memory}). */
    public static WindowLayoutStore none() {
        return new WindowLayoutStore(null);
    }

    /** The layout last written, if there is a readable one. */
    public Optional<WindowLayout> read() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
            double x = number(saved, "x");
            double y = number(saved, "y");
            double width = number(saved, "width");
            double height = number(saved, "height");
            if (width <= 0 || height <= 0) {
                return Optional.empty();
            }
            Map<String, Double> dividers = new TreeMap<>();
            for (String key : saved.stringPropertyNames()) {
                if (key.startsWith(DIVIDER)) {
                    double position = number(saved, key);
                    if (position >= 0 && position <= 1) {
                        dividers.put(key.substring(DIVIDER.length()), position);
                    }
                }
            }
            return Optional.of(new WindowLayout(new Rectangle2D(x, y, width, height),
                    Boolean.parseBoolean(saved.getProperty("maximized")), dividers,
                    Boolean.parseBoolean(saved.getProperty("dark")), (int) number(saved, "fontSize"),
                    saved.getProperty("tab", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // damaged or foreign: start with the defaults, replaced at close
        }
    }

    /** Writes {@code layout} whole or not at all (a temporary file moved over the old one). */
    public void write(WindowLayout layout) throws IOException {
        if (file == null) {
            return;
        }
        Properties out = new Properties();
        out.setProperty("x", Double.toString(layout.bounds().getMinX()));
        out.setProperty("y", Double.toString(layout.bounds().getMinY()));
        out.setProperty("width", Double.toString(layout.bounds().getWidth()));
        out.setProperty("height", Double.toString(layout.bounds().getHeight()));
        out.setProperty("maximized", Boolean.toString(layout.maximized()));
        out.setProperty("dark", Boolean.toString(layout.dark()));
        out.setProperty("fontSize", Integer.toString(layout.fontSize()));
        out.setProperty("tab", layout.tab());
        layout.dividers().forEach((id, position) -> out.setProperty(DIVIDER + id, Double.toString(position)));
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.store(writer, "RestLab's window as it was last closed");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static double number(Properties saved, String key) {
        String text = saved.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no " + key);
        }
        double value = Double.parseDouble(text.strip()); // NumberFormatException is an IllegalArgumentException
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " is not a number");
        }
        return value;
    }
}
