package dev.restlab.openapi;

import com.google.gson.JsonPrimitive;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import dev.restlab.http.MediaType;
import dev.restlab.http.Utf8;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One documented response (one status of one operation): the media types it may have and, for
 * each, the schema its body must satisfy. A text body is checked as a JSON string, so a
 * {@code pattern} or {@code const} in the document checks the exact text the server sends.
 */
final class DocumentedResponse {

    private static final int REASON_LIMIT = 200;

    /** Media type (lower case, no parameters) to its schema, or to null when none is given. */
    private final Map<String, Schema> content;

    DocumentedResponse(Map<String, Schema> content) {
        this.content = content;
    }

    /**
     * Why the answer is not this response, or empty when it is.
     *
     * @param head     true for an answer to HEAD: it has the headers of a GET but never a body
     * @param complete false when {@code body} is only the start of the body: then it is not
     *                 checked against the schema
     */
    Optional<String> mismatch(String contentType, byte[] body, boolean head, boolean complete) {
        if (content.isEmpty()) {
            return body.length == 0 ? Optional.empty()
                    : Optional.of("the document gives this status no body, but " + body.length + " bytes came");
        }
        String mime = MediaType.essence(contentType);
        if (mime.isEmpty()) {
            return Optional.of("no Content-Type, documented: " + String.join(", ", content.keySet()));
        }
        if (!content.containsKey(mime)) {
            return Optional.of("content type " + mime + " is not documented here (documented: "
                    + String.join(", ", content.keySet()) + ")");
        }
        if (head) {
            return body.length == 0 ? Optional.empty()
                    : Optional.of("an answer to HEAD came with a body of " + body.length + " bytes");
        }
        Schema schema = content.get(mime);
        if (schema == null || !complete) {
            return Optional.empty();
        }
        return bodyMismatch(schema, mime, body);
    }

    private static Optional<String> bodyMismatch(Schema schema, String mime, byte[] body) {
        Optional<String> decoded = Utf8.decode(body);
        if (decoded.isEmpty()) {
            return Optional.of("the body is not UTF-8 text");
        }
        String text = decoded.get();
        String instance = MediaType.isJson(mime) ? text : new JsonPrimitive(text).toString();
        List<Error> errors;
        try {
            errors = schema.validate(instance, InputFormat.JSON);
        } catch (SchemaException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return Optional.of("the body is not JSON");
        }
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Error telling = mostTelling(errors);
        String where = location(telling);
        return Optional.of("the body does not match the schema: "
                + oneLine((where.isEmpty() ? "" : where + ": ") + telling.getMessage()));
    }

    /**
     * The error that says most: a oneOf/anyOf error only says "no alternative fits", while the
     * errors found in the alternatives name the field, so the deepest of those is shown.
     */
    private static Error mostTelling(List<Error> errors) {
        Error best = errors.get(0);
        for (Error error : errors) {
            boolean combinator = "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
            boolean bestIsCombinator = "oneOf".equals(best.getKeyword()) || "anyOf".equals(best.getKeyword());
            if (!combinator && (bestIsCombinator || location(error).length() > location(best).length())) {
                best = error;
            }
        }
        return best;
    }

    private static String location(Error error) {
        return error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    }

    private static String oneLine(String message) {
        String line = message.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() <= REASON_LIMIT ? line : line.substring(0, REASON_LIMIT - 1) + "…";
    }
}
