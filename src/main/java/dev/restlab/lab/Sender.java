package dev.restlab.lab;

import dev.restlab.client.WindowTag;
import dev.restlab.wire.Exchange;

/** Who sent an exchange, as far as a lab cares. */
public enum Sender {
    /** Any client but RestLab's window: curl in a terminal, a browser, a student's program. */
    TERMINAL,
    /** RestLab's window, because the user asked (a form, the composer). */
    WINDOW,
    /** RestLab's window by itself (keeping a table up to date): a lab never explains these. */
    WINDOW_BACKGROUND;

    /** Tells this run's window's requests (by their {@link WindowTag}) from every other client's. */
    public static Sender of(Exchange exchange) {
        return WindowTag.kindOf(exchange)
                .map(kind -> kind == WindowTag.Kind.USER ? WINDOW : WINDOW_BACKGROUND)
                .orElse(TERMINAL);
    }
}
