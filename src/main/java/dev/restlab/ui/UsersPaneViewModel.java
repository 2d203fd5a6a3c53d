package dev.restlab.ui;

import static dev.restlab.http.Api.USERS;

import dev.restlab.client.ApiResponse;
import dev.restlab.client.UserApiClient;
import dev.restlab.client.UserApiClient.BodyStyle;
import dev.restlab.client.UserRow;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpGlossary;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The handout's user operations as forms: create, list, filter by name (the non-RESTful way),
 * get by id (the RESTful way), delete. Each goes over HTTP and says what the answer means.
 */
public final class UsersPaneViewModel {

    private final UserApiClient client;
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
    private boolean refreshing;
    private boolean refreshAgain;

    /** @param focus shown the exchange each form request makes */
    public UsersPaneViewModel(UserApiClient client, UiThreads threads, ExchangeFocus focus) {
        this.client = client;
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
                refresh();
            }
        }, this::failed);
    }

    /** Reloads the table: all users, or the active name filter. */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true; // under a load of POSTs, one reload at a time, then one more
            return;
        }
        refreshing = true;
        String filter = activeFilter;
        threads.run(() -> filter == null ? client.listUsers() : client.filterByName(filter), response -> {
            showUsers(response, filter);
            refreshDone();
        }, failure -> {
            failed(failure);
            refreshDone();
        });
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    public void applyFilter() {
        String filter = nameFilter.get().strip();
        activeFilter = filter.isEmpty() ? null : filter;
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
                users.setAll(response.users());
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
            for (UserRow user : doomed) {
                last = client.deleteUser(user.id());
            }
            return last;
        }, response -> {
            report("DELETE " + lastPath
                    + (doomed.size() > 1 ? " (the last of " + doomed.size() + " DELETEs, one per user)" : ""), response);
            refresh();
        }, this::failed);
    }

    /**
     * Told of every batch of captured traffic, from any thread: when another client (curl in a
     * terminal, a browser, the composer) created or deleted a user, the table reloads. The forms'
     * own changes are left out: they reload the table themselves when their answer comes.
     */
    public void onTraffic(List<Exchange> batch) {
        if (batch.stream().anyMatch(UsersPaneViewModel::changedUsersElsewhere)) {
            threads.fx().execute(this::refresh);
        }
    }

    private static boolean changedUsersElsewhere(Exchange e) {
        boolean changed = e.path().startsWith(USERS)
                && ((e.method().equals("POST") && e.status() == 201) || (e.method().equals("DELETE") && e.status() == 204));
        return changed && !UserApiClient.sentByForms(e);
    }

    /** Shows the id of a selected row in the get-by-id field, ready for the RESTful way. */
    public void select(UserRow user) {
        if (user != null) {
            idToGet.set(user.id());
        }
    }

    private void showUsers(ApiResponse response, String filter) {
        if (response.status() == 200) {
            users.setAll(response.users());
            shown.set(filter == null ? "All users (" + users.size() + ")"
                    : "Users named '" + filter + "' (" + users.size() + ")");
            emptyTableText.set(NO_USERS_YET);
        } else if (response.status() == 404 && filter != null) {
            users.clear();
            shown.set("No user is named '" + filter + "': the server answered 404");
            emptyTableText.set("No user named '" + filter + "' (the server answered 404).");
        }
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
