package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HAR 1.2 specification's rules (Jan Odvarko, "HAR 1.2 Spec", softwareishard.com, the
 * format's reference) written as a check, read with Gson so that it shares nothing with the
 * library that wrote the file: every required field present with its type, optional fields of
 * the right type when present, no unknown field unless it starts with {@code _}, timings -1 or
 * not negative, {@code time} the sum of the timings that apply, {@code startedDateTime} in ISO
 * 8601. RestLab's own rule on top: on one {@code connection}, only the first entry has a
 * {@code connect} time.
 */
public final class Har12 {

    private enum Type { STRING, NUMBER, ARRAY, OBJECT }

    private final List<String> problems = new ArrayList<>();

    private Har12() {
    }

    /** Fails with every problem found when the document is not valid HAR 1.2. */
    public static void assertValid(byte[] json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            fail("not valid HAR 1.2:\n  " + String.join("\n  ", problems));
        }
    }

    /** What is wrong with the document; empty when it is valid HAR 1.2. */
    public static List<String> problems(byte[] json) {
        Har12 check = new Har12();
        JsonElement root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
        if (!root.isJsonObject()) {
            return List.of("the document is not a JSON object");
        }
        JsonObject log = check.object(root.getAsJsonObject(), "log", "", true);
        if (log != null) {
            check.log(log);
        }
        return check.problems;
    }

    private void log(JsonObject log) {
        known(log, "log", "version", "creator", "browser", "pages", "entries", "comment");
        String version = string(log, "version", "log", true);
        if (version != null && !version.equals("1.2")) {
            problems.add("log.version is " + version + ", not 1.2");
        }
        JsonObject creator = object(log, "creator", "log", true);
        if (creator != null) {
            creatorOrBrowser(creator, "log.creator");
        }
        JsonObject browser = object(log, "browser", "log", false);
        if (browser != null) {
            creatorOrBrowser(browser, "log.browser");
        }
        JsonArray pages = array(log, "pages", "log", false);
        if (pages != null) {
            for (int i = 0; i < pages.size(); i++) {
                page(pages.get(i), "log.pages[" + i + "]");
            }
        }
        JsonArray entries = array(log, "entries", "log", true);
        if (entries == null) {
            return;
        }
        Map<String, Integer> connectsPerConnection = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "log.entries[" + i + "]";
            if (!entries.get(i).isJsonObject()) {
                problems.add(at + " is not an object");
                continue;
            }
            JsonObject entry = entries.get(i).getAsJsonObject();
            entry(entry, at);
            JsonObject timings = entry.has("timings") && entry.get("timings").isJsonObject()
                    ? entry.getAsJsonObject("timings") : new JsonObject();
            if (entry.has("connection") && timings.has("connect") && timings.get("connect").getAsDouble() >= 0) {
                connectsPerConnection.merge(entry.get("connection").getAsString(), 1, Integer::sum);
            }
        }
        connectsPerConnection.forEach((connection, connects) -> {
            if (connects > 1) {
                problems.add("connection " + connection + " has a connect time on " + connects
                        + " entries; a reused connection's entries must say -1");
            }
        });
    }

    private void creatorOrBrowser(JsonObject object, String at) {
        known(object, at, "name", "version", "comment");
        string(object, "name", at, true);
        string(object, "version", at, true);
        string(object, "comment", at, false);
    }

    private void page(JsonElement element, String at) {
        if (!element.isJsonObject()) {
            problems.add(at + " is not an object");
            return;
        }
        JsonObject page = element.getAsJsonObject();
        known(page, at, "startedDateTime", "id", "title", "pageTimings", "comment");
        dateTime(page, at);
        string(page, "id", at, true);
        string(page, "title", at, true);
        object(page, "pageTimings", at, true);
    }

    private void entry(JsonObject entry, String at) {
        known(entry, at, "pageref", "startedDateTime", "time", "request", "response", "cache", "timings",
                "serverIPAddress", "connection", "comment");
        string(entry, "pageref", at, false);
        dateTime(entry, at);
        Double time = number(entry, "time", at, true);
        JsonObject request = object(entry, "request", at, true);
        if (request != null) {
            request(request, at + ".request");
        }
        JsonObject response = object(entry, "response", at, true);
        if (response != null) {
            response(response, at + ".response");
        }
        JsonObject cache = object(entry, "cache", at, true);
        if (cache != null) {
            known(cache, at + ".cache", "beforeRequest", "afterRequest", "comment");
            object(cache, "beforeRequest", at + ".cache", false);
            object(cache, "afterRequest", at + ".cache", false);
        }
        JsonObject timings = object(entry, "timings", at, true);
        if (timings != null) {
            double sum = timings(timings, at + ".timings");
            if (time != null && Math.abs(time - sum) > 0.005) { // browsers round each to 0.001 ms
                problems.add(at + ".time is " + time + " but its timings add up to " + sum);
            }
        }
        string(entry, "serverIPAddress", at, false);
        string(entry, "connection", at, false);
        string(entry, "comment", at, false);
    }

    private void request(JsonObject request, String at) {
        known(request, at, "method", "url", "httpVersion", "cookies", "headers", "queryString", "postData",
                "headersSize", "bodySize", "comment");
        string(request, "method", at, true);
        string(request, "url", at, true);
        string(request, "httpVersion", at, true);
        cookies(request, at);
        pairs(request, "headers", at);
        pairs(request, "queryString", at);
        JsonObject postData = object(request, "postData", at, false);
        if (postData != null) {
            String here = at + ".postData";
            known(postData, here, "mimeType", "params", "text", "comment");
            string(postData, "mimeType", here, true);
            JsonArray params = array(postData, "params", here, false);
            String text = string(postData, "text", here, false);
            if (params == null && text == null) {
                problems.add(here + " has neither params nor text");
            }
            if (params != null && text != null && params.size() > 0) {
                problems.add(here + " has both params and text, which exclude each other");
            }
        }
        size(request, "headersSize", at);
        size(request, "bodySize", at);
        string(request, "comment", at, false);
    }

    private void response(JsonObject response, String at) {
        known(response, at, "status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL",
                "headersSize", "bodySize", "comment");
        number(response, "status", at, true);
        string(response, "statusText", at, true);
        string(response, "httpVersion", at, true);
        cookies(response, at);
        pairs(response, "headers", at);
        JsonObject content = object(response, "content", at, true);
        if (content != null) {
            String here = at + ".content";
            known(content, here, "size", "compression", "mimeType", "text", "encoding", "comment");
            number(content, "size", here, true);
            number(content, "compression", here, false);
            string(content, "mimeType", here, true);
            string(content, "text", here, false);
            String encoding = string(content, "encoding", here, false);
            if (encoding != null && !content.has("text")) {
                problems.add(here + " has an encoding but no text");
            }
        }
        string(response, "redirectURL", at, true);
        size(response, "headersSize", at);
        size(response, "bodySize", at);
        string(response, "comment", at, false);
    }

    /** The sum of the timings that apply; {@code ssl} is already part of {@code connect}. */
    private double timings(JsonObject timings, String at) {
        known(timings, at, "blocked", "dns", "connect", "send", "wait", "receive", "ssl", "comment");
        double sum = 0;
        for (String phase : new String[] {"blocked", "dns", "connect", "send", "wait", "receive", "ssl"}) {
            boolean required = Set.of("send", "wait", "receive").contains(phase);
            Double value = number(timings, phase, at, required);
            if (value == null) {
                continue;
            }
            if (value < 0 && value != -1) {
                problems.add(at + "." + phase + " is " + value + ": a time is -1 or not negative");
            }
            if (required && value < 0) {
                problems.add(at + "." + phase + " must not be negative");
            }
            if (value > 0 && !phase.equals("ssl")) {
                sum += value;
            }
        }
        string(timings, "comment", at, false);
        return sum;
    }

    private void cookies(JsonObject message, String at) {
        JsonArray cookies = array(message, "cookies", at, true);
        if (cookies == null) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String here = at + ".cookies[" + i + "]";
            if (!cookies.get(i).isJsonObject()) {
                problems.add(here + " is not an object");
                continue;
            }
            JsonObject cookie = cookies.get(i).getAsJsonObject();
            known(cookie, here, "name", "value", "path", "domain", "expires", "httpOnly", "secure", "comment");
            string(cookie, "name", here, true);
            string(cookie, "value", here, true);
        }
    }

    /** Headers and query parameters: objects with a name and a value. */
    private void pairs(JsonObject message, String field, String at) {
        JsonArray pairs = array(message, field, at, true);
        if (pairs == null) {
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            String here = at + "." + field + "[" + i + "]";
            if (!pairs.get(i).isJsonObject()) {
                problems.add(here + " is not an object");
                continue;
            }
            JsonObject pair = pairs.get(i).getAsJsonObject();
            known(pair, here, "name", "value", "comment");
            string(pair, "name", here, true);
            string(pair, "value", here, true);
        }
    }

    private void size(JsonObject object, String field, String at) {
        Double size = number(object, field, at, true);
        if (size != null && size < -1) {
            problems.add(at + "." + field + " is " + size + ": a size is -1 (unknown) or not negative");
        }
    }

    private void dateTime(JsonObject object, String at) {
        String text = string(object, "startedDateTime", at, true);
        if (text == null) {
            return;
        }
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at + ".startedDateTime is not ISO 8601 with a zone: " + text);
        }
    }

    /** Fields the spec does not name must start with an underscore. */
    private void known(JsonObject object, String at, String... fields) {
        Set<String> named = Set.of(fields);
        for (String key : object.keySet()) {
            if (!named.contains(key) && !key.startsWith("_")) {
                problems.add(at + " has the field " + key + ", which HAR 1.2 does not name and which does not"
                        + " start with _");
            }
        }
    }

    private String string(JsonObject object, String field, String at, boolean required) {
        JsonElement value = value(object, field, at, required, Type.STRING);
        return value == null ? null : value.getAsString();
    }

    private Double number(JsonObject object, String field, String at, boolean required) {
        JsonElement value = value(object, field, at, required, Type.NUMBER);
        return value == null ? null : value.getAsDouble();
    }

    private JsonObject object(JsonObject object, String field, String at, boolean required) {
        JsonElement value = value(object, field, at, required, Type.OBJECT);
        return value == null ? null : value.getAsJsonObject();
    }

    private JsonArray array(JsonObject object, String field, String at, boolean required) {
        JsonElement value = value(object, field, at, required, Type.ARRAY);
        return value == null ? null : value.getAsJsonArray();
    }

    private JsonElement value(JsonObject object, String field, String at, boolean required, Type type) {
        String where = at.isEmpty() ? field : at + "." + field;
        if (!object.has(field) || object.get(field).isJsonNull()) {
            if (required) {
                problems.add(where + " is missing");
            }
            return null;
        }
        JsonElement value = object.get(field);
        boolean fits = switch (type) {
            case STRING -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case NUMBER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case ARRAY -> value.isJsonArray();
            case OBJECT -> value.isJsonObject();
        };
        if (!fits) {
            problems.add(where + " is not a " + type.name().toLowerCase() + ": " + value);
            return null;
        }
        return value;
    }
}
