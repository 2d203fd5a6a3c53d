package dev.restlab.files;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Counts what a YAML document holds once every alias is expanded, from its parse events and
 * before anything is built, and refuses it at the line where it crosses a bound. SnakeYAML's own
 * alias limit counts only aliases to collections, so a small file whose aliases each repeat one
 * long text passes it; here an alias counts the size of what it names, text or collection.
 */
final class ExpandedSize<E extends Exception> {

    /** A collection still open: its anchor (or null) and the characters it holds so far. */
    private static final class Open {
        final String anchor;
        long chars;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    private final YamlReader.Bounds bounds;
    private final YamlReader.Refusal<E> refusal;
    private final Map<String, Long> anchors = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long total;

    ExpandedSize(YamlReader.Bounds bounds, YamlReader.Refusal<E> refusal) {
        this.bounds = bounds;
        this.refusal = refusal;
    }

    void check(Iterable<Event> events) throws E {
        for (Event event : events) {
            if (event instanceof ScalarEvent scalar) {
                int length = scalar.getValue().length();
                if (length > bounds.maxTextChars()) {
                    throw refused(event, "a text of " + length + " characters; a " + bounds.kind()
                            + "'s texts are at most " + bounds.maxTextChars());
                }
                remember(scalar.getAnchor(), length);
                add(event, length);
            } else if (event instanceof AliasEvent alias) {
                add(event, anchors.getOrDefault(alias.getAnchor(), 0L));
            } else if (event instanceof CollectionStartEvent start) {
                open.push(new Open(start.getAnchor()));
            } else if (event instanceof CollectionEndEvent && !open.isEmpty()) {
                Open closed = open.pop();
                remember(closed.anchor, closed.chars);
            }
        }
    }

    private void remember(String anchor, long chars) {
        if (anchor != null) {
            anchors.put(anchor, chars);
        }
    }

    private void add(Event event, long chars) throws E {
        total += chars;
        for (Open collection : open) {
            collection.chars += chars;
        }
        if (total > bounds.maxExpandedChars()) {
            throw refused(event, "with its aliases expanded the " + bounds.kind() + " would hold over "
                    + bounds.maxExpandedChars() + " characters; a " + bounds.kind()
                    + " is at most that (repeat less, or write the text out)");
        }
    }

    private E refused(Event event, String problem) {
        return refusal.at(event.getStartMark().getLine() + 1, problem);
    }
}
