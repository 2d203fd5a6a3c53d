package dev.restlab.ui.users;

import static dev.restlab.http.Api.USERS;

import dev.restlab.client.ApiResponse;
import dev.restlab.client.UserApiClient;
import dev.restlab.client.UserApiClient.BodyStyle;
import dev.restlab.client.UserRow;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpGlossary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.restlab.ui.ExchangeFocus;
import dev.restlab.ui.UiThreads;

/**
 * The handout's user operations as forms: create, list, filter by name (the non-RESTful way),
 * get by id (the RESTful way), delete. Each goes over HTTP and says what the answer means.
 */
public final class UsersPaneViewModel {

    /** The most users one round fetches: later ones wait for the next round, forms' requests in between. */
    static final int FETCHES_PER_ROUND = 200;

    private final UserApiClient client;
    /** The same client, for what the window sends by itself (tagged so the traffic list can hide it). */
    private final UserApiClient background;
    private final UiThreads threads;
    private final ExchangeFocus focus;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final BooleanProperty sendAsJson = new SimpleBooleanProperty(true);
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final StringProperty idToGet = new SimpleStringProperty("");
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper("All users");
    private final ReadOnlyStringWrapper emptyTableText = new ReadOnlyStringWrapper(NO_USERS_YET);

    private static final String NO_USERS_YET = "No users yet. Create one above, or with curl.";

    /** The filter the table shows now: null for all users. */
    private String activeFilter;
    /** True while the table shows the one user a get-by-id found. */
    private boolean showingOne;

    /**
     * How the table follows the users (FX thread only): ids whose user to fetch and add, ids whose
     * row to remove, whether only a whole reload can tell, and whether a round is under way.
     */
    private final Set<String> toAdd = new LinkedHashSet<>();
    private final Set<String> toRemove = new HashSet<>();
    private final Set<String> shownIds = new HashSet<>();
    /** Ids the round under way is fetching: a DELETE of one may be seen before its answer. */
    private final Set<String> fetching = new HashSet<>();
    private boolean reloadNeeded;
    /** True when the user asked for the next reload (F5): it is sent as theirs, not the window's. */
    private boolean reloadAskedByUser;
    private boolean working;
    /**
     * Which users the table shows, counted up each time that changes (the proxy started or
     * stopped): an answer a round had asked for before then is from the other server, and dropped.
     */
    private int source;
    /** Whose users the table shows: empty for those kept here, else the server a proxy relays to. */
    private String keptBy = "";
    /** The id of the last exchange seen in the traffic (traffic thread only); -1 before the first. */
    private long lastExchangeId = -1;

    /** @param focus shown the exchange each form request makes */
    public UsersPaneViewModel(UserApiClient client, UiThreads threads, ExchangeFocus focus) {
        this.client = client;
        this.background = client.background();
        this.threads = threads;
        this.focus = focus;
    }

    public void create() {
        String sentName = name.get();
        BodyStyle style = sendAsJson.get() ? BodyStyle.JSON : BodyStyle.PLAIN_TEXT;
        focus.showNext("POST", USERS);
        threads.run(() -> client.createUser(sentName, email.get(), style), response -> {
            report("POST " + USERS, response);
            if (response.status() == 201) {
                name.set("");
                email.set("");
                Optional<String> id = response.header("Location").flatMap(UsersPaneViewModel::idIn);
                id.ifPresentOrElse(this::added, this::refresh);
            }
        }, this::failed);
    }

    /**
     * Reloads the whole table because the user asked (F5): the same reload as {@link #refresh()},
     * but its request is the user's, so the traffic list shows it with the forms' requests rather
     * than hiding it with the window's background ones.
     */
    public void reload() {
        reloadAskedByUser = true;
        refresh();
    }

    /**
     * Reloads the whole table (all users, or the active name filter) in the background, as the
     * window does by itself to stay up to date. Asked for while a reload or a fetch is under way,
     * it makes one more reload after it.
     */
    public void refresh() {
        reloadNeeded = true;
        toAdd.clear();
        toRemove.clear();
        nextRound();
    }

    /** A user was created: its row is fetched and added, unless the table has it already. */
    private void added(String id) {
        if (!shownIds.contains(id)) {
            toAdd.add(id);
            nextRound();
        }
    }

    /** A user was deleted: its row goes. */
    private void removed(String id) {
        toAdd.remove(id);
        if (shownIds.contains(id) || fetching.contains(id)) {
            toRemove.add(id);
            nextRound();
        }
    }

