package dev.restlab.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.users.StoreFullException;
import dev.restlab.users.StoreWriteException;
import dev.restlab.users.User;
import dev.restlab.users.UserStore;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document and the server agree, both ways. The document is read from the running
 * server by swagger-parser (not by RestLab's own reader) and bodies are checked against its
 * schemas with a JSON Schema 2020-12 validator:
 * <ul>
 *   <li>every operation and every status it documents is exercised over real HTTP and answers as
 *       described (status, content type, required headers, body valid against the schema);</li>
 *   <li>every route of the server's route table is in the document, with the same methods;</li>
 *   <li>a path it does not list answers its 404, a method a path does not take its 405, a path
 *       with broken %-escapes its 400.</li>
 * </ul>
 * A route changed without the document, or the document without the route, fails here.
 */
class ApiDocumentAgreementTest {

    private static final String USERS = "/people/v1/users";
    private static final Pattern CREATED_ID = Pattern.compile("ID: ([0-9a-f-]{36}),");
    private static final SchemaRegistry JSON_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final DiskFullOnDemand STORE = new DiskFullOnDemand();

    /** One server for the class: the tests only add users, and none counts them. */
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension().withStore(() -> STORE).withoutTraffic();
    private static OpenAPI document;

    /** Users in memory, on a "disk" that a cause can fill (507) or break (500) for the next write. */
    private static final class DiskFullOnDemand implements UserStore {
        private final InMemoryUserStore users = new InMemoryUserStore();
        private volatile boolean fullForNextWrite;
        private volatile boolean failingForNextWrite;

        void fillForNextWrite() {
            fullForNextWrite = true;
        }

        void failNextWrite() {
            failingForNextWrite = true;
        }

        private void refuseIfFull() {
            if (fullForNextWrite) {
                fullForNextWrite = false;
                throw StoreFullException.diskFull(null);
            }
            if (failingForNextWrite) {
                failingForNextWrite = false;
                throw new StoreWriteException("could not save the change to users.db; nothing was changed"
                        + " (SQLite says: disk I/O error)", null);
            }
        }

        @Override
        public User create(String name, String email) {
            refuseIfFull();
            return users.create(name, email);
        }

        @Override
        public boolean delete(String id) {
            refuseIfFull();
            return users.delete(id);
        }

        @Override
        public List<User> all() {
            return users.all();
        }

        @Override
        public List<User> findByName(String name) {
            return users.findByName(name);
        }

        @Override
        public Optional<User> get(String id) {
            return users.get(id);
        }

        @Override
        public int size() {
            return users.size();
        }

        @Override
        public void clear() {
            users.clear();
        }

        @Override
        public String location() {
            return users.location();
        }
    }

    @BeforeAll
    static void readTheServersDocument() throws Exception {
        RawResponse served = send(Call.of("GET", "/openapi.json"));
        assertEquals(200, served.status());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.text(), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(),
                "swagger-parser finds the document invalid: " + parsed.getMessages());
        document = parsed.getOpenAPI();
        assertNotNull(document);
        assertEquals("3.1.0", document.getOpenapi());
    }

    /** A request as it goes on the wire; {@code declaredLength} overrides Content-Length. */
    private record Call(String method, String target, Map<String, String> headers, byte[] body, Long declaredLength) {

        static Call of(String method, String target) {
            return new Call(method, target, Map.of(), new byte[0], null);
        }

        static Call json(String method, String target, String json) {
            return new Call(method, target, Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8), null);
        }

        Call withMethod(String other) {
            return new Call(other, target, headers, body, declaredLength);
        }

        /** The same request naming another host, as a web page reached by DNS rebinding would. */
        Call withHost(String host) {
            Map<String, String> named = new LinkedHashMap<>(headers);
            named.put("Host", host);
            return new Call(method, target, named, body, declaredLength);
        }

        @Override
        public String toString() {
            return method + " " + target + (body.length > 0 ? " (" + body.length + " bytes)" : "");
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Sends one request exactly as written on a fresh connection and reads the answer. After a
     * HEAD answer nothing may follow, so whatever does is taken as its (wrong) body.
     */
    private static RawResponse send(Call call) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(call.headers().getOrDefault("Host", "127.0.0.1:" + SERVER.port())).append("\r\n")
                .append("Connection: close\r\n");
        call.headers().forEach((name, value) -> {
            if (!name.equals("Host")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        long length = call.declaredLength() != null ? call.declaredLength() : call.body().length;
        if (length > 0 || call.method().equals("POST")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        try (RawConnection connection = SERVER.connect()) {
            connection.send(head.toString()).send(call.body());
            if (call.declaredLength() != null && call.declaredLength() > call.body().length) {
                connection.shutdownOutput(); // the body stops short: the server sees its end at once
            }
            if (!call.method().equals("HEAD")) {
                return connection.readResponse();
            }
            RawResponse answer = connection.readHeadResponse();
            return new RawResponse(answer.status(), answer.head(), connection.readToEnd(), answer.wire(),
                    answer.declaredLength());
        }
    }

    // ---- the requests that make each documented answer happen -------------------------------

    /** For each "METHOD /path STATUS" the document lists (HEAD and OPTIONS derived below), how to cause it. */
    private static Map<String, Supplier<List<Call>>> causes() {
        Map<String, Supplier<List<Call>>> causes = new LinkedHashMap<>();
        causes.put("GET / 200", () -> List.of(Call.of("GET", "/")));
        causes.put("GET /test/ 200", () -> List.of(Call.of("GET", "/test/")));
        causes.put("GET /test 308", () -> List.of(Call.of("GET", "/test"), Call.of("GET", "/test?x=1")));
        causes.put("GET " + USERS + " 200", () -> {
            createJohn();
            return List.of(Call.of("GET", USERS), Call.of("GET", USERS + "?name=John"),
                    Call.of("GET", USERS + "?name="));
        });
        causes.put("GET " + USERS + " 400", () -> List.of(Call.of("GET", USERS + "?name=%zz")));
        causes.put("GET " + USERS + " 404", () -> List.of(Call.of("GET", USERS + "?name=Nobody-" + UUID.randomUUID())));
        causes.put("POST " + USERS + " 201", () -> List.of(
                Call.json("POST", USERS, "{\"name\": \"John\", \"email\": \"john@example.com\"}")));
        causes.put("POST " + USERS + " 400", () -> List.of(
                Call.json("POST", USERS, "{\"name\": \"John\"}"),
                Call.json("POST", USERS, "{\"name\": \"\", \"email\": \"john@example.com\"}"),
                Call.json("POST", USERS, ""),
                Call.json("POST", USERS, "{\"name\": \"John\", "),
                Call.json("POST", USERS, "{'name': 'John'}"),
                Call.json("POST", USERS, "{\"name\": \"\\ud800\", \"email\": \"john@example.com\"}"),
                Call.json("POST", USERS, "[\"John\"]"),
                Call.json("POST", USERS, "{\"name\": 1, \"email\": \"john@example.com\"}"),
                Call.json("POST", USERS, "{\"name\": \"" + "x".repeat(101) + "\", \"email\": \"j@example.com\"}"),
                Call.json("POST", USERS, "{\"name\": \"John\", \"email\": \"" + "e".repeat(255) + "\"}"),
                new Call("POST", USERS, Map.of("Content-Type", "application/json"),
                        new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', '}'}, null),
                new Call("POST", USERS, Map.of("Content-Type", "application/json"),
                        "{\"name\":".getBytes(StandardCharsets.UTF_8), 100L)));
        causes.put("POST " + USERS + " 413", () -> List.of(new Call("POST", USERS,
                Map.of("Content-Type", "application/json"), "{\"name\":".getBytes(StandardCharsets.UTF_8),
                1024L * 1024 + 1)));
        causes.put("POST " + USERS + " 415", () -> List.of(
                new Call("POST", USERS, Map.of("Content-Type", "text/plain"),
                        "name=John".getBytes(StandardCharsets.UTF_8), null),
                new Call("POST", USERS, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), null),
                new Call("POST", USERS, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        gzip("{\"name\": \"John\", \"email\": \"john@example.com\"}"), null)));
        causes.put("POST " + USERS + " 507", () -> {
            STORE.fillForNextWrite();
            return List.of(Call.json("POST", USERS, "{\"name\": \"John\", \"email\": \"john@example.com\"}"));
        });
        causes.put("POST " + USERS + " 500", () -> {
            STORE.failNextWrite();
            return List.of(Call.json("POST", USERS, "{\"name\": \"John\", \"email\": \"john@example.com\"}"));
        });
        causes.put("DELETE " + USERS + "/{id} 500", () -> {
            String john = createJohn();
            STORE.failNextWrite();
            return List.of(Call.of("DELETE", USERS + "/" + john));
        });
        causes.put("GET " + USERS + "/{id} 200", () -> List.of(Call.of("GET", USERS + "/" + createJohn())));
        causes.put("GET " + USERS + "/{id} 404", () -> List.of(Call.of("GET", USERS + "/" + UUID.randomUUID())));
        causes.put("DELETE " + USERS + "/{id} 204", () -> List.of(Call.of("DELETE", USERS + "/" + createJohn())));
        causes.put("DELETE " + USERS + "/{id} 507", () -> {
            String john = createJohn();
            STORE.fillForNextWrite();
            return List.of(Call.of("DELETE", USERS + "/" + john));
        });
        causes.put("DELETE " + USERS + "/{id} 404", () -> List.of(Call.of("DELETE", USERS + "/" + UUID.randomUUID())));
        causes.put("GET /openapi.json 200", () -> List.of(Call.of("GET", "/openapi.json")));
        causes.put("GET /openapi.yaml 200", () -> List.of(Call.of("GET", "/openapi.yaml")));
        causes.put("GET /docs 200", () -> List.of(Call.of("GET", "/docs")));
        causes.put("GET /docs/ 308", () -> List.of(Call.of("GET", "/docs/"), Call.of("GET", "/docs/?x=1")));
        causes.put("GET /docs/{asset} 200", () -> documentedAssets().stream()
                .map(asset -> Call.of("GET", "/docs/" + asset)).toList());
        causes.put("GET /docs/{asset} 404", () -> List.of(Call.of("GET", "/docs/nope.js"),
                Call.of("GET", "/docs/pom.xml")));
        return causes;
    }

    /**
     * HEAD is caused by the GET's requests sent as HEAD; OPTIONS by one request to the path; the
     * refusals every path gives by one request each: 405 (a method it does not take), 421 (a host
     * it does not answer for), 400 (a parameter's %-escape broken), 404 (a Swagger UI file that
     * is not one).
     */
    private static Supplier<List<Call>> causeOf(String method, String path, String status,
            Map<String, Supplier<List<Call>>> causes) {
        Supplier<List<Call>> named = causes.get(method + " " + path + " " + status);
        if (named != null) {
            return named;
        }
        if (method.equals("HEAD")) {
            Supplier<List<Call>> get = causeOf("GET", path, status, causes);
            return get == null ? null : () -> get.get().stream().map(r -> r.withMethod("HEAD")).toList();
        }
        return switch (status) {
            case "200" -> method.equals("OPTIONS") ? () -> List.of(Call.of("OPTIONS", concrete(path))) : null;
            case "405" -> () -> List.of(Call.of(method, concrete(path)));
            case "421" -> () -> List.of(Call.of(method, concrete(path)).withHost("rebind.example"),
                    Call.of(method, concrete(path)).withHost("rebind.example:" + SERVER.port()));
            case "400" -> path.contains("{") ? () -> List.of(Call.of(method, malformed(path))) : null;
            case "404" -> path.equals("/docs/{asset}") ? () -> List.of(Call.of(method, "/docs/nope.js")) : null;
            default -> null;
        };
    }

    private static String malformed(String path) {
        return path.replace("{id}", "%ff").replace("{asset}", "%e2%82");
    }

    /** An operation listed only to say that its path does not take its method. */
    private static boolean notTaken(Operation operation) {
        return operation.getExtensions() != null && Boolean.TRUE.equals(operation.getExtensions().get("x-method-not-taken"));
    }

    /** The methods a path takes: its operations, less those that only refuse. */
    private static Set<String> taken(PathItem item) {
        Set<String> methods = new TreeSet<>();
        item.readOperationsMap().forEach((method, operation) -> {
            if (!notTaken(operation)) {
                methods.add(method.name());
            }
        });
        return methods;
    }

    private static String createJohn() {
        try {
            RawResponse created = send(Call.json("POST", USERS,
                    "{\"name\": \"John\", \"email\": \"john@example.com\"}"));
            Matcher m = CREATED_ID.matcher(created.text());
            assertTrue(m.find(), created.text());
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentedAssets() {
        Parameter asset = document.getPaths().get("/docs/{asset}").getParameters().get(0);
        List<String> names = new ArrayList<>();
        for (Object example : asset.getSchema().getExamples()) {
            names.add(example instanceof com.fasterxml.jackson.databind.JsonNode node ? node.asText() : String.valueOf(example));
        }
        return names;
    }

    private static String concrete(String path) {
        return path.replace("{id}", UUID.randomUUID().toString()).replace("{asset}", "swagger-ui.css");
    }

    // ---- the tests ------------------------------------------------------------------------

    @Test
    void every_documented_operation_and_status_answers_as_described() throws Exception {
        Map<String, Supplier<List<Call>>> causes = causes();
        Set<String> documented = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int exchanges = 0;
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String method = op.getKey().name();
                for (Map.Entry<String, ApiResponse> status : op.getValue().getResponses().entrySet()) {
                    String key = method + " " + path.getKey() + " " + status.getKey();
                    documented.add(key);
                    Supplier<List<Call>> cause = causeOf(method, path.getKey(), status.getKey(), causes);
                    if (cause == null) {
                        failures.add(key + ": documented, but this test knows no request that causes it");
                        continue;
                    }
                    for (Call request : cause.get()) {
                        exchanges++;
                        RawResponse response = send(request);
                        String where = key + " <- " + request + ": ";
                        int expected = Integer.parseInt(status.getKey());
                        if (response.status() != expected) {
                            failures.add(where + "answered " + response.status() + " " + response.text());
                            continue;
                        }
                        failures.addAll(mismatches(where, status.getValue(), response, method.equals("HEAD")));
                        Conformance verdict = ApiDescription.bundled().check(request.method(), request.target(),
                                response.status(), response.header("Content-Type").orElse(null), response.body());
                        // A refusal before routing (a broken %-escape) or of a method not taken names no operation.
                        Optional<String> expectedId = notTaken(op.getValue())
                                || (status.getKey().equals("400") && path.getKey().contains("{"))
                                ? Optional.empty() : Optional.of(op.getValue().getOperationId());
                        if (!verdict.conforms() || !verdict.operationId().equals(expectedId)) {
                            failures.add(where + "RestLab's matcher says " + verdict.summary());
                        }
                    }
                }
            }
        }
        for (String key : causes.keySet()) {
            if (!documented.contains(key)) {
                failures.add(key + ": the server answers this, but the document does not list it");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(exchanges >= documented.size(), "every documented answer was tried at least once");
    }

    @Test
    void every_route_of_the_server_is_in_the_document_with_the_same_methods() {
        Map<String, Set<String>> served = new TreeMap<>();
        SERVER.api().routes().forEach((pattern, methods) -> served.put(pattern, new TreeSet<>(methods)));
        Map<String, Set<String>> described = new TreeMap<>();
        document.getPaths().forEach((path, item) -> described.put(path, taken(item)));
        assertEquals(served, described);
    }

    @Test
    void a_path_nothing_is_served_at_answers_the_documented_404() throws Exception {
        ApiResponse unknown = document.getComponents().getResponses().get(ApiDescription.UNKNOWN_PATH);
        for (String target : List.of("/nope", "/docs/nope", "/people/v1/users/a/b", "/docs//", "/test//", "/openapi",
                "/people/v1/users;x", "/./openapi.json", "/docs/../openapi.json")) {
            for (String method : List.of("GET", "POST", "OPTIONS", "HEAD")) {
                RawResponse response = send(Call.of(method, target));
                assertEquals(404, response.status(), method + " " + target);
                List<String> mismatches = mismatches(method + " " + target + ": ", unknown, response,
                        method.equals("HEAD"));
                assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
                assertTrue(ApiDescription.bundled().check(method, target, 404,
                        response.header("Content-Type").orElse(null), response.body()).conforms());
            }
        }
    }

    @Test
    void connect_to_a_host_and_port_answers_the_documented_405() throws Exception {
        ApiResponse notAProxy = document.getComponents().getResponses().get(ApiDescription.NOT_A_PROXY);
        RawResponse response = send(Call.of("CONNECT", "127.0.0.1:22"));
        assertEquals(405, response.status(), response.text());
        List<String> mismatches = mismatches("CONNECT 127.0.0.1:22: ", notAProxy, response, false);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        Conformance verdict = ApiDescription.bundled().check("CONNECT", "127.0.0.1:22", 405,
                response.header("Content-Type").orElse(null), response.body());
        assertTrue(verdict.conforms() && verdict.operationId().isEmpty(), verdict.summary());
    }

    @Test
    void a_path_with_broken_or_non_utf8_escapes_answers_the_documented_400_whatever_the_method() throws Exception {
        ApiResponse malformed = document.getComponents().getResponses().get(ApiDescription.MALFORMED_PATH);
        for (String target : List.of(USERS + "/%ff", USERS + "/%c3%28", "/nope/%ff", "/docs/%e2%82")) {
            for (String method : List.of("GET", "DELETE", "PUT", "HEAD")) {
                RawResponse response = send(Call.of(method, target));
                assertEquals(400, response.status(), method + " " + target + " " + response.text());
                List<String> mismatches = mismatches(method + " " + target + ": ", malformed, response,
                        method.equals("HEAD"));
                assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
                Conformance verdict = ApiDescription.bundled().check(method, target, 400,
                        response.header("Content-Type").orElse(null), response.body());
                assertTrue(verdict.conforms() && verdict.operationId().isEmpty(), verdict.summary());
            }
        }
    }

    @Test
    void a_method_a_documented_path_does_not_take_answers_the_documented_405_with_its_methods() throws Exception {
        ApiResponse wrongMethod = document.getComponents().getResponses().get(ApiDescription.METHOD_NOT_ALLOWED);
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            Set<String> methods = taken(path.getValue());
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST", "TRACE", "BREW")) {
                if (methods.contains(method)) {
                    continue;
                }
                if (!method.equals("BREW")) {
                    Operation listed = path.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
                    assertTrue(listed != null && notTaken(listed) && listed.getResponses().containsKey("405"),
                            method + " " + path.getKey() + ": the document lists the 405 as an operation");
                }
                String target = concrete(path.getKey());
                RawResponse response = send(Call.of(method, target));
                String where = method + " " + target + ": ";
                assertEquals(405, response.status(), where + response.text());
                assertEquals(String.join(", ", methods), response.header("Allow").orElse(""), where + "Allow");
                List<String> mismatches = mismatches(where, wrongMethod, response, false);
                assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
                Conformance verdict = ApiDescription.bundled().check(method, target, 405,
                        response.header("Content-Type").orElse(null), response.body());
                assertTrue(verdict.conforms() && verdict.operationId().isEmpty(), verdict.summary());
            }
        }
    }

    @Test
    void options_answers_allow_with_exactly_the_documented_methods() throws Exception {
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            Set<String> methods = taken(path.getValue());
            RawResponse response = send(Call.of("OPTIONS", concrete(path.getKey())));
            assertEquals(String.join(", ", methods), response.header("Allow").orElse(""), path.getKey());
        }
    }

    @Test
    void the_documents_examples_are_valid_and_its_request_examples_are_accepted() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String where = op.getValue().getOperationId() + " ";
                if (op.getValue().getRequestBody() != null) {
                    for (Map.Entry<String, MediaType> type : op.getValue().getRequestBody().getContent().entrySet()) {
                        String example = Json31.mapper().writeValueAsString(type.getValue().getExample());
                        failures.addAll(invalid(where + "request example: ", type.getValue().getSchema(), example));
                        RawResponse answer = send(new Call(op.getKey().name(),
                                concrete(path.getKey()), Map.of("Content-Type", type.getKey()),
                                example.getBytes(StandardCharsets.UTF_8), null));
                        if (answer.status() / 100 != 2) {
                            failures.add(where + "request example " + example + " answered " + answer.status());
                        }
                        checked++;
                    }
                }
                for (Map.Entry<String, ApiResponse> status : op.getValue().getResponses().entrySet()) {
                    if (status.getValue().getContent() == null) {
                        continue;
                    }
                    for (Map.Entry<String, MediaType> type : status.getValue().getContent().entrySet()) {
                        MediaType media = type.getValue();
                        List<Object> examples = new ArrayList<>();
                        if (media.getExample() != null) {
                            examples.add(media.getExample());
                        }
                        if (media.getExamples() != null) {
                            media.getExamples().values().forEach(e -> examples.add(e.getValue()));
                        }
                        for (Object example : examples) {
                            failures.addAll(invalid(where + status.getKey() + " example: ", media.getSchema(),
                                    Json31.mapper().writeValueAsString(example)));
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= 10, "the document's examples were found: " + checked);
    }

    // ---- checking one answer against one documented response ---------------------------------

    /** What is wrong with an answer, given the response the document gives; HEAD answers have no body. */
    private static List<String> mismatches(String where, ApiResponse documented, RawResponse response,
            boolean head) {
        List<String> found = new ArrayList<>();
        if (documented.getHeaders() != null) {
            for (Map.Entry<String, Header> header : documented.getHeaders().entrySet()) {
                java.util.Optional<String> value = response.header(header.getKey());
                if (value.isEmpty()) {
                    if (Boolean.TRUE.equals(header.getValue().getRequired())) {
                        found.add(where + "no " + header.getKey() + " header");
                    }
                    continue;
                }
                found.addAll(invalid(where + header.getKey() + ": ", header.getValue().getSchema(),
                        Json31.pretty(value.get())));
            }
        }
        if (documented.getContent() == null || documented.getContent().isEmpty()) {
            if (response.body().length != 0) {
                found.add(where + "a body came where the document gives none");
            }
            return found;
        }
        String type = response.header("Content-Type").orElse("");
        String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        MediaType media = documented.getContent().get(mime);
        if (media == null) {
            found.add(where + "Content-Type " + type + " is not among " + documented.getContent().keySet());
            return found;
        }
        if (head) {
            if (response.body().length != 0) {
                found.add(where + "a HEAD answer came with a body");
            }
            return found;
        }
        if (media.getSchema() == null) {
            return found;
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String instance = mime.endsWith("json") ? text : Json31.pretty(text);
        found.addAll(invalid(where + "body: ", media.getSchema(), instance));
        return found;
    }

    private static List<String> invalid(String where, io.swagger.v3.oas.models.media.Schema<?> schema, String instanceJson) {
        String schemaJson = Json31.pretty(schema);
        List<Error> errors = JSON_SCHEMA.getSchema(schemaJson, InputFormat.JSON).validate(instanceJson, InputFormat.JSON);
        return errors.stream().map(e -> where + e).toList();
    }
}
