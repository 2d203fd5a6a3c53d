package dev.restlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Reads a scenario from YAML (the format is documented in docs/check.md). A file that is not a
 * scenario (bad YAML, an unknown key, a missing request, {@code {id}} before any case remembers
 * one) is refused with a {@link ScenarioFileException} naming the file, the line and what is wrong.
 */
public final class ScenarioFile {

    /** The scenario built into RestLab: the handout's curl commands and what it leaves implicit. */
    public static final String HANDOUT = "handout";

    private static final String HANDOUT_RESOURCE = "/check/handout-scenario.yaml";
    private static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> SCENARIO_KEYS = Set.of("title", "introduction", "stages", "cases");
    private static final Set<String> STAGE_KEYS = Set.of("id", "title", "adds", "note");
    private static final Set<String> CASE_KEYS = Set.of("id", "title", "command", "explanation", "remembers",
            "request", "handout", "expect", "further");
    private static final Set<String> EXPECT_KEYS = Set.of("status", "body", "type", "note");
    private static final Set<String> FURTHER_KEYS = Set.of("status", "body", "type", "says");

    private final String source;
    private final Set<String> ids = new HashSet<>();
    private final List<Stage> stages = new ArrayList<>();
    private boolean remembering;

    private ScenarioFile(String source) {
        this.source = source;
    }

