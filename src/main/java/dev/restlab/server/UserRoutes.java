package dev.restlab.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.restlab.http.Api;
import dev.restlab.http.MediaType;
import dev.restlab.http.Query;
import dev.restlab.users.StoreFullException;
import dev.restlab.users.StoreWriteException;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handout's API (its final program plus the {@code ?name=} filter), with the same status
 * codes and bodies, and a clear 4xx wherever the handout's Flask program would crash.
 */
public final class UserRoutes {

    static final String WELCOME = "<h1>The server is up and running!</h1>\n";
    static final String TEST_FOLDER = "<h1>This is the \"test\" folder.</h1>\n";
    static final String MISSING_FIELDS = "Missing required fields (name and email)\n";
    static final String NOT_JSON = "Request must be JSON\n";
    static final String TOO_LONG = "Name may be at most " + User.MAX_NAME_LENGTH
            + " characters and email at most " + User.MAX_EMAIL_LENGTH + "\n";

    /** The largest listing kept for the next request: about 10,000 ordinary users. */
    static final int CACHED_LISTING_MAX_BYTES = 1024 * 1024;
    /** Up to this many users a {@code ?name=} answer is made whole at once rather than streamed. */
    private static final int SMALL_LISTING = 100;

    private final UserStore store;
    /** The last whole listing sent, while the store still hands out the same list. */
    private volatile Listing lastListing;

    public UserRoutes(UserStore store) {
        this.store = store;
    }

    /** Every route of the API, in one place. */
    void declare(Routes routes) {
        routes.get("/", this::welcome);
        routes.get("/test/", this::testFolder);
        routes.get("/test", this::redirectToTestFolder);
        routes.get(Api.USERS, this::listUsers);
        routes.post(Api.USERS, this::createUser);
        routes.get(Api.USER, this::getUser);
        routes.delete(Api.USER, this::deleteUser);
    }

    private Reply welcome(RouteRequest request) {
        return Reply.html(WELCOME);
    }

    private Reply testFolder(RouteRequest request) {
        return Reply.html(TEST_FOLDER);
    }

    /** Flask (Werkzeug) sends "/test" on to "/test/" with a permanent redirect. */
    private Reply redirectToTestFolder(RouteRequest request) {
        String target = "/test/" + request.query().map(query -> "?" + query).orElse("");
        return Reply.text(308, "Redirecting to " + target + "\n").withHeader("Location", target);
    }

    private Reply listUsers(RouteRequest request) throws IOException {
        Optional<String> name;
        try {
            // The raw query: the servlet's getParameter would also read a form body, which a client could make huge.
            name = Query.parse(request.query().orElse(null)).first("name");
        } catch (IllegalArgumentException e) {
            return Reply.text(400, "Malformed query string: a %-escape is broken\n");
        }
        if (name.isEmpty() || name.get().isEmpty()) {
            return listing(store.all());
        }
        List<User> found = store.findByName(name.get());
        if (found.isEmpty()) {
            return Reply.text(404, "User with name '" + name.get() + "' not found\n");
        }
        if (found.size() <= SMALL_LISTING) {
            return Reply.json(Json.writeUsers(found) + "\n");
        }
        return Reply.jsonStreamed(out -> {
            Json.writeUsers(found, out);
            out.write('\n');
        });
    }

    /**
     * The whole listing. Until the next write the store hands out the same list, so the bytes
     * made for it last time are sent again as they are; a listing larger than
     * {@link #CACHED_LISTING_MAX_BYTES} is not kept but streamed each time, so that a large
     * store never holds its listing whole in memory.
     */
    private Reply listing(List<User> everyone) throws IOException {
        Listing last = lastListing;
        if (last != null && last.users() == everyone) {
            return Reply.bytes(Reply.JSON, last.body());
        }
        Reply streamed = Reply.jsonStreamed(out -> {
            Json.writeUserList(everyone, out);
            out.write('\n');
        });
        if (streamed.length() > CACHED_LISTING_MAX_BYTES) {
            return streamed;
        }
        byte[] body = streamed.body();
        lastListing = new Listing(everyone, body);
        return Reply.bytes(Reply.JSON, body);
    }

    /** A listing's bytes and the list they were made from (compared by identity, not equality). */
    private record Listing(List<User> users, byte[] body) {
    }

