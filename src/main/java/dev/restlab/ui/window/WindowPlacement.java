package dev.restlab.ui.window;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: where it was left when that is still on a screen, else centred on the
 * main screen; either way no larger than that screen's visible bounds (the area the task bar and
 * menu bar leave) and wholly inside them.
 */
public final class WindowPlacement {

    /** The size the window asks for on a screen that has room for it. */
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    /** How much of the window's top edge must lie on a screen to count as still there: enough to grab it. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 24;

    private WindowPlacement() {
    }

    /**
     * @param remembered where the window was left, if anywhere
     * @param main       the main screen's visible bounds
     * @param screens    every screen's visible bounds (the main one included)
     */
    public static Rectangle2D place(Optional<Rectangle2D> remembered, Rectangle2D main, List<Rectangle2D> screens) {
        if (remembered.isPresent()) {
            Rectangle2D was = remembered.get();
            Rectangle2D grip = new Rectangle2D(was.getMinX(), was.getMinY(), was.getWidth(), GRIP_HEIGHT);
            for (Rectangle2D screen : screens) {
                if (overlapWidth(grip, screen) >= Math.min(GRIP_WIDTH, was.getWidth()) && overlapHeight(grip, screen) >= GRIP_HEIGHT) {
                    return within(was.getMinX(), was.getMinY(), was.getWidth(), was.getHeight(), screen);
                }
            }
            return centred(was.getWidth(), was.getHeight(), main);
        }
        return centred(PREFERRED_WIDTH, PREFERRED_HEIGHT, main);
    }

    private static Rectangle2D centred(double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /** The same size and place, shrunk and moved just enough to lie wholly on {@code screen}. */
    private static Rectangle2D within(double x, double y, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        double top = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }

    private static double overlapWidth(Rectangle2D a, Rectangle2D b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
    }

    private static double overlapHeight(Rectangle2D a, Rectangle2D b) {
        return Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
    }
}
