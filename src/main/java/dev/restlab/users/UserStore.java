package dev.restlab.users;

import java.util.List;
import java.util.Optional;

/**
 * Where users live. Implementations are thread-safe: Jetty calls them from many threads at once.
 * Listing keeps insertion order, as the handout's Python list does. Closing releases what the
 * store holds (a database file and its lock); a store in memory holds nothing.
 */
public interface UserStore extends AutoCloseable {

    /** Stores a new user under a fresh UUID4 and returns it. */
    User create(String name, String email);

    /** Every user, oldest first, as an unmodifiable list that later changes do not alter. */
    List<User> all();

    /** Users whose name equals {@code name} exactly, oldest first. */
    List<User> findByName(String name);

    Optional<User> get(String id);

    /** Removes the user; false when there was none with that id. */
    boolean delete(String id);

    int size();

    /** Removes every user (the window's "Reset users"). */
    void clear();

    /** Where users are kept, in words for a person: a file path, or "memory only". */
    String location();

    @Override
    default void close() {
    }
}
