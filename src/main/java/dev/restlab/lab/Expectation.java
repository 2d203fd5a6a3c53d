package dev.restlab.lab;

import dev.restlab.http.MediaType;
import dev.restlab.http.PathTemplate;
import dev.restlab.wire.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a step expects of one captured exchange, as a lab file states it. Every part is optional;
 * an exchange passes when it misses no part given. {@link #misses} is the one judge: a tick is
 * "no misses", and the reason a student sees for no tick is the same misses put in words.
 *
 * @param methods          the request method is one of these (empty: any)
 * @param path             the path equals this, or matches it as a template ({@code /people/v1/users/{id}})
 * @param query            query parameters: each name present, and equal to its value unless that is {@code *}
 * @param requestHeaders   request headers: each present, and equal to its value unless that is {@code *}
 * @param requestMediaType the request's Content-Type names this media type (parameters aside)
 * @param statuses         the status is one of these (empty: any)
 * @param responseHeaders  each of these response headers is present
 * @param jsonField        the response body is a JSON object with this field
 * @param bodyContains     the response body contains this text
 * @param requestBodyContains the request body contains this text (e.g. the name a POST sent)
 * @param client           which client may send it
 * @param after            a step that must be done before this exchange counts (empty: none)
 * @param idFrom           a step whose remembered id the path's {@code {id}} must be (empty: any)
 * @param noAnswer         the request got no answer at all (the server reset or closed the
 *                         connection, or the client gave up first): what a {@code reset} fault leaves
 */
public record Expectation(Set<String> methods, String path, Map<String, String> query,
        Map<String, String> requestHeaders, String requestMediaType, Set<Integer> statuses,
        List<String> responseHeaders, String jsonField, String bodyContains, String requestBodyContains,
        WantedClient client, String after, String idFrom, boolean noAnswer) {

    /** An expectation of an answer (the usual kind). */
    public Expectation(Set<String> methods, String path, Map<String, String> query,
            Map<String, String> requestHeaders, String requestMediaType, Set<Integer> statuses,
            List<String> responseHeaders, String jsonField, String bodyContains, String requestBodyContains,
            WantedClient client, String after, String idFrom) {
        this(methods, path, query, requestHeaders, requestMediaType, statuses, responseHeaders, jsonField,
                bodyContains, requestBodyContains, client, after, idFrom, false);
    }

    /** What an expectation can see besides the exchange: the lab's progress so far. */
    public interface Context {
        boolean done(String stepId);

        /** The id a step remembered, if it did. */
        Optional<String> remembered(String stepId);

        /** Who sent the exchange. */
        Sender sender(Exchange exchange);
    }

    /** Which part of an expectation an exchange missed. */
    public enum Part {
        METHOD, PATH, QUERY, CLIENT, REQUEST_HEADER, MEDIA_TYPE, REQUEST_BODY, ORDER, ID, STATUS, RESPONSE_HEADER, JSON, BODY;

        /** Method, path and query: a miss elsewhere still means "this is that step's request". */
        public boolean namesTheRequest() {
            return this == METHOD || this == PATH || this == QUERY;
        }
    }

    /**
     * One part missed, in words a student can act on.
     *
     * @param step for {@link Part#ORDER} the step that must be done first; else empty
     */
    public record Miss(Part part, String text, String step) {
        Miss(Part part, String text) {
            this(part, text, "");
        }
    }

    public boolean test(Exchange e, Context context) {
        return misses(e, context).isEmpty();
    }

    /** Every part this exchange misses, the request's parts first; empty when it passes. */
    public List<Miss> misses(Exchange e, Context context) {
        List<Miss> misses = new ArrayList<>();
        if (!methods.isEmpty() && !methods.contains(e.method())) {
            misses.add(new Miss(Part.METHOD, "the step wants " + String.join(" or ", methods) + ", not " + e.method()));
        }
        Optional<Map<String, String>> variables = pathVariables(e);
        if (variables.isEmpty()) {
            misses.add(new Miss(Part.PATH, "the step wants the path " + path + ", not " + e.path()));
        }
        query.forEach((name, value) -> {
            if (!queryMatches(e, name, value)) {
                misses.add(new Miss(Part.QUERY, "the step wants ?" + name + "=" + (value.equals("*") ? "…" : value)));
            }
        });
        Sender sender = context.sender(e);
        if (!client.accepts(sender)) {
            misses.add(new Miss(Part.CLIENT, client.why(sender)));
        }
        requestHeaders.forEach((name, value) -> {
            Optional<String> given = e.request().header(name);
            if (given.isEmpty()) {
                misses.add(new Miss(Part.REQUEST_HEADER, "the request has no " + name + " header"));
            } else if (!value.equals("*") && !given.get().equalsIgnoreCase(value)) {
                misses.add(new Miss(Part.REQUEST_HEADER, "the request's " + name + " is " + given.get()
                        + "; the step wants " + value));
            }
        });
        if (!requestMediaType.isEmpty()) {
            String given = MediaType.essence(e.request().header("Content-Type").orElse(null));
            if (!given.equals(requestMediaType.toLowerCase(Locale.ROOT))) {
                misses.add(new Miss(Part.MEDIA_TYPE, (given.isEmpty() ? "the request has no Content-Type"
                        : "the request's Content-Type is " + given) + "; the step wants " + requestMediaType));
            }
        }
        if (!requestBodyContains.isEmpty() && !e.request().body().text().contains(requestBodyContains)) {
            misses.add(new Miss(Part.REQUEST_BODY, "the request's body does not contain '" + requestBodyContains + "'"));
        }
        if (!after.isEmpty() && !context.done(after)) {
            misses.add(new Miss(Part.ORDER, "", after));
        }
        if (!idFrom.isEmpty() && variables.isPresent()) {
            Optional<String> id = context.remembered(idFrom);
            String given = variables.get().getOrDefault("id", "");
            if (id.isEmpty()) {
                misses.add(new Miss(Part.ID, "no user id is known yet", idFrom));
            } else if (!id.get().equals(given)) {
                misses.add(new Miss(Part.ID, "the id " + given + " is not " + id.get(),
                        idFrom));
            }
        }
        boolean none = !e.ending().answerBegan();
        if (noAnswer && !none) {
            misses.add(new Miss(Part.STATUS, "the answer is " + e.status() + "; the step wants no answer at all"
                    + " (is the step's fault rule on?)"));
        }
        if (!statuses.isEmpty() && !statuses.contains(e.status())) {
            misses.add(new Miss(Part.STATUS, (none ? "no answer came (" + e.ending().description() + ")"
                    : "the answer is " + e.status()) + "; the step wants "
                    + String.join(" or ", statuses.stream().map(String::valueOf).toList())));
        }
        for (String name : responseHeaders) {
            if (e.response().header(name).isEmpty()) {
                misses.add(new Miss(Part.RESPONSE_HEADER, "the answer has no " + name + " header"));
            }
        }
        if (!jsonField.isEmpty() && !LabJson.hasField(e.response().body().text(), jsonField)) {
            misses.add(new Miss(Part.JSON, "the answer's body is not a JSON object with '" + jsonField + "'"));
        }
        if (!bodyContains.isEmpty() && !e.response().body().text().contains(bodyContains)) {
            misses.add(new Miss(Part.BODY, "the answer's body does not contain '" + bodyContains + "'"));
        }
        return misses;
    }

    /** The path's variables when it matches (none for a plain path or no path); empty when it does not. */
    private Optional<Map<String, String>> pathVariables(Exchange e) {
        if (path.isEmpty()) {
            return Optional.of(Map.of());
        }
        if (!path.contains("{")) {
            return e.path().equals(path) ? Optional.of(Map.of()) : Optional.empty();
        }
        return new PathTemplate(path).parameters(e.path());
    }

    /** E.g. {@code POST /people/v1/users}, {@code GET /people/v1/users?name=John}: the request this expects. */
    public String request() {
        StringBuilder text = new StringBuilder(methods.isEmpty() ? "a request" : String.join(" or ", methods));
        if (!path.isEmpty()) {
            text.append(' ').append(path);
        }
        String separator = "?";
        for (Map.Entry<String, String> pair : query.entrySet()) {
            text.append(separator).append(pair.getKey()).append('=')
                    .append(pair.getValue().equals("*") ? "…" : pair.getValue());
            separator = "&";
        }
        return text.toString();
    }

    private static boolean queryMatches(Exchange e, String name, String value) {
        return e.request().requestTarget().query().pairs().stream()
                .anyMatch(pair -> pair.name().equals(name) && (value.equals("*") || pair.value().equals(value)));
    }

    /** The names a lab file may use in a check, as {@link LabFile} reads them. */
    static final Set<String> KEYS = Set.of("method", "path", "query", "requestHeaders", "requestMediaType",
            "status", "responseHeaders", "jsonField", "bodyContains", "requestBodyContains", "client", "after", "idFrom", "noAnswer");
}
