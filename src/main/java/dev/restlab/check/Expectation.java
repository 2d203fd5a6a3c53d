package dev.restlab.check;

import dev.restlab.http.MediaType;
import dev.restlab.wire.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an answer must be to count as expected: one of some statuses; when given, a body of the
 * same {@link BodyShape} as a sample body (so ids, and users a server held before, do not
 * matter); when given, one of some media types.
 *
 * @param statuses the statuses that will do; never empty
 * @param body     a sample body as the expected server answers it, or empty when the body is not judged
 * @param types    the media types that will do (no parameters), or empty when the type is not judged
 * @param note     said beside a case answered this way, e.g. that the listing has no {@code ?name=}; or empty
 */
public record Expectation(Set<Integer> statuses, Optional<String> body, Set<String> types, String note) {

    public Expectation {
        statuses = Set.copyOf(new TreeSet<>(statuses));
        types = Set.copyOf(types);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("an expectation needs at least one status");
        }
    }

    /** True when {@code answer} is whole and is as expected. */
    boolean met(Answer answer) {
        return answer.complete() && differences(answer.exchange().orElseThrow(), "").isEmpty();
    }

    /** How a whole answer differs; {@code by} names who answers as expected, e.g. {@code In [7] answers}. */
    List<Difference> differences(Exchange answer, String by) {
        List<Difference> differences = new ArrayList<>();
        if (!statuses.contains(answer.status())) {
            differences.add(new Difference("status", Answer.statusText(answer), statusText(), by));
        }
        String bodyText = answer.response().body().text();
        if (!types.isEmpty()) {
            String type = MediaType.essence(answer.response().header("Content-Type").orElse(null));
            if (!types.contains(type)) {
                differences.add(new Difference("content type", type.isEmpty() ? "none" : type,
                        String.join(" or ", new TreeSet<>(types)), by));
            }
        }
        if (body.isPresent()) {
            BodyShape here = BodyShape.of(bodyText);
            BodyShape expected = BodyShape.of(body.get());
            if (!here.equals(expected)) {
                differences.add(new Difference("body", here.describe(), expected.describe(), by));
            }
        }
        return differences;
    }

    /** E.g. {@code 400} or {@code 400 or 422}. */
    String statusText() {
        return String.join(" or ", new TreeSet<>(statuses).stream().map(String::valueOf).toList());
    }
}
