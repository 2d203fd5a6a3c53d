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
import com.google.gson.stream.JsonWriter;
import dev.restlab.users.User;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

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
     * Writes {@code {"users":[...]}} straight to {@code out}, user by user: the same text as
     * {@code write(Map.of("users", users))} without ever holding all of it.
     */
    static void writeUserList(List<User> users, Writer out) throws IOException {
        JsonWriter json = GSON.newJsonWriter(out);
        json.beginObject().name("users");
        writeArray(users, json);
        json.endObject();
        json.flush();
    }

    /** One user as {@code write(user)} writes it, without the tree Gson would build first. */
    static String writeUser(User user) {
        StringWriter out = new StringWriter(128);
        try {
            JsonWriter json = GSON.newJsonWriter(out);
            writeUser(user, json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** A few users as {@code write(users)} writes them, made whole (for a short list). */
    static String writeUsers(List<User> users) {
        StringWriter out = new StringWriter(128 * users.size() + 2);
        try {
            writeUsers(users, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes {@code [...]} straight to {@code out}: the same text as {@code write(users)}. */
    static void writeUsers(List<User> users, Writer out) throws IOException {
        JsonWriter json = GSON.newJsonWriter(out);
        writeArray(users, json);
        json.flush();
    }

    private static void writeArray(List<User> users, JsonWriter json) throws IOException {
        json.beginArray();
        for (User user : users) {
            writeUser(user, json);
        }
        json.endArray();
    }

    /** Email, id, name: the order Flask's sorted keys give. Written as it goes, no tree per user. */
    private static void writeUser(User user, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("email").value(user.email());
        json.name("id").value(user.id());
        json.name("name").value(user.name());
        json.endObject();
    }

    /**
     * Parses one complete JSON document, refusing everything RFC 8259 refuses (gson alone is
     * lenient: single quotes, comments, trailing garbage) and strings that hold half a surrogate
     * pair.
     *
     * @throws Malformed with a one-line reason when the text is not JSON
     */
    static JsonElement parseStrict(String text) throws Malformed {
        Optional<JsonSyntax.Fault> fault = JsonSyntax.firstFault(text, NESTING_LIMIT);
        if (fault.isPresent()) {
            throw new Malformed(fault.get());
        }
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
            // JsonSyntax found no fault, so Gson should find none either; if it does, say so plainly.
            throw new Malformed(new JsonSyntax.Fault(1, 1, "not valid JSON"));
        }
    }

    /** A text that is not JSON; the message is one line, in the API's words. */
    static final class Malformed extends Exception {
        Malformed(JsonSyntax.Fault fault) {
            super("Malformed JSON at line " + fault.line() + " column " + fault.column() + ": " + fault.reason(),
                    null, false, false);
        }
    }

    /** Users for Gson, in Flask's order (requests are read as trees, never as users). */
    private static JsonElement flaskOrder(User user, Type type, JsonSerializationContext context) {
        JsonObject json = new JsonObject();
        json.addProperty("email", user.email());
        json.addProperty("id", user.id());
        json.addProperty("name", user.name());
        return json;
    }
}