    /**
     * The built-in scenario: the handout's curl commands in order, then what the handout leaves
     * implicit (errors, odd bodies).
     */
    public static Scenario handout() {
        try (InputStream in = ScenarioFile.class.getResourceAsStream(HANDOUT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + HANDOUT_RESOURCE + " is missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), HANDOUT);
        } catch (IOException | ScenarioFileException e) {
            throw new IllegalStateException("the built-in " + HANDOUT_RESOURCE + " is broken: " + e.getMessage(), e);
        }
    }

    /** {@code handout} for the built-in scenario, else a scenario file's path. */
    public static Scenario load(String nameOrFile) throws ScenarioFileException {
        if (nameOrFile.equals(HANDOUT)) {
            return handout();
        }
        Path file = Path.of(nameOrFile);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioFileException(nameOrFile, 0, "the file is over 1 MiB: not a scenario");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(reader, nameOrFile);
            }
        } catch (IOException e) {
            throw new ScenarioFileException(nameOrFile, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public static Scenario read(Reader yaml, String source) throws ScenarioFileException {
        return new ScenarioFile(source).parse(yaml);
    }

    private Scenario parse(Reader yaml) throws ScenarioFileException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new ScenarioFileException(source, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ScenarioFileException(source, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ScenarioFileException(source, 0, "the file is empty");
        }
        Map<String, Node> fields = mapping(root, "a scenario", SCENARIO_KEYS);
        String title = requiredText(fields, "title", root);
        if (fields.containsKey("stages")) {
            for (Node stageNode : sequence(fields.get("stages"), "'stages'")) {
                stages.add(stage(stageNode));
            }
        }
        Node casesNode = fields.get("cases");
        if (casesNode == null) {
            throw error(root, "a scenario needs 'cases'");
        }
        List<ScenarioCase> cases = new ArrayList<>();
        for (Node caseNode : sequence(casesNode, "'cases'")) {
            cases.add(scenarioCase(caseNode));
        }
        if (cases.isEmpty()) {
            throw error(casesNode, "a scenario needs at least one case");
        }
        return new Scenario(title, text(fields, "introduction"), stages, cases, source);
    }

    private Stage stage(Node node) throws ScenarioFileException {
        Map<String, Node> fields = mapping(node, "a stage", STAGE_KEYS);
        String id = requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*") || id.equals(ScenarioCase.ANY_STAGE)) {
            throw error(fields.get("id"), "a stage id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (stages.stream().anyMatch(stage -> stage.id().equals(id))) {
            throw error(fields.get("id"), "two stages have the id '" + id + "'");
        }
        return new Stage(id, requiredText(fields, "title", node), text(fields, "adds"), text(fields, "note"));
    }

    private ScenarioCase scenarioCase(Node node) throws ScenarioFileException {
        Map<String, Node> fields = mapping(node, "a case", CASE_KEYS);
        String id = requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw error(fields.get("id"), "a case id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (!ids.add(id)) {
            throw error(fields.get("id"), "two cases have the id '" + id + "'");
        }
        String title = requiredText(fields, "title", node);
        Node requestNode = fields.get("request");
        if (requestNode == null) {
            throw error(node, "case '" + id + "' needs a 'request' (what it sends)");
        }
        ScenarioRequest request = request(requestNode);
        String handout = text(fields, "handout");
        if (!handout.isEmpty() && !handout.equals("true") && !handout.equals("false")) {
            throw error(fields.get("handout"), "'handout' is true or false, not '" + handout + "'");
        }
        boolean graded = handout.equals("true");
        Node expectNode = fields.get("expect");
        if (expectNode == null) {
            throw error(node, "case '" + id + "' needs 'expect' (what the answer should be)");
        }
        Map<String, Expectation> expected = graded && !stages.isEmpty() ? byStage(expectNode)
                : Map.of(ScenarioCase.ANY_STAGE, expectation(mapping(expectNode, "an expectation", EXPECT_KEYS),
                        expectNode, "note"));
        List<Further> further = new ArrayList<>();
        if (fields.containsKey("further")) {
            for (Node furtherNode : sequence(fields.get("further"), "'further'")) {
                Map<String, Node> furtherFields = mapping(furtherNode, "a 'further'", FURTHER_KEYS);
                further.add(new Further(expectation(furtherFields, furtherNode, "says"),
                        requiredText(furtherFields, "says", furtherNode)));
            }
        }
        String remembers = text(fields, "remembers");
        if (!remembers.isEmpty() && !remembers.equals("id")) {
            throw error(fields.get("remembers"), "a case can remember only 'id' (the user id its answer gave)");
        }
        remembering |= !remembers.isEmpty();
        return new ScenarioCase(id, title, text(fields, "command"), text(fields, "explanation"), !remembers.isEmpty(),
                request, graded, expected, further);
    }

    /**
     * A case's expectation per stage: the first stage must be given; a stage not named answers as
     * the one before it does (the listings grow one from the other).
     */
    private Map<String, Expectation> byStage(Node node) throws ScenarioFileException {
        Set<String> stageIds = new LinkedHashSet<>();
        stages.forEach(stage -> stageIds.add(stage.id()));
        Map<String, Node> given = mapping(node, "a handout case's 'expect' (one entry per stage)", stageIds);
        String first = stages.get(0).id();
        if (!given.containsKey(first)) {
            throw error(node, "'expect' needs the first stage, '" + first + "'; later stages not named answer"
                    + " as the one before them");
        }
        Map<String, Expectation> expected = new LinkedHashMap<>();
        Expectation current = null;
        for (Stage stage : stages) {
            Node stageNode = given.get(stage.id());
            if (stageNode != null) {
                current = expectation(mapping(stageNode, "an expectation", EXPECT_KEYS), stageNode, "note");
            }
            expected.put(stage.id(), current);
        }
        return expected;
    }

    private Expectation expectation(Map<String, Node> fields, Node node, String noteKey) throws ScenarioFileException {
        Set<Integer> statuses = new TreeSet<>();
        for (String status : texts(fields.get("status"), "'status'")) {
            int code = status.matches("[1-5][0-9][0-9]") ? Integer.parseInt(status) : 0;
            if (code == 0) {
                throw error(fields.get("status"), "a status is a number from 100 to 599, not '" + status + "'");
            }
            statuses.add(code);
        }
        if (statuses.isEmpty()) {
            throw error(node, "an expectation needs a 'status' (one, or a list)");
        }
        Node bodyNode = fields.get("body");
        Optional<String> body = bodyNode == null ? Optional.empty() : Optional.of(scalar(bodyNode, "'body'"));
        Set<String> types = new TreeSet<>();
        for (String type : texts(fields.get("type"), "'type'")) {
            if (!type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                throw error(fields.get("type"), "a type is a media type such as text/plain, not '" + type + "'");
            }
            types.add(type);
        }
        String note = noteKey.equals("note") ? text(fields, "note") : "";
        return new Expectation(statuses, body, types, note);
    }

    private ScenarioRequest request(Node requestNode) throws ScenarioFileException {
        Map<String, Node> request = mapping(requestNode, "a request", ScenarioRequest.KEYS);
        String method = text(request, "method");
        if (!method.matches("[A-Z]+")) {
            throw error(request.getOrDefault("method", requestNode),
                    "a request needs a 'method' of upper-case letters, such as GET, not '" + method + "'");
        }
        String path = text(request, "path");
        if (!path.startsWith("/") || !path.matches("[\\x21-\\x7e]+")) {
            throw error(request.getOrDefault("path", requestNode), "a request needs a 'path' that starts with '/'"
                    + " and has no spaces or other characters a request line cannot carry, not '" + path + "'");
        }
        if (path.contains("{id}") && !remembering) {
            throw error(request.get("path"), "{id} needs an earlier case with 'remembers: id'");
        }
        Map<String, String> headers = pairs(request.get("headers"), "'headers'");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            boolean token = header.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
            if (!token || header.getValue().matches("(?s).*[\\r\\n].*")) {
                throw error(request.get("headers"), "'" + header.getKey() + "' is not a header name with a one-line value");
            }
        }
        Node bodyNode = request.get("body");
        String body = bodyNode == null ? "" : scalar(bodyNode, "'body'");
        int padTo = 0;
        String pad = text(request, "padTo");
        if (!pad.isEmpty()) {
            padTo = pad.matches("[0-9]{1,9}") ? Integer.parseInt(pad) : -1;
            if (padTo < 1 || padTo > ScenarioRequest.MAX_PAD) {
                throw error(request.get("padTo"), "'padTo' is a size in bytes from 1 to " + ScenarioRequest.MAX_PAD
                        + ", not '" + pad + "'");
            }
        }
        return new ScenarioRequest(method, path, headers, body, padTo);
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws ScenarioFileException {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> sequence(Node node, String what) throws ScenarioFileException {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, what + " must be a list");
        }
        return list.getValue();
    }

    private String scalar(Node node, String what) throws ScenarioFileException {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private String requiredText(Map<String, Node> fields, String key, Node owner) throws ScenarioFileException {
        String value = text(fields, key);
        if (value.isBlank()) {
            throw error(fields.getOrDefault(key, owner), "'" + key + "' is missing or empty");
        }
        return value;
    }

    private String text(Map<String, Node> fields, String key) throws ScenarioFileException {
        Node node = fields.get(key);
        return node == null ? "" : scalar(node, "'" + key + "'").strip();
    }

    /** One value or a list of values. */
    private List<String> texts(Node node, String what) throws ScenarioFileException {
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

    private Map<String, String> pairs(Node node, String what) throws ScenarioFileException {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of names to values");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            pairs.put(scalar(tuple.getKeyNode(), what), scalar(tuple.getValueNode(), what));
        }
        return pairs;
    }

    private ScenarioFileException error(Node node, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new ScenarioFileException(source, line, problem);
    }
}
