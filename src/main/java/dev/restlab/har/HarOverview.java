package dev.restlab.har;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.restlab.http.Utf8;
import dev.restlab.wire.Body;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code restlab show} says of imported exchanges besides each exchange itself: one summary
 * line, and the whole list as JSON for a program (a grader's script, a test).
 */
public final class HarOverview {

    private HarOverview() {
    }

    /**
     * One line: how many entries on how many connections, from when to when, and how they were
     * answered, e.g. {@code 3 entries on 2 connections, 2025-10-24T10:46:45.103Z to
     * 2025-10-24T10:46:47.571Z; answered 200 ×2, 201 ×1}.
     */
    public static String summary(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return "no entries";
        }
        long connections = exchanges.stream().map(e -> e.connection().id()).distinct().count();
        Instant first = exchanges.stream().map(HarOverview::startedDateTime).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = exchanges.stream().map(HarOverview::startedDateTime).max(Comparator.naturalOrder()).orElseThrow();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long leftOut = 0;
        for (Exchange e : exchanges) {
            statuses.merge(e.status(), 1, Integer::sum);
            leftOut += (e.request().body().leftOutByFile() ? 1 : 0) + (e.response().body().leftOutByFile() ? 1 : 0);
        }
        StringBuilder line = new StringBuilder();
        line.append(count(exchanges.size(), "entry", "entries")).append(" on ")
                .append(count(connections, "connection", "connections")).append(", ").append(first);
        if (!last.equals(first)) {
            line.append(" to ").append(last);
        }
        line.append("; answered ");
        String separator = "";
        for (Map.Entry<Integer, Integer> status : statuses.entrySet()) {
            line.append(separator).append(status.getKey() == 0 ? "none (0)" : status.getKey())
                    .append(" ×").append(status.getValue());
            separator = ", ";
        }
        if (leftOut > 0) {
            line.append("; ").append(count(leftOut, "body", "bodies")).append(" the file left out");
        }
        return line.toString();
    }

    /** HAR's {@code startedDateTime}: a connection's first entry starts with its connection. */
    private static Instant startedDateTime(Exchange e) {
        return e.index() == 1 ? e.connection().accepted() : e.started();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * The exchanges as one JSON object: {@code entries}, each with its place, request, response
     * and phases, and the {@code summary} line. Bodies are {@code text} when UTF-8, else
     * {@code base64}, with their real {@code size} and whether the file {@code leftOut} the rest.
     * Control characters are escaped as JSON {@code \}{@code u} escapes, so printing it is safe.
     */
    public static String json(String file, List<Exchange> exchanges) {
        JsonArray entries = new JsonArray();
        for (Exchange e : exchanges) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", e.id());
            entry.addProperty("connection", e.connection().id());
            entry.addProperty("index", e.index());
            entry.addProperty("startedDateTime", startedDateTime(e).toString());
            JsonObject request = new JsonObject();
            request.addProperty("method", e.method());
            request.addProperty("target", e.target());
            request.addProperty("httpVersion", e.request().version());
            request.add("headers", headers(e.request().headers()));
            request.add("body", body(e.request().body()));
            entry.add("request", request);
            JsonObject response = new JsonObject();
            response.addProperty("status", e.status());
            response.addProperty("reason", e.response().reason());
            response.addProperty("httpVersion", e.response().version());
            response.add("headers", headers(e.response().headers()));
            response.add("body", body(e.response().body()));
            entry.add("response", response);
            JsonObject timings = new JsonObject();
            timings.addProperty("sendMicros", e.timings().sendMicros());
            timings.addProperty("waitMicros", e.timings().waitMicros());
            timings.addProperty("receiveMicros", e.timings().receiveMicros());
            entry.add("timings", timings);
            entries.add(entry);
        }
        JsonObject all = new JsonObject();
        all.addProperty("file", file);
        all.add("entries", entries);
        all.addProperty("summary", summary(exchanges));
        String json = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(all);
        return escapeC1(json);
    }

    private static JsonArray headers(List<Header> headers) {
        JsonArray list = new JsonArray();
        for (Header header : headers) {
            JsonObject one = new JsonObject();
            one.addProperty("name", header.name());
            one.addProperty("value", header.value());
            list.add(one);
        }
        return list;
    }

    private static JsonObject body(Body body) {
        JsonObject json = new JsonObject();
        json.addProperty("size", body.size());
        Utf8.decode(body.stored()).ifPresentOrElse(text -> json.addProperty("text", text),
                () -> json.addProperty("base64", Base64.getEncoder().encodeToString(body.stored())));
        if (body.truncated()) {
            json.addProperty("kept", body.stored().length);
            json.addProperty("leftOutByFile", body.leftOutByFile());
        }
        return json;
    }

    /** Gson escapes C0 controls; DEL and the C1 controls some terminals obey are escaped here the same way. */
    private static String escapeC1(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
