package dev.restlab.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.restlab.users.User;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;

/**
 * The API's JSON: the one Gson the routes write with, and the strict reading of request bodies.
 * Users are written with sorted keys and compact separators, as Flask's jsonify writes them, so
 * that a listing is byte-for-byte what the handout's server prints.
 */
final class Json {

    /** Deeper nesting than this is refused as malformed rather than parsed. */
    static final int NESTING_LIMIT = 64;

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(User.class, (JsonSerializer<User>) Json::flaskOrder)
            .create();

    private Json() {
    }

    static String write(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Parses one complete JSON document, refusing everything RFC 8259 refuses (gson alone is
     * lenient: single quotes, comments, trailing garbage).
     *
     * @throws JsonParseException with a one-line reason when the text is not JSON
     */
    static JsonElement parseStrict(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(NESTING_LIMIT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the JSON value");
            }
            return element;
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new JsonParseException(firstLine(root.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "not valid JSON";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        int advice = line.indexOf("Use JsonReader.setStrictness");
        if (advice > 0) {
            line = line.substring(0, advice).strip();
        }
        return line;
    }

    /** Email, id, name: the order Flask's sorted keys give. */
    private static JsonElement flaskOrder(User user, Type type, JsonSerializationContext context) {
        JsonObject object = new JsonObject();
        object.addProperty("email", user.email());
        object.addProperty("id", user.id());
        object.addProperty("name", user.name());
        return object;
    }
}
