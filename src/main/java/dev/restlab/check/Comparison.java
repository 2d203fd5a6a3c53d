package dev.restlab.check;

import dev.restlab.http.MediaType;
import dev.restlab.wire.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the checked server's answer with RestLab's by meaning: the status; the media type
 * (only when there is a body); and the {@link BodyShape}. {@code text/html} and
 * {@code text/plain} count as the same type for a body with no markup in it, since a browser
 * shows such a body the same either way; with markup in it (a name such as
 * {@code <script>…}) they differ, because as HTML the markup runs.
 */
final class Comparison {

    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");

    private Comparison() {
    }

    static List<Difference> of(Answer target, Answer reference, Set<Aspect> aspects) {
        if (!target.complete() || !reference.complete()) {
            if (target.complete() == reference.complete() && target.problem().equals(reference.problem())) {
                return List.of();
            }
            return List.of(new Difference("answer", answerText(target), answerText(reference)));
        }
        Exchange t = target.exchange().orElseThrow();
        Exchange r = reference.exchange().orElseThrow();
        List<Difference> differences = new ArrayList<>();
        if (aspects.contains(Aspect.STATUS) && t.status() != r.status()) {
            differences.add(new Difference("status", target.statusText(), reference.statusText()));
        }
        String tBody = t.response().body().text();
        String rBody = r.response().body().text();
        if (aspects.contains(Aspect.TYPE) && !(tBody.isEmpty() && rBody.isEmpty())) {
            String tType = MediaType.essence(t.response().header("Content-Type").orElse(null));
            String rType = MediaType.essence(r.response().header("Content-Type").orElse(null));
            if (!sameType(tType, tBody, rType, rBody)) {
                differences.add(new Difference("content type", typeText(tType), typeText(rType)));
            }
        }
        if (aspects.contains(Aspect.BODY)) {
            BodyShape tShape = BodyShape.of(tBody);
            BodyShape rShape = BodyShape.of(rBody);
            if (!tShape.equals(rShape)) {
                differences.add(new Difference("body", tShape.describe(), rShape.describe()));
            }
        }
        return differences;
    }

    private static boolean sameType(String tType, String tBody, String rType, String rBody) {
        if (tType.equals(rType)) {
            return true;
        }
        boolean plainOrHtml = Set.of("text/plain", "text/html").containsAll(Set.of(tType, rType));
        return plainOrHtml && !MARKUP.matcher(tBody).find() && !MARKUP.matcher(rBody).find();
    }

    private static String typeText(String type) {
        return type.isEmpty() ? "none" : type;
    }

    private static String answerText(Answer answer) {
        return answer.complete() ? "answered " + answer.statusText() : answer.problem();
    }
}
