package dev.restlab.diff;

import com.google.gson.JsonElement;
import dev.restlab.http.MediaType;
import dev.restlab.http.Utf8;
import dev.restlab.wire.Body;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Two bodies compared: as JSON when both are JSON documents, line by line when both are text,
 * byte for byte otherwise. What RestLab kept of a cut body is what is compared, and it says so.
 */
final class BodyDiff {

    private BodyDiff() {
    }

    /**
     * @param leftType  the left message's Content-Type, or null
     * @param rightType the right message's Content-Type, or null
     */
    static DiffSection of(String title, Body left, String leftType, Body right, String rightType) {
        List<String> notes = new ArrayList<>();
        if (left.isEmpty() && right.isEmpty()) {
            return new DiffSection(title, List.of(), List.of("No body on either side."), Optional.empty());
        }
        cutNote("left", left).ifPresent(notes::add);
        cutNote("right", right).ifPresent(notes::add);
        Optional<String> leftText = text(left);
        Optional<String> rightText = text(right);
        if (leftText.isEmpty() || rightText.isEmpty()) {
            notes.add("Not both text: compared byte for byte.");
            return new DiffSection(title, bytes(left, leftText.isPresent(), right, rightText.isPresent()), notes, Optional.empty());
        }
        JsonElement leftJson = left.truncated() ? null : JsonDiff.parse(leftText.get(), MediaType.isJson(leftType));
        JsonElement rightJson = right.truncated() ? null : JsonDiff.parse(rightText.get(), MediaType.isJson(rightType));
        if (leftJson != null && rightJson != null) {
            JsonDiff.Result json = JsonDiff.of(leftJson, rightJson);
            notes.add("Compared as JSON: keys side by side whatever their order; spacing and how a number is"
                    + " written (1 or 1.0) do not count.");
            Optional<String> reordered = json.reorderedAt().isEmpty() ? Optional.empty()
                    : Optional.of(JsonDiff.reorderNote(json.reorderedAt()));
            return new DiffSection(title, json.rows(), notes, reordered);
        }
        TextDiff.Result text = TextDiff.of(leftText.get(), rightText.get());
        notes.add(leftJson != null || rightJson != null
                ? "Only one side is JSON: compared line by line."
                : "Compared line by line.");
        if (text.cut()) {
            notes.add("Only the first " + TextDiff.MAX_LINES + " lines of each side were compared.");
        }
        if (text.rows().stream().allMatch(row -> row.change() == DiffRow.Change.SAME)
                && !leftText.get().equals(rightText.get()) && !text.cut()) {
            notes.add("The lines are the same; the bodies differ only in their line ends (CR LF or LF) or a final line end.");
        }
        return new DiffSection(title, text.rows(), notes, Optional.empty());
    }

    private static Optional<String> cutNote(String side, Body body) {
        return body.truncated()
                ? Optional.of((body.leftOutByFile() ? capitalized(body.cutNote().replace("this body", "the " + side + " body"))
                        : "RestLab kept the first " + body.stored().length + " of the " + body.size() + " bytes of the "
                                + side + " body") + ": only those are compared.")
                : Optional.empty();
    }

    private static String capitalized(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The body as text, unless it is not UTF-8 or holds a NUL (a binary body, or a gzip one). */
    private static Optional<String> text(Body body) {
        byte[] bytes = body.stored();
        Optional<String> text = Utf8.decode(bytes);
        // A body cut in the middle of a character is still text.
        for (int drop = 1; text.isEmpty() && body.truncated() && drop <= 3 && drop <= bytes.length; drop++) {
            text = Utf8.decode(Arrays.copyOf(bytes, bytes.length - drop));
        }
        return text.filter(t -> t.indexOf('\0') < 0);
    }

    private static List<DiffRow> bytes(Body left, boolean leftIsText, Body right, boolean rightIsText) {
        String l = describe(left, leftIsText);
        String r = describe(right, rightIsText);
        if (left.isEmpty()) {
            return List.of(DiffRow.added(r));
        }
        if (right.isEmpty()) {
            return List.of(DiffRow.removed(l));
        }
        boolean same = left.size() == right.size() && Arrays.equals(left.stored(), right.stored());
        return List.of(same ? DiffRow.same(l, r) : DiffRow.changed(l, r));
    }

    private static String describe(Body body, boolean isText) {
        return "[" + body.size() + " bytes" + (isText ? " of text" : ", not text") + "]";
    }
}
