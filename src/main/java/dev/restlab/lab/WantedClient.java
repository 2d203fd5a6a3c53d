package dev.restlab.lab;

/** Which client a step's check accepts: any, a terminal (anything but RestLab's window), or the window. */
public enum WantedClient {
    ANY, TERMINAL, WINDOW;

    boolean accepts(Sender sender) {
        return switch (this) {
            case ANY -> true;
            case TERMINAL -> sender == Sender.TERMINAL;
            case WINDOW -> sender != Sender.TERMINAL;
        };
    }

    /** Why a request from {@code sender} does not count: which client the step wants, and why. */
    String why(Sender sender) {
        return this == TERMINAL
                ? "it came from RestLab's window; the step wants a terminal (curl): the point is the request"
                        + " you type yourself, as the handout does"
                : "it came from a terminal; the step wants RestLab's window: the point is what the window sends";
    }
}
