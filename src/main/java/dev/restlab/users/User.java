package dev.restlab.users;

import java.util.Objects;

/** One registered user, as the handout's API stores it. */
public record User(String id, String name, String email) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
