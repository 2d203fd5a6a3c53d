package dev.restlab.har;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads one JSON value from a stream into a tree, building at most a given number of values and
 * skipping, without keeping, the members whose names RestLab does not use. A small file can
 * describe a huge tree ({@code [{},{},…]} is three bytes a value, each a Java object of dozens),
 * so the count is checked while reading, before anything is kept.
 */
final class BoundedJson {

    /** Thrown when the value holds more than the budget allows; the caller names where. */
    static final class OverBudget extends Exception {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private final Predicate<String> skipped;
    private long left;

    /**
     * @param budget  how many values (objects, arrays, strings, numbers, …) may be built
     * @param skipped names of object members to skip wherever they are
     */
    BoundedJson(long budget, Predicate<String> skipped) {
        this.left = budget;
        this.skipped = skipped;
    }

    /** How many values this reader has built. */
    long left() {
        return left;
    }

    JsonElement read(JsonReader in) throws IOException, OverBudget {
        if (--left < 0) {
            throw new OverBudget();
        }
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (skipped.test(name)) {
                        in.skipValue();
                    } else {
                        object.add(name, read(in));
                    }
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IOException("unexpected " + in.peek() + " " + in.getPath());
        }
    }
}
