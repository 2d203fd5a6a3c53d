package dev.restlab.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a small YAML file a person wrote (a lab, a check scenario) as nodes, and the few shapes
 * such files are made of, refusing anything else with the line and what is wrong. Bounded before
 * anything is built: the text, each text in it and the whole once aliases are expanded. A key
 * given twice is refused naming both lines, because composing a document skips SnakeYAML's own
 * check and the second key would silently win.
 *
 * @param <E> the caller's own exception, so that a refusal names the file the caller's way
 */
public final class YamlReader<E extends Exception> {

    /** Makes the caller's exception for a problem at a line (0 when no line applies). */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {
        E at(int line, String problem);
    }

    /**
     * What one kind of file may hold.
     *
     * @param kind what the file is, in the refusals' words ("lab", "scenario")
     */
    public record Bounds(String kind, int maxFileChars, long maxExpandedChars, int maxTextChars) {
    }

    private final Bounds bounds;
    private final Refusal<E> refusal;

    public YamlReader(Bounds bounds, Refusal<E> refusal) {
        this.bounds = bounds;
        this.refusal = refusal;
    }

    /** A file's root node; a file too large is refused before it is read. */
    public Node read(Path file) throws E {
        try {
            if (Files.size(file) > bounds.maxFileChars()) {
                throw tooLarge();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(reader);
            }
        } catch (IOException e) {
            throw refusal.at(0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The document's root node, never null: an empty file is refused. */
    public Node read(Reader yaml) throws E {
        Node root;
        try {
            String text = readBounded(yaml);
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            new ExpandedSize<>(bounds, refusal).check(new Yaml(new SafeConstructor(options)).parse(new StringReader(text)));
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (IOException e) {
            throw refusal.at(0, "cannot be read (" + e.getMessage() + ")");
        } catch (MarkedYAMLException e) {
            throw refusal.at(e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw refusal.at(0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw refusal.at(0, "the file is empty");
        }
        return root;
    }

    /** The whole text, refused past the bound (a stream has no size to ask first). */
    private String readBounded(Reader yaml) throws IOException, E {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = yaml.read(buffer)) >= 0; ) {
            text.append(buffer, 0, read);
            if (text.length() > bounds.maxFileChars()) {
                throw tooLarge();
            }
        }
        return text.toString();
    }

    /** A mapping's values by key; a key not allowed, or given twice, is refused. */
    public Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws E {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            refuseDuplicate(keys, key, tuple.getKeyNode());
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    public List<Node> sequence(Node node, String what) throws E {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, what + " must be a list");
        }
        return list.getValue();
    }

    public String scalar(Node node, String what) throws E {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    public String requiredText(Map<String, Node> fields, String key, Node owner) throws E {
        String value = text(fields, key);
        if (value.isBlank()) {
            throw error(fields.getOrDefault(key, owner), "'" + key + "' is missing or empty");
        }
        return value;
    }

    /** A key's value without surrounding blanks, or "" when the key is not there. */
    public String text(Map<String, Node> fields, String key) throws E {
        Node node = fields.get(key);
        return node == null ? "" : scalar(node, "'" + key + "'").strip();
    }

    /** One value or a list of values. */
    public List<String> texts(Node node, String what) throws E {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(scalar(node, what).strip());
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            values.add(scalar(item, what).strip());
        }
        return values;
    }

    /** A mapping of names to one-line values, such as headers or a query. */
    public Map<String, String> pairs(Node node, String what) throws E {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of names to values");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), what);
            refuseDuplicate(keys, key, tuple.getKeyNode());
            pairs.put(key, scalar(tuple.getValueNode(), what));
        }
        return pairs;
    }

    /** HTTP status codes: one or a list, each from 100 to 599. */
    public List<Integer> statuses(Node node) throws E {
        List<Integer> codes = new ArrayList<>();
        for (String status : texts(node, "'status'")) {
            if (!status.matches("[1-5][0-9][0-9]")) {
                throw error(node, "a status is a number from 100 to 599, not '" + status + "'");
            }
            codes.add(Integer.parseInt(status));
        }
        return codes;
    }

    private E tooLarge() {
        return refusal.at(0, "the file is over " + bounds.maxFileChars() / (1024 * 1024) + " MiB: not a " + bounds.kind());
    }

    private void refuseDuplicate(Map<String, Node> seen, String key, Node keyNode) throws E {
        Node first = seen.putIfAbsent(key, keyNode);
        if (first != null) {
            throw error(keyNode, "the key '" + key + "' is given twice, on lines " + (first.getStartMark().getLine() + 1)
                    + " and " + (keyNode.getStartMark().getLine() + 1) + ": keep one");
        }
    }

    /** The caller's refusal at the node's line. */
    public E error(Node node, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return refusal.at(line, problem);
    }
}