    private Reply createUser(RouteRequest request) throws IOException {
        if (!MediaType.isJson(request.header("Content-Type").orElse(null))) {
            return Reply.text(415, NOT_JSON);
        }
        List<String> codings = contentCodings(request);
        if (!codings.isEmpty()) {
            // Read as plain, a gzip body would be taken for broken text; RFC 7694 says which coding we take.
            return Reply.text(415, "Content-Encoding " + String.join(", ", codings) + " is not supported:"
                    + " send the body uncompressed, without Content-Encoding\n").withHeader("Accept-Encoding", "identity");
        }
        JsonElement body;
        try {
            String text = RequestBody.readUtf8(request);
            if (text.isBlank()) {
                return Reply.text(400, "Request body is empty: send a JSON object with name and email\n");
            }
            body = Json.parseStrict(text);
        } catch (RequestBody.TooLarge e) {
            return Reply.text(413, e.getMessage() + "\n").withHeader("Connection", "close");
        } catch (RequestBody.Unreadable e) {
            return Reply.text(400, e.getMessage() + "\n").withHeader("Connection", "close");
        } catch (RequestBody.NotUtf8 e) {
            return Reply.text(400, e.getMessage() + "\n");
        } catch (Json.Malformed e) {
            return Reply.text(400, e.getMessage() + "\n");
        }
        if (!body.isJsonObject()) {
            return Reply.text(400,
                    "JSON body must be an object such as {\"name\": \"John\", \"email\": \"john@example.com\"}\n");
        }
        JsonObject fields = body.getAsJsonObject();
        if (isMissing(fields, "name") || isMissing(fields, "email")) {
            return Reply.text(400, MISSING_FIELDS);
        }
        if (!isString(fields, "name") || !isString(fields, "email")) {
            return Reply.text(400, "Fields name and email must be JSON strings\n");
        }
        String name = fields.get("name").getAsString();
        String email = fields.get("email").getAsString();
        if (!User.withinLimits(name, email)) {
            return Reply.text(400, TOO_LONG);
        }
        User user;
        try {
            user = store.create(name, email);
        } catch (StoreFullException e) {
            return insufficientStorage(e);
        } catch (StoreWriteException e) {
            return notSaved(e);
        }
        return Reply.text(201, "User created successfully! ID: " + user.id()
                        + ", Name: " + user.name() + ", Email: " + user.email() + "\n")
                .withHeader("Location", Api.USERS + "/" + user.id());
    }

    private Reply getUser(RouteRequest request) {
        String id = request.pathParameter("id");
        Optional<User> user = store.get(id);
        if (user.isEmpty()) {
            return Reply.text(404, "User with ID " + id + " not found\n");
        }
        return Reply.json(Json.writeUser(user.get()) + "\n");
    }

    private Reply deleteUser(RouteRequest request) {
        String id = request.pathParameter("id");
        boolean deleted;
        try {
            deleted = store.delete(id);
        } catch (StoreFullException e) {
            return insufficientStorage(e);
        } catch (StoreWriteException e) {
            return notSaved(e);
        }
        if (!deleted) {
            return Reply.text(404, "User with ID " + id + " not found\n");
        }
        return Reply.noContent();
    }

    /** 507: the disk or the store is full; the store's one line says which and what to do. */
    private static Reply insufficientStorage(StoreFullException full) {
        return Reply.text(507, "Insufficient Storage: " + full.getMessage() + "\n");
    }

    /** 500: the store could not write; its one line says why, and that nothing was changed. */
    private static Reply notSaved(StoreWriteException failure) {
        return Reply.text(500, "Internal Server Error: " + failure.getMessage() + "\n");
    }

    /** The codings applied to the body, in order, identity left out (it means none). */
    private static List<String> contentCodings(RouteRequest request) {
        List<String> codings = new ArrayList<>();
        for (String header : request.headers("Content-Encoding")) {
            for (String coding : header.split(",")) {
                String name = coding.strip();
                if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
                    codings.add(name);
                }
            }
        }
        return codings;
    }

    /** Absent, null or "" count as missing, as in the handout's {@code if not name}. */
    private static boolean isMissing(JsonObject fields, String key) {
        JsonElement value = fields.get(key);
        return value == null || value.isJsonNull()
                || (isString(fields, key) && value.getAsString().isEmpty());
    }

    private static boolean isString(JsonObject fields, String key) {
        JsonElement value = fields.get(key);
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }
}
