package dev.restlab.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A users API with three deliberate mistakes, for tests of the check: a created user is answered
 * 200 instead of 201; the list is JSON sent as {@code text/html}; an id nobody has is answered
 * 200 with an empty object instead of 404. Everything else is as the handout's server does it.
 * On 127.0.0.1 and a free port.
 */
public final class WrongServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> emails = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    public WrongServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        String method = x.getRequestMethod();
        byte[] body = x.getRequestBody().readAllBytes();
        if (path.equals("/") && method.equals("GET")) {
            send(x, 200, "text/html; charset=utf-8", "<h1>The server is up and running!</h1>\n");
        } else if (path.equals("/people/v1/users") && method.equals("POST")) {
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                send(x, 415, "text/plain", "Request must be JSON\n");
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String name = field(text, "name");
            String email = field(text, "email");
            if (name == null || email == null) {
                send(x, 400, "text/plain", "Missing required fields (name and email)\n");
                return;
            }
            String id = UUID.randomUUID().toString();
            names.put(id, name);
            emails.put(id, email);
            send(x, 200, "text/plain", "User created successfully! ID: " + id + ", Name: " + name + ", Email: "
                    + email + "\n"); // mistake: 200, not 201
        } else if (path.equals("/people/v1/users") && method.equals("GET")) {
            StringBuilder list = new StringBuilder();
            for (String id : names.keySet()) {
                if (query != null && !query.equals("name=" + names.get(id))) {
                    continue;
                }
                list.append(list.length() == 0 ? "" : ",").append(user(id));
            }
            if (query != null && list.length() == 0) {
                send(x, 404, "text/plain", "User with name '" + query.substring(5) + "' not found\n");
            } else if (query != null) {
                send(x, 200, "application/json", "[" + list + "]\n");
            } else {
                send(x, 200, "text/html", "{\"users\":[" + list + "]}\n"); // mistake: JSON as text/html
            }
        } else if (path.startsWith("/people/v1/users/") && method.equals("GET")) {
            String id = path.substring("/people/v1/users/".length());
            send(x, 200, "application/json", names.containsKey(id) ? user(id) : "{}"); // mistake: no 404
        } else if (path.startsWith("/people/v1/users/") && method.equals("DELETE")) {
            String id = path.substring("/people/v1/users/".length());
            names.remove(id);
            emails.remove(id);
            x.sendResponseHeaders(204, -1); // mistake: 204 even when there was nobody
            x.close();
        } else if (path.equals("/people/v1/users")) {
            x.getResponseHeaders().add("Allow", "GET, POST");
            send(x, 405, "text/plain", "Method Not Allowed\n");
        } else {
            send(x, 404, "text/plain", "Not Found\n");
        }
    }

    private String user(String id) {
        return "{\"email\":\"" + emails.get(id) + "\",\"id\":\"" + id + "\",\"name\":\"" + names.get(id) + "\"}";
    }

    /** Just enough JSON reading for the scenario's bodies: "key": "value". */
    private static String field(String json, String key) {
        int at = json.indexOf("\"" + key + "\": \"");
        if (at < 0) {
            return null;
        }
        int start = at + key.length() + 5;
        return json.substring(start, json.indexOf('"', start));
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
