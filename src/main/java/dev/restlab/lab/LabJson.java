package dev.restlab.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little JSON and text reading a lab's checks need from a response body. */
final class LabJson {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LabJson() {
    }

    /** True when the text is a JSON object with that field at its top level. */
    static boolean hasField(String text, String field) {
        try {
            JsonElement json = JsonParser.parseString(text);
            return json.isJsonObject() && json.getAsJsonObject().has(field);
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** The first UUID in a text, e.g. the id in {@code User created successfully! ID: …}. */
    static Optional<String> firstUuid(String text) {
        Matcher matcher = UUID.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
