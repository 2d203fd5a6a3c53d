package dev.restlab.ui.traffic;

import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.TrafficCommands;
import dev.restlab.ui.TrafficModel;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import dev.restlab.wire.HttpGlossary;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.Piece;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The traffic pane's own job: the selected exchange shown as it crossed the wire (the request as
 * sent, the response as {@code curl -i} prints it, the facts line and the explanation), the
 * pane's switches, the row texts, and Copy as curl / PowerShell sent to where the server is now.
 * The list, the filter, the selection, imports and Clear are the window's {@link TrafficModel},
 * which the other panes share.
 */
public final class TrafficPaneViewModel implements TrafficCommands {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TrafficModel traffic;
    private final Dialogs dialogs;
    private final IntSupplier serverPort;
    private final BooleanProperty followNewest = new SimpleBooleanProperty(true);
    private final BooleanProperty prettyJson = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<Piece>> requestPieces = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Piece>> responsePieces = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");

    /**
     * @param traffic the window's traffic, whose selection this pane details
     * @param dialogs where the copy commands put their text
     * @param serverPort the port the server listens on now (-1 while stopped): copies are sent there
     */
    public TrafficPaneViewModel(TrafficModel traffic, Dialogs dialogs, IntSupplier serverPort) {
        this.traffic = traffic;
        this.dialogs = dialogs;
        this.serverPort = serverPort;
        traffic.selectedProperty().addListener((o, was, now) -> describe());
        prettyJson.addListener((o, was, now) -> describe());
    }

    /** The list this pane shows, with its filter, selection, import and Clear. */
    public TrafficModel traffic() {
        return traffic;
    }

    @Override
    public void clear() {
        traffic.clear();
    }

    /** The selected exchange as a bash command that sends it again, to where the server is now. */
    public String copyAsCurl() {
        Exchange e = traffic.selectedProperty().get();
        return e == null ? "" : portNote(e) + CurlText.copyAsCurl(e, baseUrl(e));
    }

    /** The selected exchange as a PowerShell command that sends it again, to where the server is now. */
    public String copyAsPowerShell() {
        Exchange e = traffic.selectedProperty().get();
        return e == null ? "" : portNote(e) + CurlText.copyAsPowerShell(e, baseUrl(e));
    }

    /** Puts {@link #copyAsCurl()} on the clipboard; with nothing selected, leaves the clipboard alone. */
    @Override
    public void copyCurlToClipboard() {
        copy(copyAsCurl());
    }

    /** Puts {@link #copyAsPowerShell()} on the clipboard; with nothing selected, leaves the clipboard alone. */
    public void copyPowerShellToClipboard() {
        copy(copyAsPowerShell());
    }

    private void copy(String command) {
        if (!command.isEmpty()) {
            dialogs.copyToClipboard(command);
        }
    }

    /**
     * Where a copy is sent: the host the request named, on the port the server has now (an old
     * row may come from before a restart on another port); while the server is stopped, the
     * port the request went to.
     */
    private String baseUrl(Exchange e) {
        HostPort named = HostPort.of(e);
        int now = serverPort.getAsInt();
        return "http://" + named.host() + ":" + (now > 0 ? now : named.port());
    }

    /** A comment line when the copy goes elsewhere than the request went, or nowhere yet. */
    private String portNote(Exchange e) {
        int then = HostPort.of(e).port();
        int now = serverPort.getAsInt();
        if (now > 0 && now != then) {
            return "# This request went to port " + then + "; the server listens on " + now + " now, so this goes there.\n";
        }
        return "";
    }

    /** The host and port a request was addressed to ({@code Host}), or RestLab's default address. */
    private record HostPort(String host, int port) {
        static HostPort of(Exchange e) {
            String host = e.request().header("Host").orElse("").strip();
            int colon = host.lastIndexOf(':');
            if (colon > 0 && colon > host.lastIndexOf(']') && host.substring(colon + 1).matches("\\d{1,5}")) {
                return new HostPort(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
            }
            return new HostPort(host.isEmpty() ? Api.LOOPBACK : host, host.isEmpty() ? Api.DEFAULT_PORT : 80);
        }
    }

    /** One row's "client" cell: address:port, and whether it was this window. */
    public static String client(Exchange e) {
        String address = e.connection().clientAddress();
        if (address == null || address.isEmpty()) {
            return "—"; // an imported exchange whose file does not say (browsers' HAR files do not)
        }
        return IpAddresses.withPort(e.connection().clientAddress(), e.connection().clientPort()) + (TrafficModel.isOwn(e) ? " · window" : "");
    }

    public static String time(Exchange e) {
        return CLOCK.format(e.started());
    }

    public static String millis(Exchange e) {
        return String.format(Locale.ROOT, "%.1f", e.durationMicros() / 1000.0);
    }

    private void describe() {
        Exchange e = traffic.selectedProperty().get();
        if (e == null) {
            requestPieces.set(List.of());
            responsePieces.set(List.of());
            facts.set("");
            explanation.set("");
            return;
        }
        requestPieces.set(MessagePieces.request(e));
        responsePieces.set(MessagePieces.response(e, prettyJson.get()));
        facts.set(CLOCK.format(e.started()) + " · from " + client(e) + " · " + millis(e) + " ms · "
                + e.request().wireBytes() + " bytes in, " + e.response().wireBytes() + " bytes out"
                + (e.truncated() ? " · body cut to " + Exchange.MAX_STORED_BODY / 1024 + " KiB for display" : "")
                + origin(e));
        String proxy = e.connection().relayedTo().isPresent() ? "Proxy: " + e.whoAnswered() + "\n" : "";
        explanation.set(proxy + "OpenAPI: " + traffic.conformance(e).summary() + "\n" + explain(e));
    }

    /** Who answered, short, for the facts line; the explanation says it in full. */
    private static String origin(Exchange e) {
        if (e.connection().relayedTo().isPresent()) {
            return e.rejected() ? " · answered by RestLab, not the target" : " · relayed to " + e.connection().relayedTo().get();
        }
        return e.rejected() ? " · " + e.whoAnswered() : "";
    }

    static String explain(Exchange e) {
        List<String> lines = new ArrayList<>();
        lines.add(e.status() + " " + HttpGlossary.status(e.status()));
        if (TrafficModel.isOwn(e) && e.request().body().size() == 0 && e.request().header("Content-Length").equals(Optional.of("0"))
                && !e.method().equals("POST") && !e.method().equals("PUT") && !e.method().equals("PATCH")) {
            lines.add("Content-Length: 0 on this " + e.method() + " comes from the HTTP client of Java 17, which"
                    + " the window uses and which adds it to every request (newer Javas do not); curl sends"
                    + " none. To the server an empty body is the same as none.");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Header> headers = new ArrayList<>(e.request().headers());
        headers.addAll(e.response().headers());
        for (Header header : headers) {
            if (seen.add(header.name().toLowerCase(Locale.ROOT))) {
                HttpGlossary.header(header.name()).ifPresent(lines::add);
            }
        }
        return String.join("\n", lines);
    }

    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    public BooleanProperty prettyJsonProperty() {
        return prettyJson;
    }

    /** The selected request as sent, in typed pieces (the view styles them). */
    public ReadOnlyObjectProperty<List<Piece>> requestPiecesProperty() {
        return requestPieces.getReadOnlyProperty();
    }

    /** The selected response as curl -i prints it (re-indented with Pretty JSON), in typed pieces. */
    public ReadOnlyObjectProperty<List<Piece>> responsePiecesProperty() {
        return responsePieces.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
