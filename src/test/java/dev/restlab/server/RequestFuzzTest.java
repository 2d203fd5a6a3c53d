package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.Api;
import dev.restlab.testing.RawConnection;
import dev.restlab.testing.ServerExtension;
import dev.restlab.testing.TestClient;
import dev.restlab.users.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of mutated requests over raw sockets (methods, targets, versions, headers, bodies,
 * content types, encodings, and plain garbage): none may get a 5xx, and the server must answer
 * normally afterwards. Seeded, so a failure replays exactly.
 */
class RequestFuzzTest {

    private static final long SEED = 20261126L;
    private static final int REQUESTS = 3000;
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3})");

    @RegisterExtension
    final ServerExtension server = new ServerExtension().withIdleTimeout(Duration.ofSeconds(2));

    @Test
    @Timeout(120)
    void thousands_of_mutated_requests_get_no_5xx_and_the_server_still_serves() throws Exception {
        User john = server.store().create("John", "john@example.com");
        int port = server.port();
        RequestMutator mutator = new RequestMutator(new Random(SEED), john.id());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            byte[] request = mutator.next();
            String answer = send(port, request);
            Matcher status = STATUS_LINE.matcher(answer);
            while (status.find()) {
                int code = Integer.parseInt(status.group(1));
                statuses.merge(code, 1, Integer::sum);
                if (code >= 500 && !(code == 505 && !speaksHttp11(request))
                        && !(code == 501 && namesTransferCoding(request)) && serverErrors.size() < 10) {
                    serverErrors.add("#" + i + " got " + code + " for: " + printable(request, 300)
                            + "\n    answer: " + printable(answer.getBytes(StandardCharsets.ISO_8859_1), 300));
                }
            }
        }

        assertTrue(serverErrors.isEmpty(), "5xx answers (seed " + SEED + "):\n" + String.join("\n", serverErrors)
                + "\nall statuses: " + statuses);
        // The run must have reached the routes, not only Jetty's parser.
        assertTrue(statuses.getOrDefault(201, 0) > 50 && statuses.getOrDefault(400, 0) > 50
                && statuses.getOrDefault(200, 0) > 50, "too few kinds of answers: " + statuses);

        TestClient http = server.client();
        assertEquals(200, http.get("/").statusCode());
        assertEquals(201, http.postJson(Api.USERS, "{\"name\": \"After\", \"email\": \"a@example.com\"}").statusCode());
        assertEquals(200, http.get(Api.USERS + "?name=After").statusCode());
        assertEquals(200, http.get(Api.USERS).statusCode());
    }

    /**
     * Whether the request line names HTTP/1.0 or 1.1. For any other version (HTTP/2.0 in plain
     * text, HTTP/0.9 with no version at all, HTTP/9.9) RFC 9110 prescribes 505 Version Not
     * Supported: the one 5xx that reports the client's request, and the lesson a student should
     * see. Every other 5xx, and a 505 for a 1.x request, is a server fault.
     */
    private static boolean speaksHttp11(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).replaceFirst("\r$", "");
        return line.matches("[^ ]+ [^ ]+ HTTP/1\\.[01]");
    }

    /**
     * A request naming a transfer coding the server does not implement (a mutated {@code chunked},
     * or {@code gzip} before it) is answered 501, as RFC 9112 §6.1 asks: not a fault.
     */
    private static boolean namesTransferCoding(byte[] request) {
        return new String(request, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)
                .contains("transfer-encoding");
    }

    /** Sends one request, half-closes, and returns everything the server says until it closes. */
    private static String send(int port, byte[] request) throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            try {
                connection.send(request);
                connection.shutdownOutput(); // no more bytes are coming: the server must not wait
            } catch (SocketException serverClosedEarly) {
                // The server may refuse (413, 431) and close before it has read everything.
            }
            try {
                return new String(connection.readToEnd(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException stuck) {
                throw new AssertionError("no answer and no close within 10 s for: " + printable(request, 300));
            }
        }
    }

    private static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n");
            } else if (b < 0x20 || b > 0x7E) {
                text.append(String.format("\\x%02x", b));
            } else {
                text.append((char) b);
            }
        }
        return text + (bytes.length > max ? "…(" + bytes.length + " bytes)" : "");
    }

    /** Makes requests from the handout's, each bent in one to three ways. */
    static final class RequestMutator {

        private static final String[] METHODS = {"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD",
            "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "Post", "G ET", "", "GET\u0000",
            "X".repeat(300), "DELETE /"};
        private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9",
            "HTTP/1.2", "HTTP/9.9", "", "http/1.1", "HTTP/1.1 extra", "HTTP/1.1\u0000", "HTTP/"};
        private static final String[] TARGETS = {"*", "", "/", "//", "/people/v1/users/",
            "/people/v1/users/../users", "/people/v1/users/%00", "/people/v1/users/%zz",
            "/people/v1/users?name=%", "/people/v1/users?name=%E9", "/people/v1/users?name=%C3%A9",
            "/people/v1/users?name=a&name=b", "/people/v1/users?name", "/people/v1/users?=&&=",
            "/%2e%2e/%2e%2e/etc/passwd", "/people/v1/users/" + "a".repeat(9000),
            "http://127.0.0.1/people/v1/users", "http://elsewhere.invalid/", "/people/v1/users;x=y",
            "/people/v1/users/\u00e9\u00e8", "/people/v1/users#frag", "/test/?x=<script>",
            "/people/v1/users?name=" + "%41".repeat(1000), "/people%2Fv1%2Fusers", "/PEOPLE/V1/USERS",
            "/people/v1/users/%2e%2e", "/people/v1//users", "/test", "/test/", "/people/v1",
            "/people/v1/users/:id", "/people/v1/users/*", "/people/v1/users/a/b", "/\\..\\",
            "/docs", "/docs/", "/docs/swagger-ui.css", "/docs/..%2f..%2fpom.xml", "/docs/%2e%2e",
            "/docs/../openapi.json", "/docs/%ff", "/openapi.json", "/openapi.yaml", "/openapi.json?x=%"};
        private static final String[] CONTENT_TYPES = {"application/json",
            "application/json; charset=utf-8", "application/json; charset=latin1",
            "application/vnd.api+json", "APPLICATION/JSON", "text/plain",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", ";;;",
            "application/json;charset=\"utf-8\"", "application/*+json", "application/json; charset=nope",
            "application/json; boundary", "\u00ff\u00fe", "application/json, text/plain"};
        private static final String[] CONTENT_LENGTHS = {"0", "-1", "abc", "99999999999999999999",
            "5, 5", "1048577", "1", " 10 ", "0x10", "+5", ""};
        private static final String[] TRANSFER_ENCODINGS = {"chunked", "gzip", "gzip, chunked",
            "identity", "chunked, chunked", "x", "CHUNKED", "chunked;q=1"};
        private static final String[] CONTENT_ENCODINGS = {"gzip", "br", "deflate", "identity", "x",
            "gzip, gzip"};
        private static final String[][] ODD_HEADERS = {{"Expect", "100-continue"}, {"Expect", "x"},
            {"Connection", "keep-alive"}, {"Connection", "Upgrade"}, {"Upgrade", "h2c"},
            {"Upgrade", "websocket"}, {"X-HTTP-Method-Override", "DELETE"},
            {"X-Forwarded-For", "203.0.113.9"}, {"X-Forwarded-Proto", "https"},
            {"X-Forwarded-Host", "evil.invalid"}, {"Range", "bytes=0-1"}, {"Range", "bytes=x"},
            {"If-None-Match", "*"}, {"If-Modified-Since", "yesterday"}, {"Accept", "*/*;q=x"},
            {"Accept-Encoding", "gzip, br"}, {"Accept-Charset", "x"}, {"Cookie", "a=" + "b".repeat(4000)},
            {"Authorization", "Basic !!!"}, {"Host", ""}, {"Host", "a b"}, {"Host", "[::1"},
            {"Host", "127.0.0.1:99999"}, {"Origin", "null"}, {"Te", "trailers"}, {"Trailer", "X"},
            {"Content-Range", "bytes 0-1/2"}, {"Max-Forwards", "-1"}, {"Via", "1.1 x"},
            {"X-Big", "v".repeat(10_000)}, {"Bad Name", "x"}, {"Colon:Inside", "x"}, {"", "empty"},
            {"X-Nul", "a\u0000b"}, {"X-Latin1", "\u00e9\u00ff"}};
        private static final String[] BODIES = {"{\"name\": \"John\", \"email\": \"john@example.com\"}",
            "{}", "[]", "null", "\"str\"", "123", "true", "{\"name\":1,\"email\":2}",
            "{\"name\":\"a\"}", "{\"name\":null,\"email\":null}", "{\"name\":\"\",\"email\":\"\"}",
            "{\"name\":\"\\ud800\",\"email\":\"x\"}", "{\"name\":\"a\",\"email\":\"b\",}",
            "{\"name\":\"a\" \"email\":\"b\"}", "{\"name\":\"a\",\"email\":\"b\"", "{'name':'a','email':'b'}",
            "{\"name\":\"a\",\"email\":\"b\"} trailing", "{\"name\":\"a\",\"name\":\"b\",\"email\":\"c\"}",
            "{\"name\":[\"a\"],\"email\":{\"x\":1}}", "{\"name\":\"<script>\",\"email\":\"&amp;\"}",
            "{\"name\":\"a\",\"email\":\"b\",\"id\":\"forged\"}", "\ufeff{\"name\":\"bom\",\"email\":\"b\"}",
            "name=John&email=j%40example.com", "", " ", "\u0000", "1e999999", "{\"name\":1e999999,\"email\":\"x\"}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "[".repeat(100_000),
            "{\"name\":\"" + "x".repeat(70_000) + "\",\"email\":\"e\"}"};

        private final Random random;
        private final String knownId;

        RequestMutator(Random random, String knownId) {
            this.random = random;
            this.knownId = knownId;
        }

        byte[] next() {
            int kind = random.nextInt(100);
            if (kind < 4) {
                return garbage();
            }
            Request request = template();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                mutate(request);
            }
            byte[] bytes = request.bytes();
            return kind < 12 ? flipBytes(bytes) : bytes;
        }

        private Request template() {
            Request r = new Request();
            switch (random.nextInt(9)) {
                case 0 -> r.start("GET", "/");
                case 1 -> r.start("GET", "/test/");
                case 2 -> r.start("GET", Api.USERS);
                case 3 -> r.start("GET", Api.USERS + "?name=John");
                case 4 -> r.start("GET", Api.USERS + "/" + knownId);
                case 5 -> r.start("DELETE", Api.USERS + "/" + (random.nextBoolean() ? knownId : "nope"));
                case 6 -> r.start("OPTIONS", Api.USERS);
                default -> {
                    r.start("POST", Api.USERS);
                    r.header("Content-Type", "application/json");
                    r.body = ("{\"name\": \"Fuzz" + random.nextInt(1000) + "\", \"email\": \"f@example.com\"}")
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            return r;
        }

        private void mutate(Request r) {
            switch (random.nextInt(14)) {
                case 0 -> r.method = pick(METHODS);
                case 1 -> r.target = pick(TARGETS);
                case 2 -> r.version = pick(VERSIONS);
                case 3 -> r.target = insertChar(r.target);
                case 4 -> r.header("Content-Type", pick(CONTENT_TYPES));
                case 5 -> r.contentLength = pick(CONTENT_LENGTHS);
                case 6 -> r.chunked(pick(TRANSFER_ENCODINGS), random);
                case 7 -> {
                    r.header("Content-Encoding", pick(CONTENT_ENCODINGS));
                    if (random.nextBoolean()) {
                        r.body = gzip(r.body);
                    }
                }
                case 8 -> {
                    String[] header = ODD_HEADERS[random.nextInt(ODD_HEADERS.length)];
                    r.header(header[0], header[1]);
                }
                case 9 -> r.body = pick(BODIES).getBytes(StandardCharsets.UTF_8);
                case 10 -> r.body = randomBytes(random.nextInt(300));
                case 11 -> r.rawHeaderLine(pick(new String[] {"NoColon", " folded continuation",
                    "X-Space : x", "\tX-Tab: x", ":", "X-A: 1\rX-B: 2", "X-Only-LF: 1\nX-Two: 2"}));
                case 12 -> r.headers.clear(); // not even Host
                default -> {
                    for (int i = 0; i < 150; i++) {
                        r.header("X-Many-" + i, "v");
                    }
                }
            }
        }

        private byte[] garbage() {
            return switch (random.nextInt(6)) {
                case 0 -> randomBytes(1 + random.nextInt(200));
                case 1 -> "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                case 2 -> "GET".getBytes(StandardCharsets.US_ASCII);
                case 3 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                case 4 -> new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
                default -> (randomPrintable(1 + random.nextInt(80)) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            };
        }

        private byte[] flipBytes(byte[] bytes) {
            byte[] copy = bytes.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips && copy.length > 0; i++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0 && copy.length > 1) {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length)); // truncated
            }
            return copy;
        }

        private String insertChar(String target) {
            String[] odd = {"%", " ", "\t", "\"", "<", "\u00e9", "\u0000", "\\", "?", "#", "%25", "..", ";"};
            int at = target.isEmpty() ? 0 : random.nextInt(target.length() + 1);
            return target.substring(0, at) + pick(odd) + target.substring(at);
        }

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        private String randomPrintable(int n) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            }
            return text.toString();
        }

        private <T> T pick(T[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }

    /** A request being assembled; Content-Length follows the body unless a mutation fixed it. */
    static final class Request {
        String method;
        String target;
        String version = "HTTP/1.1";
        final List<String> headers = new ArrayList<>();
        byte[] body = new byte[0];
        String contentLength;
        String transferEncoding;
        boolean badChunks;

        void start(String method, String target) {
            this.method = method;
            this.target = target;
            header("Host", "127.0.0.1");
        }

        void header(String name, String value) {
            headers.add(name + ": " + value);
        }

        void rawHeaderLine(String line) {
            headers.add(line);
        }

        void chunked(String encoding, Random random) {
            transferEncoding = encoding;
            badChunks = random.nextInt(3) == 0;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] payload = transferEncoding != null ? chunkedBody() : body;
            String head = method + " " + target + (version.isEmpty() ? "" : " " + version) + "\r\n"
                    + String.join("\r\n", headers) + (headers.isEmpty() ? "" : "\r\n");
            if (transferEncoding != null) {
                head += "Transfer-Encoding: " + transferEncoding + "\r\n";
            }
            if (contentLength != null) {
                head += "Content-Length: " + contentLength + "\r\n";
            } else if (transferEncoding == null && (body.length > 0 || method.equals("POST"))) {
                head += "Content-Length: " + body.length + "\r\n";
            }
            out.writeBytes((head + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(payload);
            return out.toByteArray();
        }

        private byte[] chunkedBody() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (badChunks) {
                out.writeBytes(("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                return out.toByteArray();
            }
            int half = body.length / 2;
            out.writeBytes((Integer.toHexString(half) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(java.util.Arrays.copyOfRange(body, 0, half));
            out.writeBytes((("\r\n" + Integer.toHexString(body.length - half)) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(java.util.Arrays.copyOfRange(body, half, body.length));
            out.writeBytes("\r\n0\r\nX-Trailer: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
