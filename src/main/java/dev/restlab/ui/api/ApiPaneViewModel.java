package dev.restlab.ui.api;

import dev.restlab.http.Api;
import dev.restlab.openapi.ApiDescription;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.UiThreads;

/** The API as its OpenAPI document, and the way to Swagger UI on the running server. */
public final class ApiPaneViewModel {

    private final Supplier<ApiDescription> api;
    private final ReadOnlyStringWrapper document = new ReadOnlyStringWrapper("Reading the OpenAPI document…");
    private final ReadOnlyIntegerProperty port;
    private final Consumer<String> browser;
    private final UiThreads threads;
    private final Dialogs dialogs;
    private final StringBinding docsUrl;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    /**
     * @param port    where the window's server listens now (-1 while stopped)
     * @param browser opens a URL in the system's browser; throws when it cannot (no browser, no display)
     * @param threads where the browser is started (it may take a moment) and where the outcome is told
     * @param dialogs the clipboard, for the URL when no browser opens
     */
    public ApiPaneViewModel(Supplier<ApiDescription> api, ReadOnlyIntegerProperty port, Consumer<String> browser,
            UiThreads threads, Dialogs dialogs) {
        this.api = api;
        this.port = port;
        this.browser = browser;
        this.threads = threads;
        this.dialogs = dialogs;
        this.docsUrl = Bindings.createStringBinding(() -> url("/docs"), port);
    }

    /** Reads the document off the FX thread (it is parsed once, on first use). */
    public void load(UiThreads threads) {
        threads.run(() -> api.get().yaml(), document::set,
                failure -> document.set("The OpenAPI document could not be read: " + failure.getMessage()));
    }

    public ReadOnlyStringProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    public void openDocs() {
        if (port.get() < 0) {
            note.set("Start the server first: Swagger UI is served by it, at /docs.");
            return;
        }
        String url = docsUrl.get();
        note.set("Opening " + url + " in your browser…");
        threads.run(() -> {
            browser.accept(url);
            return url;
        }, opened -> note.set("Opened " + opened + " in your browser. \"Try it out\" sends real requests:"
                + " watch them arrive in the Traffic tab."), failure -> {
            dialogs.copyToClipboard(url);
            note.set("No browser could be opened here" + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                    + ". Open " + url + " in a browser yourself: the URL is on the clipboard.");
        });
    }

    /** The URL of a path on the running server, or a hint when it is stopped. */
    public String url(String path) {
        return port.get() < 0 ? "(server stopped)" : Api.loopbackUrl(port.get()) + path;
    }

    public StringBinding docsUrlBinding() {
        return docsUrl;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
