package dev.restlab.diagram;

import dev.restlab.http.StatusClass;
import java.util.List;

/**
 * The colours of a drawing, as {@code #rrggbb}, one set per theme. Both the window and the
 * exports use them, so that a PNG or SVG looks as the view did. Taken from the Primer colours
 * of the window's AtlantaFX themes; every text colour reads on the background, the label
 * background and the highlight at 4.5:1 or more (WCAG AA), which is why the light theme's green
 * and amber are a step darker than the traffic list's (the highlight is not white).
 *
 * @param success     answers 2xx, drawn with ✓
 * @param redirect    answers 3xx, drawn with ↪
 * @param clientError answers 4xx, drawn with ⚠
 * @param serverError answers 5xx, drawn with ✖
 * @param fault       what a fault rule did to an exchange, drawn with ⚡
 */
public record Palette(String background, String text, String muted, String lifeline, String request,
        String rejected, String activation, String labelBackground, String highlight,
        String connectBar, String requestBar, String serverBar, String responseBar,
        String success, String redirect, String clientError, String serverError, String fault) {

    public static final Palette LIGHT = new Palette("#ffffff", "#1f2328", "#59636e", "#8c959f", "#0969da",
            "#cf222e", "#d0d7de", "#ffffff", "#ddf4ff",
            "#8c959f", "#0969da", "#bf8700", "#1a7f37",
            "#116329", "#0969da", "#875e00", "#cf222e", "#6639ba");

    public static final Palette DARK = new Palette("#0d1117", "#e6edf3", "#9198a1", "#6e7681", "#58a6ff",
            "#ff7b72", "#30363d", "#0d1117", "#15304f",
            "#6e7681", "#58a6ff", "#d29922", "#3fb950",
            "#3fb950", "#58a6ff", "#d29922", "#ff7b72", "#bc8cff");

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

    /** The colour of an answer's class, as the traffic list colours it; no answer at all is muted. */
    public String status(int status) {
        return switch (StatusClass.of(status)) {
            case SUCCESS -> success;
            case REDIRECT -> redirect;
            case CLIENT_ERROR -> clientError;
            case SERVER_ERROR -> serverError;
            case INFORMATIONAL, NO_ANSWER -> muted;
        };
    }

    /** Every colour that text is drawn in, for the contrast check. */
    public List<String> textColors() {
        return List.of(text, muted, request, rejected, success, redirect, clientError, serverError, fault);
    }
}
