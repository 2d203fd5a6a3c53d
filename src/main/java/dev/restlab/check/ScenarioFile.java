package dev.restlab.check;

import dev.restlab.files.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
import org.yaml.snakeyaml.nodes.Node;

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
    /** A scenario is a few requests and their prose, bounded as a lab is (see LabFile). */
    private static final long MAX_EXPANDED_CHARS = 1024 * 1024;
    private static final int MAX_TEXT_CHARS = 64 * 1024;
    private static final Set<String> SCENARIO_KEYS = Set.of("title", "introduction", "stages", "cases");
    private static final Set<String> STAGE_KEYS = Set.of("id", "title", "adds", "note");
    private static final Set<String> CASE_KEYS = Set.of("id", "title", "command", "explanation", "remembers",
            "request", "handout", "expect", "further");
    private static final Set<String> EXPECT_KEYS = Set.of("status", "body", "type", "note");
    private static final Set<String> FURTHER_KEYS = Set.of("status", "body", "type", "says");

    private final String source;
    private final YamlReader<ScenarioFileException> yaml;
    private final Set<String> ids = new HashSet<>();
    private final List<Stage> stages = new ArrayList<>();
    private boolean remembering;

    private ScenarioFile(String source) {
        this.source = source;
        this.yaml = new YamlReader<>(new YamlReader.Bounds("scenario", MAX_FILE_BYTES, MAX_EXPANDED_CHARS,
                MAX_TEXT_CHARS), (line, problem) -> new ScenarioFileException(source, line, problem));
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
        ScenarioFile file = new ScenarioFile(nameOrFile);
        return file.scenario(file.yaml.read(Path.of(nameOrFile)));
    }

    public static Scenario read(Reader yaml, String source) throws ScenarioFileException {
        ScenarioFile file = new ScenarioFile(source);
        return file.scenario(file.yaml.read(yaml));
    }

    private Scenario scenario(Node root) throws ScenarioFileException {
        Map<String, Node> fields = yaml.mapping(root, "a scenario", SCENARIO_KEYS);
        String title = yaml.requiredText(fields, "title", root);
        if (fields.containsKey("stages")) {
            for (Node stageNode : yaml.sequence(fields.get("stages"), "'stages'")) {
                stages.add(stage(stageNode));
            }
        }
        Node casesNode = fields.get("cases");
        if (casesNode == null) {
            throw yaml.error(root, "a scenario needs 'cases'");
        }
        List<ScenarioCase> cases = new ArrayList<>();
        for (Node caseNode : yaml.sequence(casesNode, "'cases'")) {
            cases.add(scenarioCase(caseNode));
        }
        if (cases.isEmpty()) {
            throw yaml.error(casesNode, "a scenario needs at least one case");
        }
        return new Scenario(title, yaml.text(fields, "introduction"), stages, cases, source);
    }

    private Stage stage(Node node) throws ScenarioFileException {
        Map<String, Node> fields = yaml.mapping(node, "a stage", STAGE_KEYS);
        String id = yaml.requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*") || id.equals(ScenarioCase.ANY_STAGE)) {
            throw yaml.error(fields.get("id"), "a stage id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (stages.stream().anyMatch(stage -> stage.id().equals(id))) {
            throw yaml.error(fields.get("id"), "two stages have the id '" + id + "'");
        }
        return new Stage(id, yaml.requiredText(fields, "title", node), yaml.text(fields, "adds"), yaml.text(fields, "note"));
    }

    private ScenarioCase scenarioCase(Node node) throws ScenarioFileException {
        Map<String, Node> fields = yaml.mapping(node, "a case", CASE_KEYS);
        String id = yaml.requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw yaml.error(fields.get("id"), "a case id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (!ids.add(id)) {
            throw yaml.error(fields.get("id"), "two cases have the id '" + id + "'");
        }
        String title = yaml.requiredText(fields, "title", node);
        Node requestNode = fields.get("request");
        if (requestNode == null) {
            throw yaml.error(node, "case '" + id + "' needs a 'request' (what it sends)");
        }
        ScenarioRequest request = request(requestNode);
        String handout = yaml.text(fields, "handout");
        if (!handout.isEmpty() && !handout.equals("true") && !handout.equals("false")) {
            throw yaml.error(fields.get("handout"), "'handout' is true or false, not '" + handout + "'");
        }
        boolean graded = handout.equals("true");
        Node expectNode = fields.get("expect");
        if (expectNode == null) {
            throw yaml.error(node, "case '" + id + "' needs 'expect' (what the answer should be)");
        }
        Map<String, Expectation> expected = graded && !stages.isEmpty() ? byStage(expectNode)
                : Map.of(ScenarioCase.ANY_STAGE, expectation(yaml.mapping(expectNode, "an expectation", EXPECT_KEYS),
                        expectNode, "note"));
        List<Further> further = new ArrayList<>();
        if (fields.containsKey("further")) {
            for (Node furtherNode : yaml.sequence(fields.get("further"), "'further'")) {
                Map<String, Node> furtherFields = yaml.mapping(furtherNode, "a 'further'", FURTHER_KEYS);
                further.add(new Further(expectation(furtherFields, furtherNode, "says"),
                        yaml.requiredText(furtherFields, "says", furtherNode)));
            }
        }
        String remembers = yaml.text(fields, "remembers");
        if (!remembers.isEmpty() && !remembers.equals("id")) {
            throw yaml.error(fields.get("remembers"), "a case can remember only 'id' (the user id its answer gave)");
        }
        remembering |= !remembers.isEmpty();
        return new ScenarioCase(id, title, yaml.text(fields, "command"), yaml.text(fields, "explanation"), !remembers.isEmpty(),
                request, graded, expected, further);
    }

    /**
     * A case's expectation per stage: the first stage must be given; a stage not named answers as
     * the one before it does (the listings grow one from the other).
     */
    private Map<String, Expectation> byStage(Node node) throws ScenarioFileException {
        Set<String> stageIds = new LinkedHashSet<>();
        stages.forEach(stage -> stageIds.add(stage.id()));
        Map<String, Node> given = yaml.mapping(node, "a handout case's 'expect' (one entry per stage)", stageIds);
        String first = stages.get(0).id();
        if (!given.containsKey(first)) {
            throw yaml.error(node, "'expect' needs the first stage, '" + first + "'; later stages not named answer"
                    + " as the one before them");
        }
        Map<String, Expectation> expected = new LinkedHashMap<>();
        Expectation current = null;
        for (Stage stage : stages) {
            Node stageNode = given.get(stage.id());
            if (stageNode != null) {
                current = expectation(yaml.mapping(stageNode, "an expectation", EXPECT_KEYS), stageNode, "note");
            }
            expected.put(stage.id(), current);
        }
        return expected;
    }

    private Expectation expectation(Map<String, Node> fields, Node node, String noteKey) throws ScenarioFileException {
        Set<Integer> statuses = new TreeSet<>(yaml.statuses(fields.get("status")));
        if (statuses.isEmpty()) {
            throw yaml.error(node, "an expectation needs a 'status' (one, or a list)");
        }
        Node bodyNode = fields.get("body");
        Optional<String> body = bodyNode == null ? Optional.empty() : Optional.of(yaml.scalar(bodyNode, "'body'"));
        Set<String> types = new TreeSet<>();
        for (String type : yaml.texts(fields.get("type"), "'type'")) {
            if (!type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                throw yaml.error(fields.get("type"), "a type is a media type such as text/plain, not '" + type + "'");
            }
            types.add(type);
        }
        String note = noteKey.equals("note") ? yaml.text(fields, "note") : "";
        return new Expectation(statuses, body, types, note);
    }

    private ScenarioRequest request(Node requestNode) throws ScenarioFileException {
        Map<String, Node> request = yaml.mapping(requestNode, "a request", ScenarioRequest.KEYS);
        String method = yaml.text(request, "method");
        if (!method.matches("[A-Z]+")) {
            throw yaml.error(request.getOrDefault("method", requestNode),
                    "a request needs a 'method' of upper-case letters, such as GET, not '" + method + "'");
        }
        String path = yaml.text(request, "path");
        if (!path.startsWith("/") || !path.matches("[\\x21-\\x7e]+")) {
            throw yaml.error(request.getOrDefault("path", requestNode), "a request needs a 'path' that starts with '/'"
                    + " and has no spaces or other characters a request line cannot carry, not '" + path + "'");
        }
        if (path.contains("{id}") && !remembering) {
            throw yaml.error(request.get("path"), "{id} needs an earlier case with 'remembers: id'");
        }
        Map<String, String> headers = yaml.pairs(request.get("headers"), "'headers'");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            boolean token = header.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
            if (!token || header.getValue().matches("(?s).*[\\r\\n].*")) {
                throw yaml.error(request.get("headers"), "'" + header.getKey() + "' is not a header name with a one-line value");
            }
        }
        Node bodyNode = request.get("body");
        String body = bodyNode == null ? "" : yaml.scalar(bodyNode, "'body'");
        int padTo = 0;
        String pad = yaml.text(request, "padTo");
        if (!pad.isEmpty()) {
            padTo = pad.matches("[0-9]{1,9}") ? Integer.parseInt(pad) : -1;
            if (padTo < 1 || padTo > ScenarioRequest.MAX_PAD) {
                throw yaml.error(request.get("padTo"), "'padTo' is a size in bytes from 1 to " + ScenarioRequest.MAX_PAD
                        + ", not '" + pad + "'");
            }
        }
        return new ScenarioRequest(method, path, headers, body, padTo);
    }








}
