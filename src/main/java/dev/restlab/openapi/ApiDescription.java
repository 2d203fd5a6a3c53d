package dev.restlab.openapi;

import dev.restlab.wire.Exchange;
import dev.restlab.wire.Response;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.restlab.http.MediaType;
import dev.restlab.http.PathTemplate;
import dev.restlab.http.PercentEncoding;
import dev.restlab.http.RequestTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * RestLab's OpenAPI document, read from the one YAML resource, and a matcher that tells for an
 * exchange which operation it was and whether the answer is one the document describes.
 *
 * <p>Requests that no operation takes are described by three named responses in
 * {@code components/responses}: {@value #MALFORMED_PATH} (400 for a path whose %-escapes are
 * broken or not UTF-8), {@value #UNKNOWN_PATH} (404 for a path the document does not list) and
 * {@value #METHOD_NOT_ALLOWED} (405 for a method a listed path does not take).
 *
 * <p>Immutable and safe to share between threads. Free of Spark and JavaFX, so the server, the
 * window and the headless trace can all use it.
 */
public final class ApiDescription {

    /** The classpath resource that is the one source of the document. */
    public static final String RESOURCE = "/openapi/openapi.yaml";

    static final String MALFORMED_PATH = "MalformedPath";
    static final String UNKNOWN_PATH = "UnknownPath";
    static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    static final String NOT_A_PROXY = "NotAProxy";
    static final String MISDIRECTED = "MisdirectedRequest";
    /** Marks an operation that only refuses (405): the method is not one the path takes. */
    static final String NOT_TAKEN = "x-method-not-taken";
    /** The address the document names in its examples and its {@code servers}, until served by a running server. */
    static final String DEFAULT_URL = "http://127.0.0.1:5001";

    /** The document's name for the schema validator; never fetched, the validator is handed the text. */
    private static final String DOCUMENT_IRI = "https://restlab.invalid/openapi.json";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * Writes the document's JSON form. Not the wire format of users (that is the server's Json),
     * so that this package does not depend on the server that serves it.
     */
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private final String yaml;
    private final String json;
    private final List<PathItem> paths;
    private final DocumentedResponse malformedPath;
    private final DocumentedResponse unknownPath;
    private final DocumentedResponse methodNotAllowed;
    private final DocumentedResponse notAProxy;
    private final DocumentedResponse misdirected;

    private ApiDescription(String yaml, JsonObject document) {
        this.yaml = yaml;
        this.json = PRETTY.toJson(document) + "\n";
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
        Reader reader = new Reader(document, schemas);
        this.paths = reader.paths();
        this.malformedPath = reader.namedResponse(MALFORMED_PATH);
        this.unknownPath = reader.namedResponse(UNKNOWN_PATH);
        this.methodNotAllowed = reader.namedResponse(METHOD_NOT_ALLOWED);
        this.notAProxy = reader.namedResponse(NOT_A_PROXY);
        this.misdirected = reader.namedResponse(MISDIRECTED);
    }

    /** The document bundled with RestLab, read once. */
    public static ApiDescription bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a document from its YAML text.
     *
     * @throws IllegalArgumentException with the reason when the text is not a usable OpenAPI
     *                                  document (no operationId, a duplicate one, a broken $ref, ...)
     */
    public static ApiDescription fromYaml(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        JsonElement document = toJson(tree);
        if (!document.isJsonObject()) {
            throw new IllegalArgumentException("an OpenAPI document must be a mapping");
        }
        return new ApiDescription(yaml, document.getAsJsonObject());
    }

    /**
     * The document as the running server at {@code urls} serves it (the URLs as its banner prints
     * them, this computer's first): {@code servers} lists them, and the examples' curl commands
     * name the first instead of {@code http://127.0.0.1:5001}.
     */
    public ApiDescription servedAt(List<String> urls) {
        if (urls.isEmpty()) {
            return this;
        }
        StringBuilder servers = new StringBuilder("servers:\n");
        for (int i = 0; i < urls.size(); i++) {
            servers.append("  - url: ").append(urls.get(i)).append("\n    description: ")
                    .append(i == 0 ? "This RestLab, from this computer." : "This RestLab, from other computers on the network.")
                    .append("\n");
        }
        int start = yaml.indexOf("\nservers:\n");
        int end = yaml.indexOf("\nsecurity:", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the document has no servers block before security");
        }
        String served = yaml.substring(0, start + 1) + servers + yaml.substring(end + 1);
        return fromYaml(served.replace(DEFAULT_URL, urls.get(0)));
    }

    /** The document as it is kept in the source. */
    public String yaml() {
        return yaml;
    }

    /** The same document as indented JSON. */
    public String json() {
        return json;
    }

    /**
     * Each documented path (OpenAPI form, {@code /people/v1/users/{id}}) with the methods it
     * takes, upper case, in document order.
     */
    public Map<String, Set<String>> pathsAndMethods() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (PathItem item : paths) {
            table.put(item.template.template(), Collections.unmodifiableSet(new TreeSet<>(item.operations.keySet())));
        }
        return Collections.unmodifiableMap(table);
    }

    /**
     * The operation a request names, without looking at any answer: empty for a path the
     * document does not list or a method that path does not take.
     */
    public Optional<String> operationId(String method, String target) {
        if (method == null || target == null) {
            return Optional.empty();
        }
        return find(RequestTarget.parse(method, target).path()).map(item -> item.operations.get(method)).map(Operation::id);
    }

    /** Which operation a captured exchange was, and whether its answer conforms to the document. */
    public Conformance check(Exchange exchange) {
        Response response = exchange.response();
        if (!exchange.ending().answerBegan()) {
            return Conformance.noAnswer(operationId(exchange.method(), exchange.target()));
        }
        if (!exchange.ending().whole()) {
            // Cut short: status and type are judged, the body cannot be.
            Conformance judged = check(exchange.method(), exchange.target(), response.status(),
                    response.header("Content-Type").orElse(null), response.body().stored(), Long.MAX_VALUE);
            return judged.conforms() && judged.reason().startsWith("body not checked")
                    ? new Conformance(judged.operationId(), true, "body not checked: the answer was cut short")
                    : judged;
        }
        return check(exchange.method(), exchange.target(), response.status(),
                response.header("Content-Type").orElse(null), response.body().stored(),
                response.body().size());
    }

    /**
     * Says which operation an exchange was and whether the answer conforms to the document.
     *
     * @param method      the request method as sent ({@code GET}); methods are case-sensitive
     * @param target      the request target: a path, with or without query string
     * @param status      the response status code
     * @param contentType the response's {@code Content-Type}, or null when it had none
     * @param body        the response body as received (empty for HEAD and 204)
     */
    public Conformance check(String method, String target, int status, String contentType, byte[] body) {
        return check(method, target, status, contentType, body, body == null ? 0 : body.length);
    }

    /**
     * Like {@link #check(String, String, int, String, byte[])} for a body that may have been kept
     * only in part (a traffic log cuts long bodies): when {@code body} is shorter than
     * {@code bodySize}, status and content type are checked but not the body, and the reason
     * says so.
     *
     * @param bodySize the size of the whole body as it crossed the wire
     */
    public Conformance check(String method, String target, int status, String contentType, byte[] body,
            long bodySize) {
        if (method == null || method.isEmpty() || target == null || target.isEmpty()) {
            return Conformance.unrouted(false, "no method or target: the server refused the request"
                    + " before any route (Jetty's own answer), which the API does not describe");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        Judged judged = new Judged(method, status, contentType, bytes, bodySize <= bytes.length);
        if (status == 421) {
            // Refused before routing, whatever the path and method: every operation lists it.
            Conformance refused = judged.unrouted(misdirected, 421, "the request names a host this server does not answer for");
            return new Conformance(operationId(method, target), refused.conforms(), refused.reason());
        }
        RequestTarget read = RequestTarget.parse(method, target);
        if (read.form() == RequestTarget.Form.AUTHORITY) {
            return judged.unrouted(notAProxy, 405, "CONNECT " + target + " asks for a tunnel, which no path serves");
        }
        String path = read.path();
        if (!PercentEncoding.isUtf8(path)) {
            return judged.unrouted(malformedPath, 400, "the path's %-escapes are broken or not UTF-8");
        }
        Optional<PathItem> item = find(path);
        if (item.isEmpty()) {
            return judged.unrouted(unknownPath, 404, "nothing is served at " + path);
        }
        Operation operation = item.get().operations.get(method);
        if (operation == null) {
            String what = method + " is not a method of " + item.get().template.template();
            Operation refusal = item.get().refusals.get(method);
            DocumentedResponse refused = refusal == null || status == 405 ? null : refusal.responses.get(status);
            return refused != null ? judged.unrouted(refused, status, what) : judged.unrouted(methodNotAllowed, 405, what);
        }
        DocumentedResponse response = operation.responses.get(status);
        if (response == null) {
            return Conformance.broken(operation.id, "status " + status + " is not documented (documented: "
                    + String.join(", ", operation.responses.keySet().stream().sorted().map(String::valueOf).toList()) + ")");
        }
        return judged.mismatch(response)
                .map(reason -> Conformance.broken(operation.id, status + ": " + reason))
                .orElseGet(() -> judged.complete ? Conformance.ok(operation.id)
                        : new Conformance(Optional.of(operation.id), true, judged.notChecked(bodySize)));
    }

    /** One answer being judged against a documented response. */
    private record Judged(String method, int status, String contentType, byte[] body, boolean complete) {

        Optional<String> mismatch(DocumentedResponse documented) {
            return documented.mismatch(contentType, body, method.equals("HEAD"), complete);
        }

        Conformance unrouted(DocumentedResponse documented, int expected, String what) {
            if (status != expected) {
                return Conformance.unrouted(false, what + ", so the document says " + expected + ", not " + status);
            }
            return mismatch(documented)
                    .map(reason -> Conformance.unrouted(false, what + ": " + expected + ": " + reason))
                    .orElseGet(() -> Conformance.unrouted(true, what + ": " + expected + " as documented"));
        }

        String notChecked(long bodySize) {
            return "body not checked: only the first " + body.length + " of " + bodySize + " bytes were kept";
        }
    }

    /** Literal paths win over templates, as {@code /docs} is not {@code /docs/{asset}}. */
    private Optional<PathItem> find(String path) {
        for (PathItem item : paths) {
            if (item.template.isLiteral() && item.template.matches(path)) {
                return Optional.of(item);
            }
        }
        for (PathItem item : paths) {
            if (item.template.matches(path)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static JsonElement toJson(Object yaml) {
        if (yaml == null) {
            return JsonNull.INSTANCE;
        }
        if (yaml instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, value) -> object.add(String.valueOf(key), toJson(value)));
            return object;
        }
        if (yaml instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(value -> array.add(toJson(value)));
            return array;
        }
        if (yaml instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (yaml instanceof Boolean flag) {
            return new JsonPrimitive(flag);
        }
        if (yaml instanceof Integer || yaml instanceof Long || yaml instanceof BigInteger || yaml instanceof Double) {
            return new JsonPrimitive((Number) yaml);
        }
        throw new IllegalArgumentException("YAML value " + yaml + " (" + yaml.getClass().getSimpleName()
                + ") has no JSON form: quote it");
    }

    /**
     * One path of the document and its operations by upper-case method; {@code refusals} are the
     * methods it lists only to say it does not take them ({@code x-method-not-taken}).
     */
    private record PathItem(PathTemplate template, Map<String, Operation> operations, Map<String, Operation> refusals) {
    }

    /** One operation: its id and its responses by status code. */
    private record Operation(String id, Map<Integer, DocumentedResponse> responses) {
    }

    /** Walks the document once, resolving local $refs and compiling every schema up front. */
    private static final class Reader {
        private final JsonObject document;
        private final SchemaRegistry schemas;
        private final Set<String> operationIds = new LinkedHashSet<>();

        Reader(JsonObject document, SchemaRegistry schemas) {
            this.document = document;
            this.schemas = schemas;
        }

        List<PathItem> paths() {
            JsonObject pathsNode = object(document, "paths", "#");
            List<PathItem> items = new ArrayList<>();
            for (Map.Entry<String, JsonElement> path : pathsNode.entrySet()) {
                String pointer = "/paths/" + escape(path.getKey());
                JsonObject pathItem = asObject(path.getValue(), pointer);
                Map<String, Operation> operations = new LinkedHashMap<>();
                Map<String, Operation> refusals = new LinkedHashMap<>();
                for (String method : METHODS) {
                    if (pathItem.has(method)) {
                        JsonObject node = asObject(pathItem.get(method), pointer + "/" + method);
                        (notTaken(node) ? refusals : operations).put(method.toUpperCase(Locale.ROOT),
                                operation(node, pointer + "/" + method));
                    }
                }
                items.add(new PathItem(new PathTemplate(path.getKey()), Collections.unmodifiableMap(operations),
                        Collections.unmodifiableMap(refusals)));
            }
            return List.copyOf(items);
        }

        /** An operation that only says the path does not take its method (405); not an operation of the API. */
        private static boolean notTaken(JsonObject operation) {
            return operation.has(NOT_TAKEN) && operation.get(NOT_TAKEN).isJsonPrimitive()
                    && operation.get(NOT_TAKEN).getAsBoolean();
        }

        DocumentedResponse namedResponse(String name) {
            String pointer = "/components/responses/" + name;
            JsonObject components = object(document, "components", "#");
            JsonObject responses = object(components, "responses", "#/components");
            if (!responses.has(name)) {
                throw new IllegalArgumentException("the document lacks #" + pointer);
            }
            return response(responses.get(name), pointer);
        }

        private Operation operation(JsonObject node, String pointer) {
            if (!node.has("operationId") || !node.get("operationId").isJsonPrimitive()) {
                throw new IllegalArgumentException("#" + pointer + " has no operationId");
            }
            String id = node.get("operationId").getAsString();
            if (!operationIds.add(id)) {
                throw new IllegalArgumentException("operationId " + id + " is used twice");
            }
            JsonObject responsesNode = object(node, "responses", "#" + pointer);
            Map<Integer, DocumentedResponse> responses = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : responsesNode.entrySet()) {
                int status;
                try {
                    status = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("#" + pointer + "/responses/" + entry.getKey()
                            + ": RestLab documents exact status codes only", e);
                }
                responses.put(status, response(entry.getValue(), pointer + "/responses/" + entry.getKey()));
            }
            return new Operation(id, Collections.unmodifiableMap(responses));
        }

        private DocumentedResponse response(JsonElement node, String pointer) {
            Located response = resolve(node, pointer);
            Map<String, Schema> content = new LinkedHashMap<>();
            if (response.node.has("content")) {
                JsonObject types = asObject(response.node.get("content"), response.pointer + "/content");
                for (Map.Entry<String, JsonElement> type : types.entrySet()) {
                    String typePointer = response.pointer + "/content/" + escape(type.getKey());
                    JsonObject mediaType = asObject(type.getValue(), typePointer);
                    content.put(MediaType.essence(type.getKey()),
                            mediaType.has("schema") ? schemaAt(typePointer + "/schema") : null);
                }
            }
            return new DocumentedResponse(Collections.unmodifiableMap(content));
        }

        private Schema schemaAt(String pointer) {
            try {
                Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(pointer)));
                schema.initializeValidators(); // a broken $ref fails here, at load, not on the first check
                return schema;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the schema at #" + pointer + " is unusable: " + e.getMessage(), e);
            }
        }

        /** Follows local {@code $ref}s ({@code #/components/...}) to the node they name. */
        private Located resolve(JsonElement node, String pointer) {
            Located at = new Located(asObject(node, pointer), pointer);
            for (int hops = 0; at.node.has("$ref"); hops++) {
                String ref = at.node.get("$ref").getAsString();
                if (!ref.startsWith("#/") || hops > 16) {
                    throw new IllegalArgumentException("#" + at.pointer + ": cannot follow $ref " + ref);
                }
                at = new Located(lookup(ref.substring(1)), ref.substring(1));
            }
            return at;
        }

        private JsonObject lookup(String pointer) {
            JsonElement current = document;
            for (String token : pointer.substring(1).split("/")) {
                String key = token.replace("~1", "/").replace("~0", "~");
                if (!current.isJsonObject() || !current.getAsJsonObject().has(key)) {
                    throw new IllegalArgumentException("$ref #" + pointer + " names nothing in the document");
                }
                current = current.getAsJsonObject().get(key);
            }
            return asObject(current, pointer);
        }

        private static JsonObject object(JsonObject parent, String key, String where) {
            if (!parent.has(key)) {
                throw new IllegalArgumentException(where + " has no " + key);
            }
            return asObject(parent.get(key), where + "/" + key);
        }

        private static JsonObject asObject(JsonElement node, String pointer) {
            if (node == null || !node.isJsonObject()) {
                throw new IllegalArgumentException("#" + pointer + " must be a mapping");
            }
            return node.getAsJsonObject();
        }

        /** A JSON-pointer token: '~' and '/' escaped as RFC 6901 says. */
        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }

        /** A JSON pointer as a URI fragment: characters a fragment may not hold ('{', '}', ...) %-escaped. */
        private static String fragment(String pointer) {
            StringBuilder out = new StringBuilder();
            for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return out.toString();
        }

        private record Located(JsonObject node, String pointer) {
        }
    }

    private static final class Bundled {
        static final ApiDescription INSTANCE = load();

        private static ApiDescription load() {
            try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the build");
                }
                return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
