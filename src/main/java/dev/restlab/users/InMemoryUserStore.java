package dev.restlab.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The handout's behaviour: users kept in memory until the process ends.
 * A LinkedHashMap keeps insertion order with constant-time get and delete; the name index keeps
 * {@code ?name=} from scanning every user.
 */
public final class InMemoryUserStore implements UserStore {

    /** What {@link #location()} says: nothing is kept once the process ends. */
    public static final String MEMORY_ONLY = "memory only";

    private final Map<String, User> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByName = new HashMap<>();

    @Override
    public synchronized User create(String name, String email) {
        User user = new User(UUID.randomUUID().toString(), name, email);
        add(user);
        return user;
    }

    /** Puts an existing user back, e.g. one loaded from disk. */
    public synchronized void add(User user) {
        byId.put(user.id(), user);
        idsByName.computeIfAbsent(user.name(), n -> new LinkedHashSet<>()).add(user.id());
    }

    @Override
    public synchronized List<User> all() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized List<User> findByName(String name) {
        Set<String> ids = idsByName.getOrDefault(name, Set.of());
        List<User> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(byId.get(id));
        }
        return found;
    }

    @Override
    public synchronized Optional<User> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean delete(String id) {
        User removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        Set<String> ids = idsByName.get(removed.name());
        ids.remove(id);
        if (ids.isEmpty()) {
            idsByName.remove(removed.name());
        }
        return true;
    }

    @Override
    public synchronized int size() {
        return byId.size();
    }

    @Override
    public synchronized void clear() {
        byId.clear();
        idsByName.clear();
    }

    @Override
    public String location() {
        return MEMORY_ONLY;
    }
}
