package dev.restlab.ui.composer;

import dev.restlab.client.RawHttp;
import dev.restlab.http.Api;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.restlab.ui.UiThreads;

/**
 * A request written by hand, any method, path, headers and body, sent byte for byte as typed:
 * the place to try a 405, a 415 or malformed JSON.
 */
public final class ComposerPaneViewModel {

    /** A ready-made request that shows one thing about HTTP. */
    public record Example(String title, String method, String target, String headers, String body) {
        @Override
        public String toString() {
            return title;
        }
    }

    public static final List<Example> EXAMPLES = List.of(
            new Example("Create John (201)", "POST", Api.USERS, "Content-Type: application/json",
                    "{\"name\": \"John\", \"email\": \"john@example.com\"}"),
            new Example("Missing email (400)", "POST", Api.USERS, "Content-Type: application/json",
                    "{\"name\": \"John\"}"),
            new Example("Malformed JSON (400)", "POST", Api.USERS, "Content-Type: application/json",
                    "{\"name\": \"John\", "),
            new Example("Not JSON (415)", "POST", Api.USERS, "Content-Type: text/plain",
                    "name=John&email=john@example.com"),
            new Example("Wrong method (405)", "PUT", Api.USERS, "", ""),
            new Example("Which methods? (OPTIONS)", "OPTIONS", Api.USERS, "", ""),
            new Example("Headers only (HEAD)", "HEAD", Api.USERS, "", ""),
            new Example("Missing slash (308)", "GET", "/test", "", ""));

    private final ReadOnlyIntegerProperty port;

    private final UiThreads threads;

    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty target = new SimpleStringProperty(Api.USERS);
    private final StringProperty headers = new SimpleStringProperty("Accept: application/json");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper response = new ReadOnlyStringWrapper("");
    private final StringBinding preview;

    /** @param port where the window's server listens now (-1 while stopped) */
    public ComposerPaneViewModel(ReadOnlyIntegerProperty port, UiThreads threads) {
        this.port = port;
        this.threads = threads;
        this.preview = Bindings.createStringBinding(this::requestText, method, target, headers, body, port);
    }

    public void use(Example example) {
        if (example != null) {
            method.set(example.method());
            target.set(example.target());
            headers.set(example.headers());
            body.set(example.body());
        }
    }

    public void send() {
        if (method.get().isBlank() || !target.get().strip().startsWith("/")) {
            response.set("Type a method (GET, POST, …) and a path that starts with /, e.g. " + Api.USERS + ".");
            return;
        }
        if (port.get() < 0) {
            response.set("The server is stopped. Start it at the top, then send.");
            return;
        }
        String request = requestText();
        int to = port.get();
        response.set("Sending…");
        threads.run(() -> RawHttp.exchange(Api.LOOPBACK, to, request),
                answer -> response.set(answer.isEmpty() ? "The server closed the connection without an answer." : answer),
                failure -> response.set("Could not reach " + Api.LOOPBACK + ":" + to + ": " + failure.getMessage()
                        + ". Is the server started?"));
    }

    private String requestText() {
        return RawHttp.compose(method.get(), target.get(), headers.get(), body.get(), Api.LOOPBACK + ":" + port.get());
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty headersProperty() {
        return headers;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyStringProperty responseProperty() {
        return response.getReadOnlyProperty();
    }

    /** The exact text that Send will put on the wire. */
    public StringBinding previewBinding() {
        return preview;
    }
}
