package dev.restlab.ui.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.client.UserApiClient;
import dev.restlab.client.WindowTag;
import dev.restlab.client.UserRow;
import dev.restlab.http.Api;
import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Exchange;
import dev.restlab.testing.Await;
import dev.restlab.users.User;
import dev.restlab.wire.TrafficLog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.restlab.ui.ExchangeFocus;
import dev.restlab.ui.UiThreads;
import dev.restlab.ui.ViewModelTestSupport;

/** The users ViewModel against the real server over real HTTP, without a stage. */
class UsersPaneViewModelTest {

    private ApiServer server;
    private UsersPaneViewModel users;

    @BeforeEach
    void start() {
        server = new ApiServer(new InMemoryUserStore());
        int port = server.start("127.0.0.1", 0);
        users = new UsersPaneViewModel(new UserApiClient(() -> URI.create("http://127.0.0.1:" + port)),
                ViewModelTestSupport.SAME_THREAD, ExchangeFocus.NONE);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void create(String name, String email) {
        users.nameProperty().set(name);
        users.emailProperty().set(email);
        users.create();
    }

    @Test
    void create_posts_clears_the_form_and_lists_the_new_user() {
        create("John", "john@example.com");

        assertTrue(users.outcomeProperty().get().startsWith("POST /people/v1/users → 201. Created"),
                users.outcomeProperty().get());
        assertEquals("", users.nameProperty().get());
        assertEquals(1, users.users().size());
        assertEquals("John", users.users().get(0).name());
    }

    @Test
    void an_empty_field_is_sent_and_the_400_explained_keeping_the_form() {
        create("John", "");

        assertTrue(users.outcomeProperty().get().contains("→ 400. Bad Request"), users.outcomeProperty().get());
        assertTrue(users.outcomeProperty().get().contains("Missing required fields (name and email)"));
        assertEquals("John", users.nameProperty().get());
        assertEquals(0, users.users().size());
    }

    @Test
    void unticking_json_shows_the_415() {
        users.sendAsJsonProperty().set(false);
        create("John", "john@example.com");
        assertTrue(users.outcomeProperty().get().contains("→ 415. Unsupported Media Type"));
        assertTrue(users.outcomeProperty().get().contains("Request must be JSON"));
    }

    @Test
    void filter_hits_and_misses_the_way_the_handout_shows() {
        create("John", "john@example.com");
        create("Ann", "ann@example.com");

        users.nameFilterProperty().set("John");
        users.applyFilter();
        assertEquals(List.of("John"), users.users().stream().map(UserRow::name).toList());
        assertEquals("Users named 'John' (1)", users.shownProperty().get());

        users.nameFilterProperty().set("Zoe");
        users.applyFilter();
        assertEquals(0, users.users().size());
        assertTrue(users.outcomeProperty().get().contains("→ 404"));
        assertTrue(users.outcomeProperty().get().contains("User with name 'Zoe' not found"));

        users.clearFilter();
        assertEquals(2, users.users().size());
    }

    @Test
    void a_404_from_the_filter_says_no_user_has_that_name_not_that_there_are_no_users() {
        create("John", "john@example.com");
        assertEquals("No users yet. Create one above, or with curl.", users.emptyTableTextProperty().get());
        users.nameFilterProperty().set("Nobody");
        users.applyFilter();
        assertEquals(0, users.users().size());
        assertEquals("No user named 'Nobody' (the server answered 404).", users.emptyTableTextProperty().get());
        users.clearFilter();
        assertEquals("No users yet. Create one above, or with curl.", users.emptyTableTextProperty().get());
    }

    @Test
    void the_traffic_pane_is_asked_for_the_paths_as_sent_and_for_the_last_of_several_deletes() {
        List<String> asked = new java.util.ArrayList<>();
        UsersPaneViewModel focused = new UsersPaneViewModel(
                new UserApiClient(() -> URI.create("http://127.0.0.1:" + server.port())),
                ViewModelTestSupport.SAME_THREAD, (method, path) -> asked.add(method + " " + path));
        focused.idToGetProperty().set("nope x");
        focused.getById();
        assertEquals("GET /people/v1/users/nope%20x", asked.get(0));
        assertTrue(focused.outcomeProperty().get().startsWith("GET /people/v1/users/nope%20x → 404"),
                focused.outcomeProperty().get());

        List<UserRow> two = List.of(new UserRow("id-1", "A", "a@x"), new UserRow("id-2", "B", "b@x"));
        focused.delete(two);
        assertEquals("DELETE /people/v1/users/id-2", asked.get(asked.size() - 1));
        assertTrue(focused.outcomeProperty().get().startsWith("DELETE /people/v1/users/id-2 (the last of 2 DELETEs"),
                focused.outcomeProperty().get());
    }

    @Test
    void get_by_id_shows_that_user_or_the_404() {
        create("John", "john@example.com");
        UserRow john = users.users().get(0);
        users.select(john);
        assertEquals(john.id(), users.idToGetProperty().get());

        users.getById();
        assertEquals(List.of(john), users.users());

        users.idToGetProperty().set("no-such-id");
        users.getById();
        assertTrue(users.outcomeProperty().get().contains("→ 404"));
        assertTrue(users.outcomeProperty().get().contains("User with ID no-such-id not found"));
    }

    @Test
    void delete_removes_every_selected_user() {
        create("John", "john@example.com");
        create("Ann", "ann@example.com");
        create("Zoe", "zoe@example.com");

        users.delete(List.copyOf(users.users().subList(0, 2)));

        assertTrue(users.outcomeProperty().get().contains("→ 204. No Content"), users.outcomeProperty().get());
        assertEquals(List.of("Zoe"), users.users().stream().map(UserRow::name).toList());
    }

    @Test
    void reloads_asked_for_while_one_is_under_way_become_one_more_reload() {
        List<Runnable> backgroundWork = new java.util.ArrayList<>();
        UsersPaneViewModel queued = new UsersPaneViewModel(
                new UserApiClient(() -> URI.create("http://127.0.0.1:" + server.port())),
                new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);

        queued.refresh();
        queued.refresh();
        queued.refresh();
        assertEquals(1, backgroundWork.size());

        backgroundWork.remove(0).run();
        assertEquals(1, backgroundWork.size(), "the two asked for meanwhile make one");
        backgroundWork.remove(0).run();
        assertEquals(0, backgroundWork.size());
    }

    @Test
    void another_clients_post_adds_that_one_user_and_its_delete_removes_the_row_with_no_listing() {
        TrafficLog traffic = new TrafficLog();
        InMemoryUserStore store = new InMemoryUserStore();
        ApiServer watched = new ApiServer(store, traffic);
        int port = watched.start("127.0.0.1", 0);
        try {
            List<Runnable> backgroundWork = new ArrayList<>();
            UsersPaneViewModel watching = new UsersPaneViewModel(
                    new UserApiClient(() -> URI.create("http://127.0.0.1:" + port)),
                    new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);
            User ann = store.create("Ann", "ann@example.com"); // as curl's POST made her

            watching.onTraffic(List.of(created(1, "curl/8.0", ann)));
            runAll(backgroundWork);
            assertEquals(List.of("Ann"), names(watching));

            User bob = store.create("Bob", "bob@example.com");
            store.delete(ann.id());
            watching.onTraffic(List.of(created(2, "curl/8.0", bob), deleted(3, ann)));
            runAll(backgroundWork);
            assertEquals(List.of("Bob"), names(watching));
            assertEquals("All users (1)", watching.shownProperty().get());

            Await.until("the window's two requests in the log", () -> traffic.snapshot().size() == 2);
            for (Exchange sent : traffic.snapshot()) {
                assertTrue(sent.method().equals("GET") && sent.path().startsWith(Api.USERS + "/"),
                        "only the new users are fetched, the list never: " + sent);
                assertEquals(Optional.of(WindowTag.Kind.BACKGROUND), WindowTag.kindOf(sent), sent.toString());
            }
        } finally {
            watched.stop();
        }
    }

    @Test
    void a_delete_seen_while_that_users_row_is_being_fetched_keeps_the_row_out() {
        InMemoryUserStore store = new InMemoryUserStore();
        ApiServer watched = new ApiServer(store);
        int port = watched.start("127.0.0.1", 0);
        try {
            List<Runnable> backgroundWork = new ArrayList<>();
            UsersPaneViewModel watching = new UsersPaneViewModel(
                    new UserApiClient(() -> URI.create("http://127.0.0.1:" + port)),
                    new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);
            User ann = store.create("Ann", "ann@example.com");

            watching.onTraffic(List.of(created(1, "curl/8.0", ann)));
            assertEquals(1, backgroundWork.size(), "Ann's row is being fetched");
            watching.onTraffic(List.of(deleted(2, ann))); // curl's DELETE is seen meanwhile
            backgroundWork.remove(0).run(); // the window's GET was answered 200, before that DELETE
            store.delete(ann.id());
            runAll(backgroundWork);

            assertEquals(List.of(), names(watching), "a deleted user is not shown");
        } finally {
            watched.stop();
        }
    }

    @Test
    void f5s_reload_is_sent_as_the_users_request_and_the_windows_own_reload_as_background() {
        TrafficLog traffic = new TrafficLog();
        InMemoryUserStore store = new InMemoryUserStore();
        ApiServer watched = new ApiServer(store, traffic);
        int port = watched.start("127.0.0.1", 0);
        try {
            List<Runnable> backgroundWork = new ArrayList<>();
            UsersPaneViewModel watching = new UsersPaneViewModel(
                    new UserApiClient(() -> URI.create("http://127.0.0.1:" + port)),
                    new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);
            store.create("Ann", "ann@example.com");

            watching.reload(); // F5
            runAll(backgroundWork);
            assertEquals(List.of("Ann"), names(watching));
            Await.until("F5's listing in the log", () -> traffic.snapshot().size() == 1);
            assertEquals(Optional.of(WindowTag.Kind.USER), WindowTag.kindOf(traffic.snapshot().get(0)));

            store.create("Bob", "bob@example.com");
            watching.refresh(); // as after a reset or missed traffic
            runAll(backgroundWork);
            assertEquals(List.of("Ann", "Bob"), names(watching));
            Await.until("the window's own listing in the log", () -> traffic.snapshot().size() == 2);
            assertEquals(Optional.of(WindowTag.Kind.BACKGROUND), WindowTag.kindOf(traffic.snapshot().get(1)));

            watching.refresh();
            watching.reload(); // pressed while the window's reload is under way: the next one is the user's
            runAll(backgroundWork);
            Await.until("both listings in the log", () -> traffic.snapshot().size() == 4);
            assertEquals(Optional.of(WindowTag.Kind.BACKGROUND), WindowTag.kindOf(traffic.snapshot().get(2)));
            assertEquals(Optional.of(WindowTag.Kind.USER), WindowTag.kindOf(traffic.snapshot().get(3)));
            for (Exchange sent : traffic.snapshot()) {
                assertEquals("GET " + Api.USERS, sent.method() + " " + sent.path());
            }
        } finally {
            watched.stop();
        }
    }

    @Test
    void the_forms_own_changes_are_not_followed_twice_and_refused_posts_change_nothing() {
        List<Runnable> backgroundWork = new ArrayList<>();
        UsersPaneViewModel watching = new UsersPaneViewModel(
                new UserApiClient(() -> URI.create("http://127.0.0.1:" + server.port())),
                new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);

        watching.onTraffic(List.of(posted(1, UserApiClient.USER_AGENT, 201)));
        assertEquals(0, backgroundWork.size(), "the form adds its own user when its answer comes");
        watching.onTraffic(List.of(posted(2, "curl/8.0", 400)));
        assertEquals(0, backgroundWork.size(), "a refused POST changed nothing");
        watching.onTraffic(List.of(created(3, UserApiClient.COMPOSER_USER_AGENT,
                new User("0b7c1c56-0000-4000-8000-000000000000", "Zoe", "zoe@example.com"))));
        assertEquals(1, backgroundWork.size(), "the composer's POST is followed like curl's");
    }

    @Test
    void missed_traffic_or_a_201_naming_no_user_reloads_the_whole_table() {
        server.stop();
        InMemoryUserStore store = new InMemoryUserStore();
        server = new ApiServer(store);
        int port = server.start("127.0.0.1", 0);
        store.create("Ann", "ann@example.com");
        List<Runnable> backgroundWork = new ArrayList<>();
        UsersPaneViewModel watching = new UsersPaneViewModel(
                new UserApiClient(() -> URI.create("http://127.0.0.1:" + port)),
                new UiThreads(backgroundWork::add, Runnable::run), ExchangeFocus.NONE);

        watching.onTraffic(List.of(posted(1, "curl/8.0", 400)));
        watching.onTraffic(List.of(posted(5, "curl/8.0", 400))); // 2 to 4 never came
        runAll(backgroundWork);
        assertEquals(List.of("Ann"), names(watching));

        store.create("Bob", "bob@example.com");
        watching.onTraffic(List.of(posted(6, "python-requests", 201))); // a 201 with no Location
        runAll(backgroundWork);
        assertEquals(List.of("Ann", "Bob"), names(watching));
    }

    private static void runAll(List<Runnable> work) {
        for (int i = 0; i < 1000 && !work.isEmpty(); i++) {
            work.remove(0).run();
        }
        assertTrue(work.isEmpty(), "the rounds never ended");
    }

    private static List<String> names(UsersPaneViewModel model) {
        return model.users().stream().map(UserRow::name).toList();
    }

    private static Exchange created(long id, String userAgent, User user) {
        return exchange(id, "POST", Api.USERS, userAgent).status(201, "")
                .responseHeader("Location", Api.USERS + "/" + user.id()).build();
    }

    private static Exchange deleted(long id, User user) {
        return exchange(id, "DELETE", Api.USERS + "/" + user.id(), "curl/8.0").status(204, "").build();
    }

    private static Exchange posted(long id, String userAgent, int status) {
        return exchange(id, "POST", Api.USERS, userAgent).status(status, "").build();
    }

    private static dev.restlab.wire.ExchangeBuilder exchange(long id, String method, String path, String userAgent) {
        var request = Exchange.builder().id(id).request(method, path).requestHeader("User-Agent", userAgent);
        if (userAgent.startsWith(UserApiClient.USER_AGENT)) { // as the window's forms and composer send it
            request.requestHeader(WindowTag.HEADER, WindowTag.value(WindowTag.Kind.USER));
        }
        return request;
    }

    @Test
    void following_a_proxied_server_drops_the_rows_kept_here_and_names_that_server() {
        create("John", "john@example.com");
        assertEquals(1, users.users().size());

        users.followServerAt("http://127.0.0.1:5000");
        assertEquals(List.of(), users.users());
        assertEquals("All users (0)", users.shownProperty().get());
        assertEquals("No users at http://127.0.0.1:5000 yet. Create one above, or with curl.",
                users.emptyTableTextProperty().get());

        users.refresh(); // as the window does when the proxy starts: here the same server answers
        assertEquals(List.of("John"), users.users().stream().map(UserRow::name).toList());
        assertEquals("All users (1)", users.shownProperty().get());

        UserRow keptHere = new UserRow("b25c3f63-0000-4000-8000-000000004123", "Ada", "ada@example.com");
        users.showKeptHere(() -> List.of(keptHere));
        assertEquals(List.of(keptHere), users.users());
        assertEquals("All users (1)", users.shownProperty().get());
    }

    @Test
    void an_answer_asked_for_before_the_proxy_started_or_stopped_is_dropped() {
        create("John", "john@example.com");
        List<Runnable> background = new ArrayList<>();
        UsersPaneViewModel slow = new UsersPaneViewModel(
                new UserApiClient(() -> URI.create("http://127.0.0.1:" + server.port())),
                new UiThreads(background::add, Runnable::run), ExchangeFocus.NONE);
        slow.refresh(); // asks the built-in API for its users
        slow.followServerAt("http://127.0.0.1:5000");
        background.remove(0).run(); // John arrives from the built-in API after the switch
        assertEquals(List.of(), slow.users());
        assertEquals("All users (0)", slow.shownProperty().get());
    }

    @Test
    void with_the_server_stopped_the_user_is_told_to_start_it() {
        server.stop();
        users.refresh();
        assertTrue(users.outcomeProperty().get().contains("Is it started?"), users.outcomeProperty().get());
    }
}
