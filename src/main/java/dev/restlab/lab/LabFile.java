package dev.restlab.lab;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * Reads a lab from YAML (the format is documented in docs/labs.md). A file that is not a lab
 * (bad YAML, an unknown key, a missing title, a reference to a step that does not come before)
 * is refused with a {@link LabFileException} naming the file, the line and what is wrong.
 */
public final class LabFile {

    /** The lab built into RestLab: the handout, step by step. */
    public static final String HANDOUT = "handout";
    /** The built-in lab "When the server misbehaves": timeouts, retries and idempotency against faults. */
    public static final String FAULTS = "faults";
    /** The names of the labs built into RestLab, for {@code --lab NAME}. */
    public static final List<String> BUILT_IN = List.of(HANDOUT, FAULTS);

    private static final Set<String> LAB_KEYS = Set.of("title", "introduction", "order", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "task", "command", "explanation",
            "reference", "question", "answer", "check", "checks", "server", "remembers", "optional", "note",
            "beside", "faults");
    private static final int MAX_FILE_BYTES = 1024 * 1024;
    /**
     * What a lab may hold once its aliases are expanded, and one text in it: a lab is prose, and
     * a small file whose aliases repeat a large text would otherwise fill the memory (and later
     * the report) many times over.
     */
    static final long MAX_EXPANDED_CHARS = 1024 * 1024;
    static final int MAX_TEXT_CHARS = 64 * 1024;

    private final String source;
    private final Map<String, Integer> stepNumbers = new HashMap<>();
    private final Set<String> remembering = new HashSet<>();

    private LabFile(String source) {
        this.source = source;
    }

    /** The built-in handout lab. */
    public static Lab handout() {
        return builtIn(HANDOUT);
    }

