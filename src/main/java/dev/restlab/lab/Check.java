package dev.restlab.lab;

import dev.restlab.http.MediaType;
import dev.restlab.http.PathTemplate;
import dev.restlab.wire.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A predicate over one captured exchange, as a lab file states it. Every part is optional; an
 * exchange passes when it passes every part given.
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
 * @param client           which client may send it
 * @param after            a step that must be done before this exchange counts (empty: none)
 * @param idFrom           a step whose remembered id the path's {@code {id}} must be (empty: any)
 */
public record Check(Set<String> methods, String path, Map<String, String> query,
        Map<String, String> requestHeaders, String requestMediaType, Set<Integer> statuses,
        List<String> responseHeaders, String jsonField, String bodyContains, Client client, String after,
        String idFrom) {

    /** What a check can see besides the exchange: the lab's progress so far. */
    public interface Context {
        boolean done(String stepId);

        /** The id a step remembered, if it did. */
        Optional<String> remembered(String stepId);

        /** True when the exchange came from RestLab's own window. */
        boolean fromWindow(Exchange exchange);
    }

    public boolean test(Exchange e, Context context) {
        return (methods.isEmpty() || methods.contains(e.method()))
                && pathMatches(e, context)
                && query.entrySet().stream().allMatch(wanted -> queryMatches(e, wanted.getKey(), wanted.getValue()))
                && requestHeaders.entrySet().stream().allMatch(wanted -> headerMatches(e, wanted.getKey(), wanted.getValue()))
                && (requestMediaType.isEmpty() || MediaType.essence(e.request().header("Content-Type")
                        .orElse(null)).equals(requestMediaType.toLowerCase(Locale.ROOT)))
                && (statuses.isEmpty() || statuses.contains(e.status()))
                && responseHeaders.stream().allMatch(name -> e.response().header(name).isPresent())
                && (jsonField.isEmpty() || LabJson.hasField(e.response().body().text(), jsonField))
                && (bodyContains.isEmpty() || e.response().body().text().contains(bodyContains))
                && clientMatches(e, context)
                && (after.isEmpty() || context.done(after));
    }

    private boolean pathMatches(Exchange e, Context context) {
        if (path.isEmpty()) {
            return true;
        }
        if (!path.contains("{")) {
            return e.path().equals(path);
        }
        Optional<Map<String, String>> variables = new PathTemplate(path).parameters(e.path());
        if (variables.isEmpty()) {
            return false;
        }
        if (idFrom.isEmpty()) {
            return true;
        }
        Optional<String> id = context.remembered(idFrom);
        return id.isPresent() && id.get().equals(variables.get().get("id"));
    }

    private boolean clientMatches(Exchange e, Context context) {
        return switch (client) {
            case ANY -> true;
            case WINDOW -> context.fromWindow(e);
            case TERMINAL -> !context.fromWindow(e);
        };
    }

    private static boolean queryMatches(Exchange e, String name, String value) {
        return e.request().requestTarget().query().pairs().stream()
                .anyMatch(pair -> pair.name().equals(name) && (value.equals("*") || pair.value().equals(value)));
    }

    private static boolean headerMatches(Exchange e, String name, String value) {
        Optional<String> given = e.request().header(name);
        return given.isPresent() && (value.equals("*") || given.get().equalsIgnoreCase(value));
    }

    /** The names a lab file may use in a check, as {@link LabFile} reads them. */
    static final Set<String> KEYS = Set.of("method", "path", "query", "requestHeaders", "requestMediaType",
            "status", "responseHeaders", "jsonField", "bodyContains", "client", "after", "idFrom");
}
