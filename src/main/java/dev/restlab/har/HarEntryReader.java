package dev.restlab.har;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.restlab.wire.Body;
import dev.restlab.wire.Ending;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import dev.restlab.wire.Request;
import dev.restlab.wire.Response;
import dev.restlab.wire.TerminalText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One HAR entry, read as HAR 1.2 allows it to be written: every optional field may be missing,
 * {@code -1} (or any negative number) means "not known", and numbers may have fractions. What
 * RestLab cannot do without (a request's method and URL, a response's status) or cannot use (a
 * date no recording can have, a body that is not valid base64, a timing longer than RestLab can
 * place) is refused by naming the entry and the field.
 */
final class HarEntryReader {

    /** Recordings are dated from 1970 to 2199: the span fits nanoseconds in a long, with room. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;

    /** A phase longer than a billion milliseconds (11½ days) is not a timing RestLab can place. */
    static final double LONGEST_PHASE_MILLIS = 1e9;

    /** The names of a request's {@code postData} and an entry RestLab reads; custom ones start with _. */
    static final Set<String> CUSTOM_FIELDS_READ = Set.of("_clientAddress", "_clientPort", "_rejected", "_target",
            "_truncated", "_size", "_encoding", "_base64", "_connectionId", "_error", "_fault", "_failureText", "_blockedMicros", "_dnsMicros",
            "_connectMicros", "_sslMicros", "_sendMicros", "_waitMicros", "_receiveMicros");

    /** Where a body's kept bytes are counted, so that all of a file's bodies stay within a budget. */
    interface BodyBudget {
        /** How many of {@code wanted} bytes may be kept. */
        int take(int wanted);
    }

    /** What one entry says, before the entries are placed on one clock. */
    record Entry(int number, Instant started, Request request, Response response, long[] phaseMicros,
            String connectionKey, String clientAddress, int clientPort, boolean rejected, Ending ending,
            Optional<String> faultRule) {
    }

    /** The six phases, in the order they happen. */
    static final String[] PHASES = {"blocked", "dns", "connect", "send", "wait", "receive"};

    private final int number;
    private final BodyBudget budget;

    private HarEntryReader(int number, BodyBudget budget) {
        this.number = number;
        this.budget = budget;
    }

    /** Entry {@code number} (1 for the first) of a file. */
    static Entry read(int number, JsonElement element, BodyBudget budget) throws HarProblem {
        return new HarEntryReader(number, budget).entry(element);
    }

    private Entry entry(JsonElement element) throws HarProblem {
        if (!element.isJsonObject()) {
            throw problem("", "is not an object");
        }
        JsonObject entry = element.getAsJsonObject();
        Instant started = startedDateTime(entry);
        Request request = request(object(entry, "request", "request")
                .orElseThrow(() -> problem("request", "is missing")));
        JsonObject answer = object(entry, "response", "response").orElseThrow(() -> problem("response", "is missing"));
        Response response = response(answer);
        long[] phases = timings(object(entry, "timings", "timings").orElseGet(JsonObject::new));
        Optional<String> connectionId = text(entry, "_connectionId", "_connectionId");
        String connection = (connectionId.isPresent() ? connectionId : text(entry, "connection", "connection"))
                .filter(id -> !id.isBlank()).orElse(null);
        int clientPort = (int) Math.max(0, Math.min(65_535, number(entry, "_clientPort", "_clientPort").orElse(0)));
        boolean rejected = entry.get("_rejected") instanceof JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
        return new Entry(number, started, request, response, phases, connection,
                text(entry, "_clientAddress", "_clientAddress").orElse(""), clientPort, rejected,
                ending(response, answer), text(entry, HarExport.FAULT_FIELD, HarExport.FAULT_FIELD)
                        .filter(rule -> !rule.isBlank()));
    }

    /**
     * How the exchange ended: RestLab writes why no whole answer came in {@code _error} (where
     * Chrome writes its network error); a status of 0 with any other reason is just "no answer".
     */
    private Ending ending(Response response, JsonObject answer) throws HarProblem {
        Optional<String> error = text(answer, HarExport.ERROR_FIELD, "response." + HarExport.ERROR_FIELD);
        Ending named = error.map(Ending::described).orElse(Ending.NO_ANSWER);
        if (response.status() > 0) {
            return named.answerBegan() && named != Ending.NO_ANSWER ? named : Ending.ANSWERED;
        }
        return named.answerBegan() ? Ending.NO_ANSWER : named;
    }

