package dev.restlab.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.restlab.users.User;
import java.io.IOException;
import java.io.StringReader;

/**
 * The one wire format: the single configured Gson every part of RestLab uses.
 * Users are written with sorted keys and compact separators, as Flask's jsonify writes them, so
 * that a listing is byte-for-byte what the handout's server prints.
 */
public final class Json {

    /** Deeper nesting than this is refused as malformed rather than parsed. */
    static final int NESTING_LIMIT = 64;

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(User.class, new UserAdapter().nullSafe())
            .create();

    private static final Gson PRETTY = GSON.newBuilder().setPrettyPrinting().create();

    private Json() {
    }

    public static Gson gson() {
        return GSON;
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /** Indented for people to read; the input must be JSON already. */
    public static String pretty(String json) {
        return PRETTY.toJson(parseStrict(json));
    }

    /**
     * Parses one complete JSON document, refusing everything RFC 8259 refuses (gson alone is
     * lenient: single quotes, comments, trailing garbage).
     *
     * @throws JsonParseException with a one-line reason when the text is not JSON
     */
    public static JsonElement parseStrict(String text) {
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

    /** Writes email, id, name: the order Flask's sorted keys give. */
    private static final class UserAdapter extends TypeAdapter<User> {
        @Override
        public void write(JsonWriter out, User user) throws IOException {
            out.beginObject();
            out.name("email").value(user.email());
            out.name("id").value(user.id());
            out.name("name").value(user.name());
            out.endObject();
        }

        @Override
        public User read(JsonReader in) throws IOException {
            String id = null;
            String name = null;
            String email = null;
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "id" -> id = in.nextString();
                    case "name" -> name = in.nextString();
                    case "email" -> email = in.nextString();
                    default -> in.skipValue();
                }
            }
            in.endObject();
            if (id == null || name == null || email == null) {
                throw new JsonParseException("a user needs id, name and email");
            }
            return new User(id, name, email);
        }
    }
}