    /**
     * One round of following, at most one at a time: a whole reload when one is needed, else the
     * users created since the last round, fetched one by one ({@code GET /people/v1/users/{id}}),
     * then the rows of deleted users removed. What arrives meanwhile waits for the next round, so
     * a flood of changes costs one table update per round, not one per change.
     */
    private void nextRound() {
        if (working || (!reloadNeeded && toAdd.isEmpty() && toRemove.isEmpty())) {
            return;
        }
        working = true;
        if (reloadNeeded || showingOne) {
            reloadNeeded = false;
            toAdd.clear();
            toRemove.clear();
            String filter = activeFilter;
            UserApiClient sender = reloadAskedByUser ? client : background;
            reloadAskedByUser = false;
            int askedOf = source;
            threads.run(() -> filter == null ? sender.listUsers() : sender.filterByName(filter), response -> {
                if (askedOf == source) {
                    showUsers(response, filter);
                }
                roundDone();
            }, failure -> {
                if (askedOf == source) {
                    failed(failure);
                }
                working = false; // no next round until a change or a restart asks again
                if (askedOf != source) {
                    nextRound();
                }
            });
            return;
        }
        List<String> fetch = new ArrayList<>(Math.min(toAdd.size(), FETCHES_PER_ROUND));
        for (Iterator<String> ids = toAdd.iterator(); ids.hasNext() && fetch.size() < FETCHES_PER_ROUND; ) {
            fetch.add(ids.next());
            ids.remove();
        }
        Set<String> gone = Set.copyOf(toRemove);
        toRemove.clear();
        fetching.addAll(fetch);
        String filter = activeFilter;
        int askedOf = source;
        threads.run(() -> fetchUsers(fetch), fetched -> {
            fetching.clear();
            if (askedOf != source) {
                roundDone();
                return;
            }
            List<UserRow> rows = new ArrayList<>(fetched.size());
            for (UserRow row : fetched) {
                if (toRemove.remove(row.id())) {
                    continue; // deleted after the server answered its GET: not to be shown
                }
                if ((filter == null || filter.equals(row.name())) && shownIds.add(row.id())) {
                    rows.add(row);
                }
            }
            if (!gone.isEmpty()) {
                users.removeIf(row -> gone.contains(row.id()));
                shownIds.removeAll(gone);
            }
            users.addAll(rows);
            if (!rows.isEmpty() || !gone.isEmpty()) {
                showCount(filter);
            }
            roundDone();
        }, failure -> {
            fetching.clear();
            // Some changes are lost with the answer: only a reload can tell (unless they were another server's).
            reloadNeeded |= askedOf == source;
            working = false;
        });
    }

    /** The users with these ids, as the server answers them now; one deleted meanwhile is left out. */
    private List<UserRow> fetchUsers(List<String> ids) throws java.io.IOException, InterruptedException {
        List<UserRow> fetched = new ArrayList<>(ids.size());
        for (String id : ids) {
            ApiResponse response = background.getUser(id);
            if (response.status() == 200) {
                fetched.addAll(response.users());
            }
        }
        return fetched;
    }

    /**
     * The users clients see now live in the server at {@code where} (a proxy relays to it): the
     * rows of the users kept here go at once, and the table shows that server's users from its
     * next reload on (the window reloads as the proxy starts).
     */
    public void followServerAt(String where) {
        source++;
        keptBy = where;
        startOver();
    }

    /**
     * The proxy stopped: the table shows the users kept here again, as {@code kept} reads them
     * (the built-in API is not serving, so they cannot be asked for over HTTP; they are what it
     * serves when started).
     */
    public void showKeptHere(Callable<List<UserRow>> kept) {
        int now = ++source;
        keptBy = "";
        startOver();
        threads.run(kept, rows -> {
            if (now == source) {
                setRows(rows);
                showCount(activeFilter);
            }
        }, this::failed);
    }

    /** Forgets the rows and the filter of the users shown until now: they were another server's. */
    private void startOver() {
        activeFilter = null;
        showingOne = false;
        nameFilter.set("");
        reloadNeeded = false;
        toAdd.clear();
        toRemove.clear();
        setRows(List.of());
        showCount(null);
        emptyTableText.set(noUsersYet());
    }

    private void roundDone() {
        working = false;
        nextRound();
    }

    public void applyFilter() {
        String filter = nameFilter.get().strip();
        activeFilter = filter.isEmpty() ? null : filter;
        showingOne = false;
        focus.showNext("GET", USERS);
        String shownFilter = activeFilter; // the worker thread reads this copy, not the field
        threads.run(() -> shownFilter == null ? client.listUsers() : client.filterByName(shownFilter), response -> {
            report("GET " + USERS + (shownFilter == null ? "" : "?name=" + shownFilter), response);
            showUsers(response, shownFilter);
        }, this::failed);
    }

    public void clearFilter() {
        nameFilter.set("");
        applyFilter();
    }

    public void getById() {
        String id = idToGet.get().strip();
        if (id.isEmpty()) {
            outcome.set("Type or paste a user's id first (select a row to copy its id).");
            return;
        }
        String path = UserApiClient.userPath(id); // as it goes on the wire: "nope x" is nope%20x
        focus.showNext("GET", path);
        threads.run(() -> client.getUser(id), response -> {
            report("GET " + path, response);
            if (response.status() == 200) {
                activeFilter = null;
                showingOne = true; // the next change anywhere reloads all users
                setRows(response.users());
                shown.set("The user with id " + id);
            }
        }, this::failed);
    }

