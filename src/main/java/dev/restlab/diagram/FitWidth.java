package dev.restlab.diagram;

/**
 * How large a drawing's font may be for all of it to fit a width: on a projector the window's
 * text is large, and a diagram in ems of it outgrows the screen. Fit width draws it smaller, so
 * that every lane and every row is in view; full size draws it at the window's text size.
 */
public final class FitWidth {

    /** Smaller than this no label is read any more: the drawing scrolls instead. */
    public static final double SMALLEST_EM = 7;

    private FitWidth() {
    }

    /**
     * The font size in pixels at which a drawing {@code widthInEms} wide fits {@code available}
     * pixels: {@code em} when it already fits (never larger), else smaller, but not below {@link #SMALLEST_EM}.
     */
    public static double em(double widthInEms, double available, double em) {
        if (!(widthInEms > 0) || !(available > 0)) {
            return em;
        }
        return Math.min(em, Math.max(SMALLEST_EM, Math.floor(available / widthInEms * 100) / 100));
    }
}
