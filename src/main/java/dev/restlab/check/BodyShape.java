package dev.restlab.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a body means for the comparison, written as one line. JSON by its structure: objects by
 * their keys (in any order), arrays by the shapes of their members (so a list of three users has
 * the shape of a list of one), a string that is a UUID as {@code uuid}. Text word for word, each
 * UUID as {@code <uuid>} wherever it stands, line ends and trailing blanks aside. Two servers give
 * different ids and may already hold different users; neither makes them answer differently.
 *
 * @param json true when the body is JSON
 * @param text the shape, e.g. {@code {"users": [{"email": string, "id": uuid, "name": string}]}}
 */
record BodyShape(boolean json, String text) {

    static final BodyShape NONE = new BodyShape(false, "");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static BodyShape of(String body) {
        if (body.isBlank()) {
            return NONE;
        }
        JsonElement json = parse(body);
        if (json != null && (json.isJsonObject() || json.isJsonArray())) {
            return new BodyShape(true, shape(json));
        }
        String text = UUID.matcher(body.replace("\r\n", "\n")).replaceAll("<uuid>").stripTrailing();
        return new BodyShape(false, text);
    }

    /** How the report names it: {@code JSON {...}}, {@code text "..."} or {@code no body}. */
    String describe() {
        if (text.isEmpty()) {
            return "no body";
        }
        if (json) {
            return "JSON " + text;
        }
        String line = text.lines().findFirst().orElse("");
        String more = text.contains("\n") ? " …" : "";
        return "text \"" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "\"" + more;
    }

    private static JsonElement parse(String body) {
        try {
            JsonReader reader = new JsonReader(new StringReader(body));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String shape(JsonElement json) {
        if (json.isJsonObject()) {
            Map<String, String> fields = new TreeMap<>();
            for (Map.Entry<String, JsonElement> field : ((JsonObject) json).entrySet()) {
                fields.put(field.getKey(), shape(field.getValue()));
            }
            StringBuilder text = new StringBuilder("{");
            fields.forEach((key, value) -> text.append(text.length() > 1 ? ", " : "")
                    .append(new JsonPrimitive(key)).append(": ").append(value));
            return text.append('}').toString();
        }
        if (json.isJsonArray()) {
            TreeSet<String> members = new TreeSet<>();
            for (JsonElement member : (JsonArray) json) {
                members.add(shape(member));
            }
            return "[" + String.join(" | ", members) + "]";
        }
        if (json.isJsonNull()) {
            return "null";
        }
        JsonPrimitive value = json.getAsJsonPrimitive();
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isNumber()) {
            return "number";
        }
        return UUID.matcher(value.getAsString()).matches() ? "uuid" : "string";
    }
}