    private Instant startedDateTime(JsonObject entry) throws HarProblem {
        Optional<String> text = text(entry, "startedDateTime", "startedDateTime");
        if (text.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.get()).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                instant = LocalDateTime.parse(text.get()).toInstant(ZoneOffset.UTC); // no zone written: read as UTC
            } catch (DateTimeParseException e) {
                throw problem("startedDateTime", quoted(text.get()) + " is not a date and time as HAR writes them"
                        + " (ISO 8601, e.g. 2025-10-24T10:46:45.123Z)");
            }
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw problem("startedDateTime", quoted(text.get()) + " is not a time a recording can have (RestLab reads "
                    + FIRST_YEAR + " to " + LAST_YEAR + ")");
        }
        return instant;
    }

    private Request request(JsonObject request) throws HarProblem {
        String method = text(request, "method", "request.method").filter(m -> !m.isBlank())
                .orElseThrow(() -> problem("request.method", "is missing"));
        String url = text(request, "url", "request.url").filter(u -> !u.isBlank())
                .orElseThrow(() -> problem("request.url", "is missing"));
        String target = text(request, "_target", "request._target").orElse(HarImport.target(url));
        Body body = object(request, "postData", "request.postData").isPresent()
                ? postData(object(request, "postData", "request.postData").get()) : Body.EMPTY;
        String version = version(request, "request.httpVersion");
        List<Header> headers = headers(request, "request.headers");
        String line = new Request(method, target, version, headers, body, 0).line();
        return new Request(method, target, version, headers, body,
                wireBytes(request, "request", HarExport.headBytes(line, headers), body));
    }

    private Body postData(JsonObject postData) throws HarProblem {
        Optional<String> exact = text(postData, "_base64", "request.postData._base64");
        Optional<String> text = text(postData, "text", "request.postData.text");
        byte[] bytes;
        if (exact.isPresent()) {
            bytes = base64(exact.get(), "request.postData._base64");
        } else if (text.isPresent()) {
            boolean base64 = text(postData, "_encoding", "request.postData._encoding").filter("base64"::equals).isPresent();
            bytes = base64 ? base64(text.get(), "request.postData.text") // RestLab's files before _base64
                    : text.get().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = formText(postData).getBytes(StandardCharsets.UTF_8);
        }
        long size = bytes.length;
        if (postData.get("_truncated") instanceof JsonPrimitive cut && cut.isBoolean() && cut.getAsBoolean()) {
            size = (long) Math.max(size, number(postData, "_size", "request.postData._size").orElse(size));
        }
        return kept(bytes, size);
    }

    /** {@code params} as the form a browser sends ({@code application/x-www-form-urlencoded}). */
    private String formText(JsonObject postData) throws HarProblem {
        List<String> pairs = new ArrayList<>();
        JsonArray params = array(postData, "params", "request.postData.params");
        for (int i = 0; i < params.size(); i++) {
            String field = "request.postData.params[" + i + "]";
            if (!params.get(i).isJsonObject()) {
                throw problem(field, "is not an object");
            }
            JsonObject param = params.get(i).getAsJsonObject();
            String name = text(param, "name", field + ".name").orElse("");
            String value = text(param, "value", field + ".value").orElse("");
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private Response response(JsonObject response) throws HarProblem {
        double status = number(response, "status", "response.status")
                .orElseThrow(() -> problem("response.status", "is missing"));
        if (status > 999 || status != Math.rint(status)) {
            throw problem("response.status", shown(status) + " is not an HTTP status (0 to 999)");
        }
        JsonObject content = object(response, "content", "response.content").orElseGet(JsonObject::new);
        Body body = content(content);
        String reason = text(response, "statusText", "response.statusText").orElse("");
        if (status <= 0 && reason.isBlank()) {
            // No answer came: Chrome writes 0 and _error, Playwright -1 and _failureText.
            Optional<String> failure = text(response, "_error", "response._error")
                    .or(() -> Optional.ofNullable(failureText(response))).filter(f -> !f.isBlank());
            reason = "(no answer" + failure.map(f -> ": " + f).orElse("") + ")";
        }
        String version = version(response, "response.httpVersion");
        List<Header> headers = headers(response, "response.headers");
        String statusLine = new Response(version, (int) Math.max(0, status), reason, headers, body, 0, List.of()).statusLine();
        return new Response(version, (int) Math.max(0, status), reason, headers, body,
                wireBytes(response, "response", HarExport.headBytes(statusLine, headers), body), List.of());
    }

    private static String failureText(JsonObject response) {
        JsonElement text = response.get("_failureText");
        return text instanceof JsonPrimitive p ? p.getAsString() : null;
    }

    private Body content(JsonObject content) throws HarProblem {
        long size = (long) Math.max(0, Math.min(Long.MAX_VALUE / 4, number(content, "size", "response.content.size").orElse(0)));
        Optional<String> text = text(content, "text", "response.content.text");
        if (text.isEmpty()) {
            return Body.leftOutByFile(new byte[0], size); // the file says how large it was, but not what
        }
        Optional<String> encoding = text(content, "encoding", "response.content.encoding").filter(e -> !e.isEmpty());
        if (encoding.isPresent() && !encoding.get().equalsIgnoreCase("base64")) {
            throw problem("response.content.encoding", quoted(encoding.get())
                    + " is not an encoding RestLab reads (HAR 1.2 names base64)");
        }
        byte[] bytes = encoding.isPresent() ? base64(text.get(), "response.content.text")
                : text.get().getBytes(StandardCharsets.UTF_8);
        boolean cut = content.get("_truncated") instanceof JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
        return kept(bytes, cut ? Math.max(size, bytes.length) : bytes.length);
    }

    /** The phases in microseconds, -1 where the file does not know them. */
    private long[] timings(JsonObject timings) throws HarProblem {
        long[] micros = new long[PHASES.length];
        for (int i = 0; i < PHASES.length; i++) {
            String phase = PHASES[i];
            OptionalDouble millis = number(timings, phase, "timings." + phase);
            if (millis.isPresent() && millis.getAsDouble() > LONGEST_PHASE_MILLIS) {
                throw problem("timings." + phase, shown(millis.getAsDouble())
                        + " ms is longer than RestLab can place (11 days at most)");
            }
            OptionalDouble exact = number(timings, HarMapper.microsField(phase), "timings." + HarMapper.microsField(phase));
            if (exact.isPresent() && exact.getAsDouble() >= 0 && exact.getAsDouble() <= LONGEST_PHASE_MILLIS * 1000) {
                micros[i] = Math.round(exact.getAsDouble()); // RestLab's own exact value
            } else {
                micros[i] = millis.isPresent() && millis.getAsDouble() >= 0 ? Math.round(millis.getAsDouble() * 1000) : -1;
            }
        }
        return micros;
    }

    private String version(JsonObject message, String field) throws HarProblem {
        String name = field.substring(field.indexOf('.') + 1);
        return text(message, name, field).orElse("HTTP/1.1"); // "" as written: a request Jetty could not parse
    }

    private List<Header> headers(JsonObject message, String field) throws HarProblem {
        JsonArray headers = array(message, "headers", field);
        List<Header> list = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String path = field + "[" + i + "]";
            if (!headers.get(i).isJsonObject()) {
                throw problem(path, "is not an object with a name and a value");
            }
            JsonObject header = headers.get(i).getAsJsonObject();
            Optional<String> name = text(header, "name", path + ".name");
            if (name.isPresent() && !name.get().isEmpty()) {
                list.add(new Header(name.get(), text(header, "value", path + ".value").orElse("")));
            }
        }
        return list;
    }

    /** What crossed the wire as the file counts it; unknown parts (-1) as RestLab would count them. */
    private long wireBytes(JsonObject message, String field, long countedHead, Body body) throws HarProblem {
        double head = number(message, "headersSize", field + ".headersSize").orElse(-1);
        double onWire = number(message, "bodySize", field + ".bodySize").orElse(-1);
        long headBytes = head < 0 ? countedHead : (long) Math.min(head, Long.MAX_VALUE / 4);
        long bodyBytes = onWire < 0 ? body.size() : (long) Math.min(onWire, Long.MAX_VALUE / 4);
        return headBytes + bodyBytes;
    }

    /** The bytes as a body of {@code size} bytes, kept no longer than a live body is, within the file's budget. */
    private Body kept(byte[] bytes, long size) {
        int keep = budget.take(Math.min(bytes.length, Exchange.MAX_STORED_BODY));
        byte[] stored = keep == bytes.length ? bytes : Arrays.copyOf(bytes, keep);
        return new Body(stored, Math.max(size, bytes.length));
    }

    private byte[] base64(String text, String field) throws HarProblem {
        try {
            return Base64.getMimeDecoder().decode(text); // the MIME decoder skips line breaks
        } catch (IllegalArgumentException e) {
            throw problem(field, "is not valid base64 (" + e.getMessage() + ")");
        }
    }

    // Typed access that names the field when its value has the wrong type. Missing and null are "not given".

    private Optional<JsonObject> object(JsonObject parent, String name, String field) throws HarProblem {
        JsonElement value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonObject()) {
            throw problem(field, "is not an object");
        }
        return Optional.of(value.getAsJsonObject());
    }

    private JsonArray array(JsonObject parent, String name, String field) throws HarProblem {
        JsonElement value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw problem(field, "is not a list");
        }
        return value.getAsJsonArray();
    }

    /** A string, or a number or true/false written where HAR has a string (some tools do). */
    private Optional<String> text(JsonObject parent, String name, String field) throws HarProblem {
        JsonElement value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            throw problem(field, "is not text");
        }
        return Optional.of(value.getAsString());
    }

    private OptionalDouble number(JsonObject parent, String name, String field) throws HarProblem {
        JsonElement value = parent.get(name);
        if (value == null || value.isJsonNull()) {
            return OptionalDouble.empty();
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw problem(field, asJson(value) + " is not a number");
        }
        double number = primitive.getAsDouble();
        if (Double.isInfinite(number) || Double.isNaN(number)) {
            throw problem(field, asJson(value) + " is not a number RestLab can use");
        }
        return OptionalDouble.of(number);
    }

    private HarProblem problem(String field, String why) {
        return HarProblem.inEntry(number, field, why);
    }

    /** A value from the file, short and with control characters shown escaped, between quotes. */
    private static String quoted(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "\"" + TerminalText.safe(shown) + "\"";
    }

    /** A value as the file writes it, short and with control characters escaped. */
    private static String asJson(JsonElement value) {
        String json = value.toString();
        return TerminalText.safe(json.length() > 60 ? json.substring(0, 60) + "…" : json);
    }

    private static String shown(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
