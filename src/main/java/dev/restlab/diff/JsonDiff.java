package dev.restlab.diff;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two JSON documents compared by what they mean: an object's keys are matched by name whatever
 * their order (rows side by side, key by key), numbers by value ({@code 1} is {@code 1.0}),
 * strings after their escapes are read, spacing not at all. Array elements are lined up with
 * the text diff's algorithm over their meaning, so one inserted user does not make every later
 * user "changed". Rows show the documents re-indented, two spaces a level.
 */
final class JsonDiff {

    /** Keys and strings written as JSON again, with {@code <} and {@code &} left as they are. */
    private static final Gson WRITER = new GsonBuilder().disableHtmlEscaping().create();
    private static final TypeAdapter<JsonElement> ELEMENTS = WRITER.getAdapter(JsonElement.class);
    /** Longer numbers are compared as written: BigDecimal reads hostile digit strings slowly. */
    private static final int LONGEST_NUMBER = 400;
    private static final int PATHS_LISTED = 5;

    private final List<DiffRow> rows = new ArrayList<>();
    private final List<String> reordered = new ArrayList<>();

    private JsonDiff() {
    }

    /** The rows, and the places where objects on both sides have their shared keys in another order. */
    record Result(List<DiffRow> rows, List<String> reorderedAt) {
    }

    static Result of(JsonElement left, JsonElement right) {
        JsonDiff diff = new JsonDiff();
        diff.pair(left, right, "", "", "", "", "$");
        return new Result(diff.rows, diff.reordered);
    }

    /** A note naming the first few reordered places. */
    static String reorderNote(List<String> paths) {
        String listed = String.join(", ", paths.subList(0, Math.min(paths.size(), PATHS_LISTED)));
        String more = paths.size() > PATHS_LISTED ? " and " + (paths.size() - PATHS_LISTED) + " more" : "";
        return "Keys both sides have came in another order at " + listed + more
                + " (the same object in JSON either way).";
    }

