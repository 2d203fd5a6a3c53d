package dev.restlab.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.http.Api;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Talks to a RestLab (or the handout's Flask) server over HTTP, exactly as curl would: the window
 * uses nothing else, so everything it shows is real traffic. Blocking: call it off the FX thread.
 */
public final class UserApiClient {

    /** The forms' User-Agent: says which program sent the request (the tag says whether it was this window). */
    public static final String USER_AGENT = Api.WINDOW_USER_AGENT;

    /** The composer's User-Agent: the window's too, but not the forms', which reload their own table. */
    public static final String COMPOSER_USER_AGENT = USER_AGENT + " (composer)";

    /**
     * True when this running window (its forms, its composer, its own refreshes) sent this
     * exchange's request: it carries the window's {@link WindowTag}, which a copied command does not.
     */
    public static boolean sentByWindow(Exchange exchange) {
        return WindowTag.isWindow(exchange);
    }

    /** True when the window's forms (not its composer) sent this exchange's request. */
    public static boolean sentByForms(Exchange exchange) {
        return sentByWindow(exchange) && exchange.request().header("User-Agent").equals(Optional.of(USER_AGENT));
    }

    /** How the create form encodes its body: JSON as the API wants, or not, to show a 415. */
    public enum BodyStyle { JSON, PLAIN_TEXT }

    private final LazyHttp http;
    private final Supplier<URI> baseUri;
    private final WindowTag.Kind kind;

    /**
     * A client for the requests the user asks for.
     *
     * @param baseUri where the server is now, e.g. http://127.0.0.1:5001 (it may move on restart)
     */
    public UserApiClient(Supplier<URI> baseUri) {
        this(baseUri, WindowTag.Kind.USER, new LazyHttp());
    }

    private UserApiClient(Supplier<URI> baseUri, WindowTag.Kind kind, LazyHttp http) {
        this.baseUri = baseUri;
        this.kind = kind;
        this.http = http;
    }

    /** The same client (same server, same connections) for requests the window sends by itself. */
    public UserApiClient background() {
        return new UserApiClient(baseUri, WindowTag.Kind.BACKGROUND, http);
    }

    public ApiResponse listUsers() throws IOException, InterruptedException {
        return send(request(Api.USERS).GET());
    }

    public ApiResponse filterByName(String name) throws IOException, InterruptedException {
        return send(request(Api.USERS + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET());
    }

    public ApiResponse getUser(String id) throws IOException, InterruptedException {
        return send(request(userPath(id)).GET());
    }

    public ApiResponse deleteUser(String id) throws IOException, InterruptedException {
        return send(request(userPath(id)).DELETE());
    }

    /** The path of one user as this client sends it: the id percent-encoded ({@code nope x} is {@code nope%20x}). */
    public static String userPath(String id) {
        return Api.USERS + "/" + pathSegment(id);
    }

    /** Sends what the form holds, empty fields included, so that the server's 400 and 415 can be seen. */
    public ApiResponse createUser(String name, String email, BodyStyle style)
            throws IOException, InterruptedException {
        JsonObject user = new JsonObject();
        user.addProperty("name", name);
        user.addProperty("email", email);
        String body = style == BodyStyle.JSON ? user.toString() : "name=" + name + "&email=" + email;
        String type = style == BodyStyle.JSON ? "application/json" : "text/plain; charset=utf-8";
        return send(request(Api.USERS).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUri.get().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", USER_AGENT)
                .header(WindowTag.HEADER, WindowTag.value(kind));
    }

    private ApiResponse send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ApiResponse(response.statusCode(), response.body(), usersIn(response), response.headers());
    }

    /** One HttpClient, made on first use, off the FX thread: building one sets up TLS, a tenth of a second. */
    private static final class LazyHttp {
        private volatile HttpClient client;

        HttpClient get() {
            HttpClient made = client;
            if (made == null) {
                synchronized (this) {
                    if (client == null) {
                        client = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade headers: plain HTTP/1.1, as curl sends
                                .connectTimeout(Duration.ofSeconds(3))
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build();
                    }
                    made = client;
                }
            }
            return made;
        }
    }

    /** The users of a listing ({"users": [...]}), a filter result ([...]) or a single user. */
    static List<UserRow> usersIn(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return List.of();
        }
        try {
            JsonElement json = JsonParser.parseString(response.body());
            JsonArray array;
            if (json.isJsonObject() && json.getAsJsonObject().has("users")) {
                array = json.getAsJsonObject().getAsJsonArray("users");
            } else if (json.isJsonArray()) {
                array = json.getAsJsonArray();
            } else {
                array = new JsonArray();
                array.add(json);
            }
            List<UserRow> users = new ArrayList<>();
            for (JsonElement element : array) {
                JsonObject o = element.getAsJsonObject();
                users.add(new UserRow(text(o, "id"), text(o, "name"), text(o, "email")));
            }
            return users;
        } catch (RuntimeException notUsers) {
            return List.of();
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement value = o.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
