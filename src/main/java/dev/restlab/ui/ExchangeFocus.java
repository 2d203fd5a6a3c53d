package dev.restlab.ui;

/** Lets a form ask the traffic view to show the exchange that its next request makes. */
public interface ExchangeFocus {

    /** The next exchange of the window with this method on this path is to be shown when it arrives. */
    void showNext(String method, String path);

    /** For views with no traffic list, e.g. in unit tests. */
    ExchangeFocus NONE = (method, path) -> { };
}
