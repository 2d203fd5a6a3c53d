package dev.restlab.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Convenient real HTTP/1.1 to a server on 127.0.0.1, through java.net.http: for tests about what
 * the server answers rather than how the bytes look (for those, see {@link RawConnection}).
 * Redirects are not followed, so a test sees them.
 */
public final class TestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;

    /** A client for the server on {@code 127.0.0.1:port}. */
    public TestClient(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** The absolute URI of {@code pathAndQuery} on this server. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** POSTs {@code json} as {@code application/json}. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    /** POSTs {@code body} as UTF-8, with a Content-Type unless {@code contentType} is null. */
    public HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Any method, without a body (HEAD, OPTIONS, PUT…). */
    public HttpResponse<String> method(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Sends a request built by the test (its URI from {@link #uri}); the body decoded as UTF-8. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** As {@link #send}, keeping the body's bytes. */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
