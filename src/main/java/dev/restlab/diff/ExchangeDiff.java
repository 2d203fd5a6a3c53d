package dev.restlab.diff;

import dev.restlab.wire.Exchange;
import dev.restlab.wire.Header;
import java.util.List;
import java.util.Optional;

/**
 * Two exchanges side by side, part by part: the request line, the request's headers and body,
 * the status line, the response's headers and body. Headers are matched by name, JSON bodies by
 * meaning, other text line by line. Pure: no window, so it is tested on its own; the texts in
 * the rows are the wire's, for a view that shows them as plain text.
 */
public record ExchangeDiff(Exchange left, Exchange right, List<DiffSection> sections) {

    public ExchangeDiff {
        sections = List.copyOf(sections);
    }

    /** Compares {@code left} with {@code right}: rows say how the right differs from the left. */
    public static ExchangeDiff between(Exchange left, Exchange right) {
        return new ExchangeDiff(left, right, List.of(
                line("Request line", left.request().line(), right.request().line()),
                HeaderDiff.of("Request headers", left.request().headers(), right.request().headers()),
                BodyDiff.of("Request body", left.request().body(), Header.first(left.request().headers(), "Content-Type"),
                        right.request().body(), Header.first(right.request().headers(), "Content-Type")),
                line("Status line", left.response().statusLine(), right.response().statusLine()),
                HeaderDiff.of("Response headers", left.response().headers(), right.response().headers()),
                BodyDiff.of("Response body", left.response().body(), Header.first(left.response().headers(), "Content-Type"),
                        right.response().body(), Header.first(right.response().headers(), "Content-Type"))));
    }

    /** True when no part differs (fields or keys in another order still count as the same). */
    public boolean same() {
        return sections.stream().allMatch(DiffSection::same);
    }

    /** The part with this title. */
    public DiffSection section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part called " + title));
    }

    private static DiffSection line(String title, String left, String right) {
        return new DiffSection(title, List.of(left.equals(right) ? DiffRow.same(left, right) : DiffRow.changed(left, right)),
                List.of(), Optional.empty());
    }
}
