package dev.restlab.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.restlab.http.Api;
import dev.restlab.http.MediaType;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import spark.Request;
import spark.Response;

/**
 * The handout's API (its final program plus the {@code ?name=} filter), with the same status
 * codes and bodies, and a clear 4xx wherever the handout's Flask program would crash.
 */
public final class UserRoutes {

    static final String WELCOME = "<h1>The server is up and running!</h1>\n";
    static final String TEST_FOLDER = "<h1>This is the \"test\" folder.</h1>\n";
    static final String MISSING_FIELDS = "Missing required fields (name and email)\n";
    static final String NOT_JSON = "Request must be JSON\n";

    private final UserStore store;

    public UserRoutes(UserStore store) {
        this.store = store;
    }

    /** Every route of the API, in one place. */
    public void declare(Router router) {
        router.get("/", this::welcome);
        router.get("/test/", this::testFolder);
        router.get("/test", this::redirectToTestFolder);
        router.get(Api.USERS, this::listUsers);
        router.post(Api.USERS, this::createUser);
        router.get(Api.USER, this::getUser);
        router.delete(Api.USER, this::deleteUser);
    }

    private Object welcome(Request request, Response response) {
        return Reply.html(response, WELCOME);
    }

    private Object testFolder(Request request, Response response) {
        return Reply.html(response, TEST_FOLDER);
    }

    /** Flask (Werkzeug) sends "/test" on to "/test/" with a permanent redirect. */
    private Object redirectToTestFolder(Request request, Response response) {
        String query = request.raw().getQueryString();
        String target = "/test/" + (query == null ? "" : "?" + query);
        response.header("Location", target);
        return Reply.text(response, 308, "Redirecting to " + target + "\n");
    }

    private Object listUsers(Request request, Response response) {
        Optional<String> name;
        try {
            name = QueryString.first(request.raw().getQueryString(), "name");
        } catch (IllegalArgumentException e) {
            return Reply.text(response, 400, "Malformed query string: a %-escape is broken\n");
        }
        if (name.isEmpty() || name.get().isEmpty()) {
            return Reply.json(response, Json.write(Map.of("users", store.all())) + "\n");
        }
        List<User> found = store.findByName(name.get());
        if (found.isEmpty()) {
            return Reply.text(response, 404, "User with name '" + name.get() + "' not found\n");
        }
        return Reply.json(response, Json.write(found) + "\n");
    }

    private Object createUser(Request request, Response response) throws IOException {
        if (!MediaType.isJson(request.contentType())) {
            return Reply.text(response, 415, NOT_JSON);
        }
        JsonElement body;
        try {
            String text = RequestBody.readUtf8(request);
            if (text.isBlank()) {
                return Reply.text(response, 400,
                        "Request body is empty: send a JSON object with name and email\n");
            }
            body = Json.parseStrict(text);
        } catch (RequestBody.TooLarge e) {
            response.header("Connection", "close");
            return Reply.text(response, 413, e.getMessage() + "\n");
        } catch (RequestBody.Unreadable e) {
            response.header("Connection", "close");
            return Reply.text(response, 400, e.getMessage() + "\n");
        } catch (RequestBody.NotUtf8 e) {
            return Reply.text(response, 400, e.getMessage() + "\n");
        } catch (JsonParseException e) {
            return Reply.text(response, 400, "Malformed JSON: " + e.getMessage() + "\n");
        }
        if (!body.isJsonObject()) {
            return Reply.text(response, 400,
                    "JSON body must be an object such as {\"name\": \"John\", \"email\": \"john@example.com\"}\n");
        }
        JsonObject fields = body.getAsJsonObject();
        if (isMissing(fields, "name") || isMissing(fields, "email")) {
            return Reply.text(response, 400, MISSING_FIELDS);
        }
        if (!isString(fields, "name") || !isString(fields, "email")) {
            return Reply.text(response, 400, "Fields name and email must be JSON strings\n");
        }
        User user = store.create(fields.get("name").getAsString(), fields.get("email").getAsString());
        response.header("Location", Api.USERS + "/" + user.id());
        return Reply.text(response, 201, "User created successfully! ID: " + user.id()
                + ", Name: " + user.name() + ", Email: " + user.email() + "\n");
    }

    private Object getUser(Request request, Response response) {
        String id = request.params(":id");
        Optional<User> user = store.get(id);
        if (user.isEmpty()) {
            return Reply.text(response, 404, "User with ID " + id + " not found\n");
        }
        return Reply.json(response, Json.write(user.get()) + "\n");
    }

    private Object deleteUser(Request request, Response response) {
        String id = request.params(":id");
        if (!store.delete(id)) {
            return Reply.text(response, 404, "User with ID " + id + " not found\n");
        }
        return Reply.noContent(response);
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
