package dev.restlab.diagram;

/**
 * The colours of a drawing, as {@code #rrggbb}, one set per theme. Both the window and the
 * exports use them, so that a PNG or SVG looks as the view did. Taken from the Primer colours
 * of the window's AtlantaFX themes; every text colour reads on its background at 4.5:1 or more.
 */
public record Palette(String background, String text, String muted, String lifeline, String request,
        String response, String rejected, String activation, String labelBackground, String highlight,
        String connectBar, String requestBar, String serverBar, String responseBar) {

    public static final Palette LIGHT = new Palette("#ffffff", "#1f2328", "#59636e", "#8c959f", "#0969da",
            "#1a7f37", "#cf222e", "#d0d7de", "#ffffff", "#ddf4ff",
            "#8c959f", "#0969da", "#bf8700", "#1a7f37");

    public static final Palette DARK = new Palette("#0d1117", "#e6edf3", "#9198a1", "#6e7681", "#58a6ff",
            "#3fb950", "#ff7b72", "#30363d", "#0d1117", "#15304f",
            "#6e7681", "#58a6ff", "#d29922", "#3fb950");

    public static Palette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The colour of a waterfall phase. */
    public String bar(Waterfall.Phase phase) {
        return switch (phase) {
            case CONNECT -> connectBar;
            case REQUEST -> requestBar;
            case SERVER -> serverBar;
            case RESPONSE -> responseBar;
        };
    }
}
