package dev.restlab.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts two sides' names (header fields, JSON keys) into one order for rows side by side. */
final class Alignment {

    private Alignment() {
    }

    /**
     * The left's names in the left's order, each name only the right has placed right after the
     * name the right sent before it (or first, when the right sent it first). Linear in the
     * number of names: a hostile body may have tens of thousands of keys.
     */
    static List<String> merge(List<String> left, List<String> right) {
        Set<String> onLeft = new HashSet<>(left);
        Set<String> placed = new HashSet<>();
        Map<String, List<String>> after = new HashMap<>(); // the null key: before everything
        String previous = null;
        for (String name : right) {
            if (!onLeft.contains(name) && placed.add(name)) {
                after.computeIfAbsent(previous, k -> new ArrayList<>()).add(name);
            }
            previous = name;
        }
        List<String> merged = new ArrayList<>(left.size() + placed.size());
        addFollowers(null, after, merged);
        for (String name : left) {
            merged.add(name);
            addFollowers(name, after, merged);
        }
        return merged;
    }

    private static void addFollowers(String name, Map<String, List<String>> after, List<String> merged) {
        Deque<String> pending = new ArrayDeque<>();
        pushReversed(after.get(name), pending);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            merged.add(next);
            pushReversed(after.get(next), pending);
        }
    }

    private static void pushReversed(List<String> names, Deque<String> pending) {
        if (names != null) {
            for (int i = names.size() - 1; i >= 0; i--) {
                pending.push(names.get(i));
            }
        }
    }
}
