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
 * The handout's behaviour: users kept in memory until the process ends, up to a {@link Capacity}.
 * A LinkedHashMap keeps insertion order with constant-time get and delete; the name index keeps
 * {@code ?name=} from scanning every user.
 */
public final class InMemoryUserStore implements UserStore {

    /** What {@link #location()} says: nothing is kept once the process ends. */
    public static final String MEMORY_ONLY = "memory only";

    private final Map<String, User> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByName = new HashMap<>();
    private final Capacity capacity;
    /** The bytes of every name and email held, counted against the capacity. */
    private long textBytes;
    /** What {@link #all()} answers until the next change, shared by every caller; null when stale. */
    private List<User> snapshot;

    /** A store that keeps up to {@link Capacity#DEFAULT}. */
    public InMemoryUserStore() {
        this(Capacity.DEFAULT);
    }

    public InMemoryUserStore(Capacity capacity) {
        this.capacity = capacity;
    }

    /** @throws StoreFullException when the store holds as much as its capacity allows */
    @Override
    public synchronized User create(String name, String email) {
        checkRoomFor(name, email);
        User user = new User(UUID.randomUUID().toString(), name, email);
        add(user);
        return user;
    }

    /**
     * Throws when one more user with this name and email would not fit: the check a durable store
     * makes before it writes.
     */
    synchronized void checkRoomFor(String name, String email) {
        checkRoomFor(byId.size(), textBytes, Capacity.bytesOf(name, email));
    }

    /**
     * Throws when one more user of {@code userBytes} bytes of name and email would not fit in a
     * store that held {@code users} users and {@code bytes} bytes (a durable store counts the
     * writes of its group).
     */
    void checkRoomFor(int users, long bytes, long userBytes) {
        if (users >= capacity.users() || bytes + userBytes > capacity.textBytes()) {
            throw StoreFullException.atCapacity(capacity);
        }
    }

    /** The bytes of every name and email held, as the capacity counts them. */
    synchronized long textBytes() {
        return textBytes;
    }

    /**
     * Puts an existing user back, e.g. one loaded from disk; a store loaded beyond its capacity
     * keeps them all and takes no new ones until enough are deleted.
     */
    public synchronized void add(User user) {
        snapshot = null;
        User replaced = byId.put(user.id(), user);
        if (replaced != null) {
            forget(replaced);
        }
        textBytes += Capacity.bytesOf(user.name(), user.email());
        idsByName.computeIfAbsent(user.name(), n -> new LinkedHashSet<>()).add(user.id());
    }

    /**
     * An unmodifiable list, shared by every caller until the next change: many listings of a
     * large store at once cost one copy of it, not one each.
     */
    @Override
    public synchronized List<User> all() {
        if (snapshot == null) {
            snapshot = List.copyOf(byId.values());
        }
        return snapshot;
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
        snapshot = null;
        forget(removed);
        return true;
    }

    /** Takes a user that is no longer in {@code byId} out of the name index and the byte count. */
    private void forget(User removed) {
        textBytes -= Capacity.bytesOf(removed.name(), removed.email());
        Set<String> ids = idsByName.get(removed.name());
        ids.remove(removed.id());
        if (ids.isEmpty()) {
            idsByName.remove(removed.name());
        }
    }

    @Override
    public synchronized int size() {
        return byId.size();
    }

    @Override
    public synchronized void clear() {
        byId.clear();
        idsByName.clear();
        textBytes = 0;
        snapshot = null;
    }

    @Override
    public String location() {
        return MEMORY_ONLY;
    }
}
