package dev.restlab.http;

import java.util.Locale;

/** Reads the media type of a {@code Content-Type} header. */
public final class MediaType {

    private MediaType() {
    }

    /**
     * The type and subtype alone, lower case, without parameters: {@code application/json} for
     * {@code Application/JSON; charset=utf-8}; "" for a missing header.
     */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a body of this type is JSON, by the rule Flask's {@code request.is_json} uses:
     * {@code application/json} or any {@code application/*+json}.
     *
     * @param contentType a whole header value (parameters allowed) or null
     */
    public static boolean isJson(String contentType) {
        String mime = essence(contentType);
        return mime.equals("application/json")
                || (mime.startsWith("application/") && mime.endsWith("+json"));
    }
}
