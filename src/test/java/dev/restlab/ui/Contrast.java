package dev.restlab.ui;

import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/** WCAG 2 contrast of colours as the window draws them, for the tests of what can be seen. */
public final class Contrast {

    private Contrast() {
    }

    /** WCAG 2 contrast ratio of two opaque colours, from 1 to 21. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** A translucent colour as drawn over an opaque one. */
    public static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    /** The colour of a background's fill {@code index} (negative counts from the last), drawn over {@code under}. */
    public static Color fill(Background background, int index, Color under) {
        List<BackgroundFill> fills = background.getFills();
        Paint paint = fills.get(index < 0 ? fills.size() + index : index).getFill();
        return over((Color) paint, under);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