    /** A lab built into RestLab by its name, one of {@link #BUILT_IN}. */
    public static Lab builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in lab is called " + name);
        }
        String resource = "/labs/" + name + ".yaml";
        try (InputStream in = LabFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + resource + " is missing from the jar");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return read(reader, name);
        } catch (IOException | LabFileException e) {
            throw new IllegalStateException("the built-in " + resource + " is broken: " + e.getMessage(), e);
        }
    }

    /** A built-in lab's name ({@code handout}, {@code faults}), else a YAML file's path. */
    public static Lab load(String nameOrFile) throws LabFileException {
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        return load(Path.of(nameOrFile));
    }

    private static Lab load(Path file) throws LabFileException {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new LabFileException(name, 0, "the file is over 1 MiB: not a lab");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(reader, name);
            }
        } catch (IOException e) {
            throw new LabFileException(name, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public static Lab read(Reader yaml, String source) throws LabFileException {
        return new LabFile(source).parse(yaml);
    }

    private Lab parse(Reader yaml) throws LabFileException {
        LabFile file = this;
        Node root;
        try {
            String text = readBounded(yaml);
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            new ExpandedSize(source, MAX_EXPANDED_CHARS, MAX_TEXT_CHARS).check(new Yaml(new SafeConstructor(options))
                    .parse(new StringReader(text)));
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (IOException e) {
            throw new LabFileException(source, 0, "cannot be read (" + e.getMessage() + ")");
        } catch (MarkedYAMLException e) {
            throw new LabFileException(source, e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new LabFileException(source, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new LabFileException(source, 0, "the file is empty");
        }
        return file.lab(root);
    }

    /** The whole text, refused past {@link #MAX_FILE_BYTES} characters (a stream has no size to ask first). */
    private String readBounded(Reader yaml) throws IOException, LabFileException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = yaml.read(buffer)) >= 0; ) {
            text.append(buffer, 0, read);
            if (text.length() > MAX_FILE_BYTES) {
                throw new LabFileException(source, 0, "the file is over 1 MiB: not a lab");
            }
        }
        return text.toString();
    }

    private Lab lab(Node root) throws LabFileException {
        Map<String, Node> fields = mapping(root, "a lab", LAB_KEYS);
        String title = requiredText(fields, "title", root);
        Node stepsNode = fields.get("steps");
        if (stepsNode == null) {
            throw error(root, "a lab needs 'steps'");
        }
        List<Step> steps = new ArrayList<>();
        for (Node stepNode : sequence(stepsNode, "'steps'")) {
            steps.add(step(stepNode, steps.size() + 1));
        }
        if (steps.isEmpty()) {
            throw error(stepsNode, "a lab needs at least one step");
        }
        String order = text(fields, "order");
        if (!order.isEmpty() && !order.equals("strict") && !order.equals("required")) {
            throw error(fields.get("order"), "'order' is strict (every step waits for the one before it) or"
                    + " required (a step waits only for the required steps before it), not '" + order + "'");
        }
        return new Lab(title, text(fields, "introduction"), steps, source, order.equals("strict"));
    }

    private Step step(Node node, int number) throws LabFileException {
        Map<String, Node> fields = mapping(node, "a step", STEP_KEYS);
        String id = requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw error(fields.get("id"), "a step id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (stepNumbers.putIfAbsent(id, number) != null) {
            throw error(fields.get("id"), "two steps have the id '" + id + "'");
        }
        String title = requiredText(fields, "title", node);
        int ways = (fields.containsKey("check") ? 1 : 0) + (fields.containsKey("checks") ? 1 : 0)
                + (fields.containsKey("server") ? 1 : 0);
        if (ways != 1) {
            throw error(node, "step '" + id + "' needs exactly one of 'check', 'checks' or 'server: running'");
        }
        List<Expectation> checks = new ArrayList<>();
        if (fields.containsKey("check")) {
            checks.add(check(fields.get("check")));
        } else if (fields.containsKey("checks")) {
            for (Node check : sequence(fields.get("checks"), "'checks'")) {
                checks.add(check(check));
            }
            if (checks.isEmpty()) {
                throw error(fields.get("checks"), "'checks' needs at least one check");
            }
        } else if (!scalar(fields.get("server"), "'server'").equals("running")) {
            throw error(fields.get("server"), "'server' can only be 'running'");
        }
        String remembers = remembers(fields, id);
        String optional = text(fields, "optional");
        if (!optional.isEmpty() && !optional.equals("true") && !optional.equals("false")) {
            throw error(fields.get("optional"), "'optional' is true or false, not '" + optional + "'");
        }
        String beside = earlierStep(fields, "beside");
        if (beside.equals(id)) {
            throw error(fields.get("beside"), "'beside' names another, earlier step, not this one");
        }
        return new Step(id, title, text(fields, "task"), text(fields, "command"), text(fields, "explanation"),
                text(fields, "reference"), text(fields, "question"), text(fields, "answer"), checks,
                fields.containsKey("server"), remembers, optional.equals("true"), text(fields, "note"), beside,
                faults(fields.get("faults")));
    }

    /** A step's fault rules, each checked as the Faults panel and {@code --fault} check them. */
    private List<FaultRule> faults(Node node) throws LabFileException {
        List<FaultRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        for (Node item : sequence(node, "'faults'")) {
            try {
                rules.add(FaultRule.parse(scalar(item, "a fault rule")));
            } catch (FaultRuleException e) {
                throw error(item, e.getMessage());
            }
        }
        return rules;
    }

    private String remembers(Map<String, Node> fields, String id) throws LabFileException {
        String remembers = text(fields, "remembers");
        if (!remembers.isEmpty()) {
            if (!remembers.equals("id")) {
                throw error(fields.get("remembers"), "a step can remember only 'id' (the user id its answer gave)");
            }
            remembering.add(id);
        }
        return remembers;
    }

    private Expectation check(Node node) throws LabFileException {
        Map<String, Node> fields = mapping(node, "a check", Expectation.KEYS);
        Set<String> methods = new LinkedHashSet<>();
        for (String method : texts(fields.get("method"), "'method'")) {
            if (!method.matches("[A-Z]+")) {
                throw error(fields.get("method"), "a method is upper-case letters, such as GET, not '" + method + "'");
            }
            methods.add(method);
        }
        String path = text(fields, "path");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw error(fields.get("path"), "a path starts with '/', not '" + path + "'");
        }
        Set<Integer> statuses = new TreeSet<>();
        for (String status : texts(fields.get("status"), "'status'")) {
            int code = status.matches("[1-5][0-9][0-9]") ? Integer.parseInt(status) : 0;
            if (code == 0) {
                throw error(fields.get("status"), "a status is a number from 100 to 599, not '" + status + "'");
            }
            statuses.add(code);
        }
        String clientText = text(fields, "client");
        WantedClient client;
        try {
            client = clientText.isEmpty() ? WantedClient.ANY : WantedClient.valueOf(clientText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(fields.get("client"), "'client' is any, terminal or window, not '" + clientText + "'");
        }
        String after = earlierStep(fields, "after");
        String idFrom = earlierStep(fields, "idFrom");
        if (!idFrom.isEmpty() && !remembering.contains(idFrom)) {
            throw error(fields.get("idFrom"), "step '" + idFrom + "' remembers no id (give it 'remembers: id')");
        }
        if (!idFrom.isEmpty() && !path.contains("{id}")) {
            throw error(fields.get("idFrom"), "'idFrom' needs a path with {id}, such as /people/v1/users/{id}");
        }
        return new Expectation(methods, path, pairs(fields.get("query"), "'query'"),
                pairs(fields.get("requestHeaders"), "'requestHeaders'"), text(fields, "requestMediaType"),
                statuses, texts(fields.get("responseHeaders"), "'responseHeaders'"), text(fields, "jsonField"),
                text(fields, "bodyContains"), text(fields, "requestBodyContains"), client, after, idFrom);
    }

    /** A reference to a step: it must exist and come before the step being read. */
    private String earlierStep(Map<String, Node> fields, String key) throws LabFileException {
        String id = text(fields, key);
        if (!id.isEmpty() && !stepNumbers.containsKey(id)) {
            throw error(fields.get(key), "'" + key + "' names step '" + id + "', which does not exist before this one");
        }
        return id;
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws LabFileException {
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

    private List<Node> sequence(Node node, String what) throws LabFileException {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, what + " must be a list");
        }
        return list.getValue();
    }

    private String scalar(Node node, String what) throws LabFileException {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private String requiredText(Map<String, Node> fields, String key, Node owner) throws LabFileException {
        String value = text(fields, key);
        if (value.isBlank()) {
            throw error(fields.getOrDefault(key, owner), "'" + key + "' is missing or empty");
        }
        return value.strip();
    }

    private String text(Map<String, Node> fields, String key) throws LabFileException {
        Node node = fields.get(key);
        return node == null ? "" : scalar(node, "'" + key + "'").strip();
    }

    /** One value or a list of values. */
    private List<String> texts(Node node, String what) throws LabFileException {
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

    private Map<String, String> pairs(Node node, String what) throws LabFileException {
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

    /**
     * YAML's own duplicate-key check is not made when a document is only composed, and a second
     * key would silently win: refuse it, naming both lines.
     */
    private void refuseDuplicate(Map<String, Node> seen, String key, Node keyNode) throws LabFileException {
        Node first = seen.putIfAbsent(key, keyNode);
        if (first != null) {
            throw error(keyNode, "the key '" + key + "' is given twice, on lines " + (first.getStartMark().getLine() + 1)
                    + " and " + (keyNode.getStartMark().getLine() + 1) + ": keep one");
        }
    }

    private LabFileException error(Node node, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new LabFileException(source, line, problem);
    }
}