    /**
     * The document a body holds, or null when it is not one whole, strictly written JSON value.
     *
     * @param anyValue whether a bare string, number, true, false or null counts (only when the
     *                 Content-Type says JSON: otherwise a plain-text "42" would be compared as a number)
     */
    static JsonElement parse(String text, boolean anyValue) {
        String trimmed = text.strip();
        if (!anyValue && !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(trimmed));
            reader.setStrictness(Strictness.STRICT);
            JsonElement json = ELEMENTS.read(reader);
            return json != null && reader.peek() == JsonToken.END_DOCUMENT ? json : null;
        } catch (IOException | RuntimeException notJson) {
            return null; // gson reports malformed and too deeply nested documents alike
        }
    }

    private void pair(JsonElement l, JsonElement r, String indent, String lead, String lComma, String rComma, String path) {
        if (l.isJsonObject() && r.isJsonObject() && !(l.getAsJsonObject().isEmpty() && r.getAsJsonObject().isEmpty())) {
            objects(l.getAsJsonObject(), r.getAsJsonObject(), indent, lead, lComma, rComma, path);
        } else if (l.isJsonArray() && r.isJsonArray() && !(l.getAsJsonArray().isEmpty() && r.getAsJsonArray().isEmpty())) {
            arrays(l.getAsJsonArray(), r.getAsJsonArray(), indent, lead, lComma, rComma, path);
        } else {
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            lines(l, indent, lead, lComma, left);
            lines(r, indent, lead, rComma, right);
            if (canonical(l).equals(canonical(r))) {
                for (int k = 0; k < left.size(); k++) {
                    rows.add(DiffRow.same(left.get(k), right.get(k)));
                }
            } else {
                TextDiff.pairUp(left, right, rows);
            }
        }
    }

    private void objects(JsonObject l, JsonObject r, String indent, String lead, String lComma, String rComma, String path) {
        rows.add(DiffRow.same(indent + lead + "{", indent + lead + "{"));
        List<String> lKeys = new ArrayList<>(l.keySet());
        List<String> rKeys = new ArrayList<>(r.keySet());
        if (!lKeys.stream().filter(r::has).toList().equals(rKeys.stream().filter(l::has).toList())) {
            reordered.add(path);
        }
        Map<String, Integer> lAt = positions(lKeys);
        Map<String, Integer> rAt = positions(rKeys);
        String inner = indent + "  ";
        for (String key : Alignment.merge(lKeys, rKeys)) {
            String keyLead = WRITER.toJson(key) + ": ";
            String lc = comma(lAt.get(key), lKeys.size());
            String rc = comma(rAt.get(key), rKeys.size());
            String keyPath = path + "." + key;
            if (!l.has(key)) {
                added(r.get(key), inner, keyLead, rc);
            } else if (!r.has(key)) {
                removed(l.get(key), inner, keyLead, lc);
            } else {
                pair(l.get(key), r.get(key), inner, keyLead, lc, rc, keyPath);
            }
        }
        rows.add(DiffRow.same(indent + "}" + lComma, indent + "}" + rComma));
    }

    private void arrays(JsonArray l, JsonArray r, String indent, String lead, String lComma, String rComma, String path) {
        rows.add(DiffRow.same(indent + lead + "[", indent + lead + "["));
        List<String> lMeaning = new ArrayList<>(l.size());
        l.forEach(e -> lMeaning.add(canonical(e)));
        List<String> rMeaning = new ArrayList<>(r.size());
        r.forEach(e -> rMeaning.add(canonical(e)));
        String inner = indent + "  ";
        Sequences.align(lMeaning, rMeaning, new Sequences.Aligned() {
            @Override
            public void same(int i, int j) {
                element(i, j);
            }

            @Override
            public void differ(int fromI, int toI, int fromJ, int toJ) {
                int i = fromI;
                int j = fromJ;
                for (int[] pair : ElementPairing.best(l, fromI, toI, r, fromJ, toJ)) {
                    for (; i < pair[0]; i++) {
                        removed(l.get(i), inner, "", comma(i, l.size()));
                    }
                    for (; j < pair[1]; j++) {
                        added(r.get(j), inner, "", comma(j, r.size()));
                    }
                    element(i++, j++);
                }
                for (; i < toI; i++) {
                    removed(l.get(i), inner, "", comma(i, l.size()));
                }
                for (; j < toJ; j++) {
                    added(r.get(j), inner, "", comma(j, r.size()));
                }
            }

            private void element(int i, int j) {
                pair(l.get(i), r.get(j), inner, "", comma(i, l.size()), comma(j, r.size()), path + "[" + i + "]");
            }
        });
        rows.add(DiffRow.same(indent + "]" + lComma, indent + "]" + rComma));
    }

    private void added(JsonElement e, String indent, String lead, String comma) {
        List<String> lines = new ArrayList<>();
        lines(e, indent, lead, comma, lines);
        lines.forEach(line -> rows.add(DiffRow.added(line)));
    }

    private void removed(JsonElement e, String indent, String lead, String comma) {
        List<String> lines = new ArrayList<>();
        lines(e, indent, lead, comma, lines);
        lines.forEach(line -> rows.add(DiffRow.removed(line)));
    }

    private static Map<String, Integer> positions(List<String> keys) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            at.put(keys.get(i), i);
        }
        return at;
    }

    private static String comma(Integer index, int size) {
        return index != null && index < size - 1 ? "," : "";
    }

    /** {@code e} re-indented, one row per line; the last line ends with {@code comma}. */
    static void lines(JsonElement e, String indent, String lead, String comma, List<String> out) {
        if (e.isJsonObject() && !e.getAsJsonObject().isEmpty()) {
            out.add(indent + lead + "{");
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(e.getAsJsonObject().entrySet());
            for (int i = 0; i < entries.size(); i++) {
                lines(entries.get(i).getValue(), indent + "  ", WRITER.toJson(entries.get(i).getKey()) + ": ",
                        comma(i, entries.size()), out);
            }
            out.add(indent + "}" + comma);
        } else if (e.isJsonArray() && !e.getAsJsonArray().isEmpty()) {
            out.add(indent + lead + "[");
            JsonArray array = e.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                lines(array.get(i), indent + "  ", "", comma(i, array.size()), out);
            }
            out.add(indent + "]" + comma);
        } else {
            out.add(indent + lead + WRITER.toJson(e) + comma);
        }
    }

    /** One string per meaning: keys sorted, numbers by value, strings and literals as JSON writes them. */
    static String canonical(JsonElement e) {
        StringBuilder text = new StringBuilder();
        canonical(e, text);
        return text.toString();
    }

    private static void canonical(JsonElement e, StringBuilder text) {
        if (e.isJsonObject()) {
            text.append('{');
            Map<String, JsonElement> sorted = new TreeMap<>(e.getAsJsonObject().asMap());
            sorted.forEach((key, value) -> {
                text.append(WRITER.toJson(key)).append(':');
                canonical(value, text);
                text.append(',');
            });
            text.append('}');
        } else if (e.isJsonArray()) {
            text.append('[');
            for (JsonElement element : e.getAsJsonArray()) {
                canonical(element, text);
                text.append(',');
            }
            text.append(']');
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            text.append(number(e.getAsJsonPrimitive()));
        } else {
            text.append(WRITER.toJson(e));
        }
    }

    private static String number(JsonPrimitive number) {
        String written = number.getAsString();
        if (written.length() > LONGEST_NUMBER) {
            return "#" + written;
        }
        try {
            BigDecimal value = new BigDecimal(written);
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
        } catch (NumberFormatException e) {
            return "#" + written;
        }
    }
}
