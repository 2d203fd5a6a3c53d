package dev.restlab.users;

import java.util.Objects;

/** One registered user, as the handout's API stores it. */
public record User(String id, String name, String email) {

    /** The longest name the API takes, in characters (Unicode code points, as JSON Schema counts). */
    public static final int MAX_NAME_LENGTH = 100;
    /** The longest email the API takes, in characters: the longest address SMTP can carry (RFC 5321). */
    public static final int MAX_EMAIL_LENGTH = 254;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** Whether a name and an email are within {@link #MAX_NAME_LENGTH} and {@link #MAX_EMAIL_LENGTH}. */
    public static boolean withinLimits(String name, String email) {
        return characters(name) <= MAX_NAME_LENGTH && characters(email) <= MAX_EMAIL_LENGTH;
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
