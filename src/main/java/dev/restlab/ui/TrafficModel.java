package dev.restlab.ui;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.openapi.Conformance;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TrafficLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ListProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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

/**
 * The window's traffic, apart from any pane that shows it: the live list (every exchange from
 * every client, at most the log's capacity), an imported HAR file shown in its place, the filter,
 * the selection, and Clear with its undo. Exchanges arrive from the capture in batches, one FX
 * update per batch. The panes reach it through narrow interfaces: {@link TrafficSelection} (the
 * diagram, the diff), {@link TrafficImport} (HAR files), {@link Verdicts} (the operation column)
 * and {@link ExchangeFocus} (the forms).
 *
 * <p>While an import is on view the live traffic keeps arriving behind it; {@link #backToLive()}
 * shows it again with nothing lost.
 */
public final class TrafficModel implements TrafficSelection, TrafficImport, Verdicts, ExchangeFocus, AutoCloseable {

    /** How long a Clear can be undone. */
    public static final Duration UNDO_CLEAR_WINDOW = Duration.ofSeconds(8);

    private final TrafficLog log;
    private final Supplier<ApiDescription> api;
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
    private final ObjectProperty<Exchange> selected = new SimpleObjectProperty<>();
    private final ObservableList<Exchange> selection = FXCollections.observableArrayList();
    private final ObservableList<Exchange> selectionView = FXCollections.unmodifiableObservableList(selection);
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final AutoCloseable subscription;

    /** What a form asked to see next: method, path and the newest id when it asked. */
    private record Wanted(String method, String path, long afterId) {
        boolean matches(Exchange e) {
            return e.id() > afterId && e.method().equals(method) && e.path().equals(path) && isOwn(e);
        }
    }

    private Wanted wanted;

    private final ReadOnlyStringWrapper undoClearText = new ReadOnlyStringWrapper("");
    private Delays undoDelays = Delays.AT_ONCE;
    private List<Exchange> cleared = List.of();
    private long clearedUpTo;
    private Runnable cancelForget = () -> { };

    /**
     * Follows {@code log} from now on.
     *
     * @param api the OpenAPI document, parsed on first use
     */
    public TrafficModel(TrafficLog log, UiThreads threads, Supplier<ApiDescription> api) {
        this.log = log;
        this.api = api;
        this.capacity = log.capacity();
        filter.addListener((o, was, now) -> refilter());
        showOwn.addListener((o, was, now) -> refilter());
        showBackground.addListener((o, was, now) -> refilter());
        refilter(); // background requests start hidden
        this.subscription = log.subscribe(batch -> threads.fx().execute(() -> add(batch)));
    }

    /**
     * Which documented operation the exchange was and whether the answer conforms. Checked when
     * a row is shown, not as traffic arrives, so a flood of requests costs only what is seen.
     */
    @Override
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

    @Override
    public boolean select(long id) {
        if (isImportShown() && exchanges.stream().anyMatch(e -> e.id() == id)) {
            backToLive();
        }
        for (Exchange e : exchanges) {
            if (e.id() == id) {
                showOwn.set(showOwn.get() || isOwn(e));
                showBackground.set(showBackground.get() || isBackground(e));
                filter.set("");
                selectOnly(e);
                return true;
            }
        }
        return false;
    }

    @Override
    public void focus(Exchange e) {
        selected.set(e);
    }

    /**
     * Takes one batch of new exchanges, on the FX thread: the log's batches come here, and a
     * test may hand its own. The form's wanted exchange is selected; the oldest beyond capacity go.
     */
    public void add(List<Exchange> batch) {
        exchanges.addAll(batch);
        if (isImportShown()) {
            liveMeanwhile.set(liveMeanwhile.get() + batch.size());
            wanted = null; // a form's request is not to replace the import on view
        }
        if (wanted != null) {
            batch.stream().filter(wanted::matches).findFirst().ifPresent(e -> {
                wanted = null;
                selectOnly(e);
            });
        }
        dropBeyondCapacity();
        arrivals.set(arrivals.get() + batch.size());
    }

    private void dropBeyondCapacity() {
        int excess = exchanges.size() - capacity;
        if (excess > 0) {
            exchanges.remove(0, excess);
        }
    }

    /** Makes {@code e} the one selected exchange. */
    private void selectOnly(Exchange e) {
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
        dropBeyondCapacity();
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
     * {@inheritDoc} Verdicts cached by exchange id are dropped: an imported exchange's id is its
     * place in the file, which live exchanges have too.
     */
    @Override
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
            selectOnly(liveFocus);
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

    @Override
    public List<Exchange> onView() {
        return List.copyOf(onView);
    }

    /**
     * The list's view says which rows are selected, in list order. The detail pane keeps showing
     * {@link #selectedProperty()}, the focused (last chosen) one.
     */
    public void setSelection(List<Exchange> chosen) {
        if (!selection.equals(chosen)) {
            selection.setAll(chosen);
        }
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

    @Override
    public void close() throws Exception {
        subscription.close();
    }

    @Override
    public ObservableList<Exchange> shown() {
        return shown;
    }

    /** Text a shown row contains (method, target, status, client address, User-Agent), any case. */
    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showOwnProperty() {
        return showOwn;
    }

    public BooleanProperty showBackgroundProperty() {
        return showBackground;
    }

    /** The focused exchange; the traffic list's view sets it as rows are chosen. */
    @Override
    public ObjectProperty<Exchange> selectedProperty() {
        return selected;
    }

    @Override
    public ObservableList<Exchange> selectedExchanges() {
        return selectionView;
    }

    @Override
    public ReadOnlyStringProperty importedFromProperty() {
        return importedFrom.getReadOnlyProperty();
    }

    /** How many live exchanges arrived while an import was on view. */
    public ReadOnlyIntegerProperty liveMeanwhileProperty() {
        return liveMeanwhile.getReadOnlyProperty();
    }

    /** Counts every exchange that arrived; the list's view follows the newest when it changes. */
    public ReadOnlyIntegerProperty arrivalsProperty() {
        return arrivals.getReadOnlyProperty();
    }
}