    public void delete(List<UserRow> selected) {
        if (selected.isEmpty()) {
            outcome.set("Select one or more users in the table to delete them.");
            return;
        }
        List<UserRow> doomed = List.copyOf(selected);
        // The outcome tells of the last DELETE, so the traffic pane shows that one too.
        String lastPath = UserApiClient.userPath(doomed.get(doomed.size() - 1).id());
        focus.showNext("DELETE", lastPath);
        threads.run(() -> {
            ApiResponse last = null;
            List<String> deleted = new ArrayList<>();
            for (UserRow user : doomed) {
                last = client.deleteUser(user.id());
                if (last.status() == 204) {
                    deleted.add(user.id());
                }
            }
            return new Deleted(last, deleted);
        }, result -> {
            report("DELETE " + lastPath
                    + (doomed.size() > 1 ? " (the last of " + doomed.size() + " DELETEs, one per user)" : ""),
                    result.last());
            result.ids().forEach(this::removed);
        }, this::failed);
    }

    /**
     * Told of every batch of captured traffic, from any thread. When another client (curl in a
     * terminal, a browser, the composer) created a user, the table fetches that one user and adds
     * it; when one deleted a user, its row goes. Only when the traffic cannot tell (exchanges
     * were missed, a 201 names no user) is the whole table reloaded. The forms' own changes are
     * left out: they update the table themselves when their answer comes.
     */
    public void onTraffic(List<Exchange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean missed = lastExchangeId >= 0 && batch.get(0).id() != lastExchangeId + 1;
        lastExchangeId = batch.get(batch.size() - 1).id();
        List<String> created = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (Exchange e : batch) {
            if (!changesUsers(e) || UserApiClient.sentByForms(e)) {
                continue;
            }
            Optional<String> id = e.method().equals("POST")
                    ? e.response().header("Location").flatMap(UsersPaneViewModel::idIn)
                    : idIn(e.path());
            if (id.isEmpty()) {
                missed = true;
            } else {
                (e.method().equals("POST") ? created : deleted).add(id.get());
            }
        }
        if (missed) {
            threads.fx().execute(this::refresh);
        } else if (!created.isEmpty() || !deleted.isEmpty()) {
            threads.fx().execute(() -> {
                created.forEach(this::added);
                deleted.forEach(this::removed);
            });
        }
    }

    private static boolean changesUsers(Exchange e) {
        return e.path().startsWith(USERS)
                && ((e.method().equals("POST") && e.status() == 201) || (e.method().equals("DELETE") && e.status() == 204));
    }

    /** The id in a user's path ({@code /people/v1/users/ID}); empty for any other path or an escaped id. */
    static Optional<String> idIn(String path) {
        String prefix = USERS + "/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = path.substring(prefix.length());
        return id.isEmpty() || id.contains("/") || id.contains("%") || id.contains("?")
                ? Optional.empty() : Optional.of(id);
    }

    /** Shows the id of a selected row in the get-by-id field, ready for the RESTful way. */
    public void select(UserRow user) {
        if (user != null) {
            idToGet.set(user.id());
        }
    }

    private void showUsers(ApiResponse response, String filter) {
        if (response.status() == 200) {
            setRows(response.users());
            showCount(filter);
            emptyTableText.set(noUsersYet());
        } else if (response.status() == 404 && filter != null) {
            setRows(List.of());
            shown.set("No user is named '" + filter + "': the server answered 404");
            emptyTableText.set("No user named '" + filter + "' (the server answered 404).");
        }
    }

    private String noUsersYet() {
        return keptBy.isEmpty() ? NO_USERS_YET : "No users at " + keptBy + " yet. Create one above, or with curl.";
    }

    private void setRows(List<UserRow> rows) {
        users.setAll(rows);
        shownIds.clear();
        rows.forEach(row -> shownIds.add(row.id()));
    }

    private void showCount(String filter) {
        // Whose users they are is said by the top bar (and by the empty table): this title stays short.
        shown.set(filter == null ? "All users (" + users.size() + ")"
                : "Users named '" + filter + "' (" + users.size() + ")");
    }

    /** What a delete of several users did: the last answer, and the ids answered 204. */
    private record Deleted(ApiResponse last, List<String> ids) {
    }

    private void report(String request, ApiResponse response) {
        outcome.set(request + " → " + response.status() + ". " + HttpGlossary.status(response.status())
                + (response.body().isBlank() || response.status() == 200 ? "" : "\nThe server said: "
                        + response.body().strip()));
    }

    private void failed(Exception e) {
        outcome.set("No answer from the server (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "). Is it started? Use Start at the top.");
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public BooleanProperty sendAsJsonProperty() {
        return sendAsJson;
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public StringProperty idToGetProperty() {
        return idToGet;
    }

    public ObservableList<UserRow> users() {
        return FXCollections.unmodifiableObservableList(users);
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** What the empty table says: that there are no users yet, or that none has the filtered name. */
    public ReadOnlyStringProperty emptyTableTextProperty() {
        return emptyTableText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
