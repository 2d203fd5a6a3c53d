package dev.restlab.ui.traffic;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.http.Api;
import dev.restlab.http.IpAddresses;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.openapi.Conformance;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpGlossary;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.Piece;
import dev.restlab.wire.Header;
import dev.restlab.wire.TrafficLog;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ListProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleListProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import dev.restlab.ui.Delays;
import dev.restlab.ui.Dialogs;
import dev.restlab.ui.ExchangeFocus;
import dev.restlab.ui.UiThreads;

/**
 * The live traffic list, every exchange from every client, and the selected exchange shown as
 * curl would print it. Exchanges arrive from the capture in batches, one FX update per batch.
 *
 * <p>The list may instead show exchanges imported from a HAR file, read-only, while the live
 * traffic keeps arriving behind it; {@link #backToLive()} shows it again with nothing lost.
 */
public final class TrafficPaneViewModel implements AutoCloseable, ExchangeFocus {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final TrafficLog log;
    private final Supplier<ApiDescription> api;
    private final Dialogs dialogs;
    private final IntSupplier serverPort;
    private final Map<Long, Conformance> verdicts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Conformance> eldest) {
            return size() > 2_000;
        }
    };
    private final int capacity;
    private final ObservableList<Exchange> exchanges = FXCollections.observableArrayList();
    private final ObservableList<Exchange> imported = FXCollections.observableArrayList();
    /** The list on view: the live exchanges or the imported ones (a ListProperty tells the filter when it is swapped). */
    private final ListProperty<Exchange> onView = new SimpleListProperty<>(exchanges);
    private final FilteredList<Exchange> shown = new FilteredList<>(onView);
    private final ReadOnlyStringWrapper importedFrom = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper liveMeanwhile = new ReadOnlyIntegerWrapper();
    /** The live exchange that was selected when an import was shown, selected again on the way back. */
    private Exchange liveFocus;
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty showOwn = new SimpleBooleanProperty(true);
    /** Off: the refreshes the window sends by itself (e.g. fetching a user curl created) are hidden. */
    private final BooleanProperty showBackground = new SimpleBooleanProperty(false);
    private final BooleanProperty followNewest = new SimpleBooleanProperty(true);
    private final BooleanProperty prettyJson = new SimpleBooleanProperty(false);
    private final ObjectProperty<Exchange> selected = new SimpleObjectProperty<>();
    private final ObservableList<Exchange> selection = FXCollections.observableArrayList();
    private final ObservableList<Exchange> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyObjectWrapper<List<Piece>> requestPieces = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Piece>> responsePieces = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final AutoCloseable subscription;

    /** What a form asked to see next: method, path and the newest id when it asked. */
    private record Wanted(String method, String path, long afterId) {
        boolean matches(Exchange e) {
            return e.id() > afterId && e.method().equals(method) && e.path().equals(path) && isOwn(e);
        }
    }

    private Wanted wanted;

    /** How long a Clear can be undone. */
    public static final Duration UNDO_CLEAR_WINDOW = Duration.ofSeconds(8);
    private final ReadOnlyStringWrapper undoClearText = new ReadOnlyStringWrapper("");
    private Delays undoDelays = Delays.AT_ONCE;
    private List<Exchange> cleared = List.of();
    private long clearedUpTo;
    private Runnable cancelForget = () -> { };

    /**
     * @param api the OpenAPI document, parsed on first use
     * @param dialogs where the copy commands put their text
     */
    public TrafficPaneViewModel(TrafficLog log, UiThreads threads, Supplier<ApiDescription> api, Dialogs dialogs) {
        this(log, threads, api, dialogs, () -> -1);
    }

    /**
     * @param api the OpenAPI document, parsed on first use
     * @param dialogs where the copy commands put their text
     * @param serverPort the port the server listens on now (-1 while stopped): copies are sent there
     */
    public TrafficPaneViewModel(TrafficLog log, UiThreads threads, Supplier<ApiDescription> api, Dialogs dialogs,
            IntSupplier serverPort) {
        this.serverPort = serverPort;
        this.log = log;
        this.api = api;
        this.dialogs = dialogs;
        this.capacity = log.capacity();
        filter.addListener((o, was, now) -> refilter());
        showOwn.addListener((o, was, now) -> refilter());
        showBackground.addListener((o, was, now) -> refilter());
        refilter(); // background requests start hidden
        selected.addListener((o, was, now) -> describe());
        prettyJson.addListener((o, was, now) -> describe());
        this.subscription = log.subscribe(batch -> threads.fx().execute(() -> add(batch)));
    }

    /**
     * Which documented operation the exchange was and whether the answer conforms. Checked when
     * a row is shown, not as traffic arrives, so a flood of requests costs only what is seen.
     */
    public Conformance conformance(Exchange e) {
        return verdicts.computeIfAbsent(e.id(), id -> api.get().check(e));
    }

    /** The window's own requests carry its User-Agent. */
    public static boolean isOwn(Exchange e) {
        return UserApiClient.sentByWindow(e);
    }

    /** Requests the window sent by itself, not because the user asked (see {@link WindowTag.Kind#BACKGROUND}). */
    public static boolean isBackground(Exchange e) {
        return WindowTag.kindOf(e).filter(kind -> kind == WindowTag.Kind.BACKGROUND).isPresent();
    }

    @Override
    public void showNext(String method, String path) {
        wanted = new Wanted(method, path, log.lastId());
    }

    /** Selects the live exchange with this id, if the list still has it; tells whether it did. */
    public boolean select(long id) {
        if (isImportShown() && exchanges.stream().anyMatch(e -> e.id() == id)) {
            backToLive();
        }
        for (Exchange e : exchanges) {
            if (e.id() == id) {
                showOwn.set(showOwn.get() || isOwn(e));
                showBackground.set(showBackground.get() || isBackground(e));
                filter.set("");
                focus(e);
                return true;
            }
        }
        return false;
    }

    public void add(List<Exchange> batch) {
        exchanges.addAll(batch);
        if (isImportShown()) {
            liveMeanwhile.set(liveMeanwhile.get() + batch.size());
            wanted = null; // a form's request is not to replace the import on view
        }
        if (wanted != null) {
            batch.stream().filter(wanted::matches).findFirst().ifPresent(e -> {
                wanted = null;
                focus(e);
            });
        }
        int excess = exchanges.size() - capacity;
        if (excess > 0) {
            exchanges.remove(0, excess);
        }
        arrivals.set(arrivals.get() + batch.size());
    }

    /** Makes {@code e} the one selected exchange. */
    private void focus(Exchange e) {
        selection.setAll(List.of(e));
        selected.set(e);
    }

    /**
     * Empties the list at once; the cleared exchanges can be brought back with {@link #undoClear()}
     * for {@link #UNDO_CLEAR_WINDOW}, after which the traffic log forgets them too.
     */
    public void clear() {
        if (isImportShown()) {
            return; // the live traffic is not on view: it would vanish unseen
        }
        forgetCleared(); // a clear still open to undo becomes final
        List<Exchange> gone = List.copyOf(exchanges);
        exchanges.clear();
        selection.clear();
        selected.set(null);
        cleared = gone;
        clearedUpTo = gone.isEmpty() ? log.lastId() : gone.get(gone.size() - 1).id();
        undoClearText.set(gone.isEmpty() ? "" : "Undo clear (" + gone.size() + ")");
        cancelForget = undoDelays.after(UNDO_CLEAR_WINDOW, this::forgetCleared);
    }

    /** Brings back what the last {@link #clear()} emptied, while that is still possible. */
    public void undoClear() {
        if (cleared.isEmpty()) {
            return;
        }
        cancelForget.run();
        exchanges.addAll(0, cleared); // before what arrived since
        int excess = exchanges.size() - capacity;
        if (excess > 0) {
            exchanges.remove(0, excess);
        }
        cleared = List.of();
        clearedUpTo = 0;
        undoClearText.set("");
    }

    private void forgetCleared() {
        if (clearedUpTo > 0) {
            long upTo = clearedUpTo;
            log.forgetUpTo(upTo);
            verdicts.keySet().removeIf(id -> id <= upTo);
        }
        cleared = List.of();
        clearedUpTo = 0;
        undoClearText.set("");
    }

    /** How the undo of a clear is timed: the window passes {@link FxDelays}; by default there is no undo. */
    public void useUndoDelays(Delays delays) {
        this.undoDelays = delays;
    }

    /** The undo button's text while a clear can be undone, else empty. */
    public ReadOnlyStringProperty undoClearTextProperty() {
        return undoClearText.getReadOnlyProperty();
    }

    /**
     * Shows {@code exchanges}, read from the HAR file {@code fileName}, in place of the live
     * traffic, which keeps arriving meanwhile. Verdicts cached by exchange id are dropped: an
     * imported exchange's id is its place in the file, which live exchanges have too.
     */
    public void showImport(String fileName, List<Exchange> fromFile) {
        if (!isImportShown()) {
            liveFocus = selected.get();
        }
        forgetView();
        imported.setAll(fromFile);
        onView.set(imported);
        liveMeanwhile.set(0);
        importedFrom.set(fileName);
    }

    /** Shows the live traffic again, all of it, with the exchange selected before the import. */
    public void backToLive() {
        if (!isImportShown()) {
            return;
        }
        forgetView();
        onView.set(exchanges);
        imported.clear();
        importedFrom.set("");
        if (liveFocus != null && exchanges.contains(liveFocus)) {
            focus(liveFocus);
        }
        liveFocus = null;
    }

    public boolean isImportShown() {
        return !importedFrom.get().isEmpty();
    }

    private void forgetView() {
        verdicts.clear();
        wanted = null;
        selection.clear();
        selected.set(null);
    }

    /** Every exchange of the list on view, filtered or not: the live ones or the imported ones. */
    public List<Exchange> onView() {
        return List.copyOf(onView);
    }

    /**
     * The view says which rows are selected, in list order. The detail pane keeps showing
     * {@link #selectedProperty()}, the focused (last chosen) one.
     */
    public void setSelection(List<Exchange> chosen) {
        if (!selection.equals(chosen)) {
            selection.setAll(chosen);
        }
    }

    /** The selected exchange as a bash command that sends it again, to where the server is now. */
    public String copyAsCurl() {
        Exchange e = selected.get();
        return e == null ? "" : portNote(e) + CurlText.copyAsCurl(e, baseUrl(e));
    }

    /** The selected exchange as a PowerShell command that sends it again, to where the server is now. */
    public String copyAsPowerShell() {
        Exchange e = selected.get();
        return e == null ? "" : portNote(e) + CurlText.copyAsPowerShell(e, baseUrl(e));
    }

    /** Puts {@link #copyAsCurl()} on the clipboard; with nothing selected, leaves the clipboard alone. */
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
        return IpAddresses.withPort(e.connection().clientAddress(), e.connection().clientPort()) + (isOwn(e) ? " · window" : "");
    }

    public static String time(Exchange e) {
        return CLOCK.format(e.started());
    }

    public static String millis(Exchange e) {
        return String.format(Locale.ROOT, "%.1f", e.durationMicros() / 1000.0);
    }

    private void refilter() {
        String needle = filter.get().strip().toLowerCase(Locale.ROOT);
        Predicate<Exchange> own = e -> (showOwn.get() || !isOwn(e)) && (showBackground.get() || !isBackground(e));
        shown.setPredicate(own.and(e -> needle.isEmpty() || haystack(e).contains(needle)));
    }

    private static String haystack(Exchange e) {
        return (e.method() + " " + e.target() + " " + e.status() + " " + e.connection().clientAddress() + " "
                + e.request().header("User-Agent").orElse("")).toLowerCase(Locale.ROOT);
    }

    private void describe() {
        Exchange e = selected.get();
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
        explanation.set(proxy + "OpenAPI: " + conformance(e).summary() + "\n" + explain(e));
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
        if (isOwn(e) && e.request().body().size() == 0 && e.request().header("Content-Length").equals(Optional.of("0"))
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

    @Override
    public void close() throws Exception {
        subscription.close();
    }

    public ObservableList<Exchange> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showOwnProperty() {
        return showOwn;
    }

    public BooleanProperty showBackgroundProperty() {
        return showBackground;
    }

    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    public BooleanProperty prettyJsonProperty() {
        return prettyJson;
    }

    /** The focused exchange, the one the detail pane shows (the last one chosen). */
    public ObjectProperty<Exchange> selectedProperty() {
        return selected;
    }

    /** Every selected exchange, in the list's order (read-only: the view sets it with {@link #setSelection}). */
    public ObservableList<Exchange> selectedExchanges() {
        return selectionView;
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

    /** The name of the HAR file whose exchanges are on view, or "" while the live traffic is. */
    public ReadOnlyStringProperty importedFromProperty() {
        return importedFrom.getReadOnlyProperty();
    }

    /** How many live exchanges arrived while an import was on view. */
    public ReadOnlyIntegerProperty liveMeanwhileProperty() {
        return liveMeanwhile.getReadOnlyProperty();
    }

    /** Counts every exchange that arrived; the view follows the newest when it changes. */
    public ReadOnlyIntegerProperty arrivalsProperty() {
        return arrivals.getReadOnlyProperty();
    }
}
