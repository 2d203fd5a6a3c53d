package dev.restlab.server;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request made in a test, as a route sees one: no socket, no Spark. */
final class FakeRequest implements RouteRequest {

    private final String method;
    private final String path;
    private final String query;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private Long declaredLength;
    private Map<String, String> parameters = Map.of();

    private FakeRequest(String method, String target) {
        this.method = method;
        int question = target.indexOf('?');
        this.path = question < 0 ? target : target.substring(0, question);
        this.query = question < 0 ? null : target.substring(question + 1);
    }

    static FakeRequest of(String method, String target) {
        return new FakeRequest(method, target);
    }

    /** A POST with a {@code Content-Type} and a UTF-8 body. */
    static FakeRequest post(String target, String contentType, String body) {
        return of("POST", target).header("Content-Type", contentType).body(body.getBytes(StandardCharsets.UTF_8));
    }

    FakeRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** The body; its length is declared as it is unless {@link #declaring} says otherwise. */
    FakeRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    FakeRequest declaring(long length) {
        this.declaredLength = length;
        return this;
    }

    /** The values of the route template's {@code {name}} segments, as sent (set by the router). */
    FakeRequest withParameters(Map<String, String> values) {
        this.parameters = values;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** Decoded as Spark decodes a {@code :name} segment. */
    @Override
    public String pathParameter(String name) {
        String raw = parameters.get(name);
        return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    @Override
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    @Override
    public long declaredLength() {
        return declaredLength != null ? declaredLength : body.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }
}
