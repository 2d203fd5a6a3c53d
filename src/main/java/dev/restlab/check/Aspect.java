package dev.restlab.check;

import java.util.Locale;

/** What of an answer a scenario's case compares. */
public enum Aspect {
    /** The status code. */
    STATUS,
    /** The media type of the body (parameters such as charset aside). */
    TYPE,
    /** The body, by meaning: JSON as values, UUIDs as "some UUID". */
    BODY;

    /** The name a scenario file uses: {@code status}, {@code type}, {@code body}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
