package dev.restlab.lab;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRuleException;
import dev.restlab.files.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

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
    private final YamlReader<LabFileException> yaml;
    private final Map<String, Integer> stepNumbers = new HashMap<>();
    private final Set<String> remembering = new HashSet<>();

    private LabFile(String source) {
        this.source = source;
        this.yaml = new YamlReader<>(new YamlReader.Bounds("lab", MAX_FILE_BYTES, MAX_EXPANDED_CHARS, MAX_TEXT_CHARS),
                (line, problem) -> new LabFileException(source, line, problem));
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
        LabFile lab = new LabFile(file.toString());
        return lab.lab(lab.yaml.read(file));
    }

    public static Lab read(Reader yaml, String source) throws LabFileException {
        LabFile file = new LabFile(source);
        return file.lab(file.yaml.read(yaml));
    }

    private Lab lab(Node root) throws LabFileException {
        Map<String, Node> fields = yaml.mapping(root, "a lab", LAB_KEYS);
        String title = yaml.requiredText(fields, "title", root);
        Node stepsNode = fields.get("steps");
        if (stepsNode == null) {
            throw yaml.error(root, "a lab needs 'steps'");
        }
        List<Step> steps = new ArrayList<>();
        for (Node stepNode : yaml.sequence(stepsNode, "'steps'")) {
            steps.add(step(stepNode, steps.size() + 1));
        }
        if (steps.isEmpty()) {
            throw yaml.error(stepsNode, "a lab needs at least one step");
        }
        String order = yaml.text(fields, "order");
        if (!order.isEmpty() && !order.equals("strict") && !order.equals("required")) {
            throw yaml.error(fields.get("order"), "'order' is strict (every step waits for the one before it) or"
                    + " required (a step waits only for the required steps before it), not '" + order + "'");
        }
        return new Lab(title, yaml.text(fields, "introduction"), steps, source, order.equals("strict"));
    }

    private Step step(Node node, int number) throws LabFileException {
        Map<String, Node> fields = yaml.mapping(node, "a step", STEP_KEYS);
        String id = yaml.requiredText(fields, "id", node);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw yaml.error(fields.get("id"), "a step id is lower-case letters, digits and '-', not '" + id + "'");
        }
        if (stepNumbers.putIfAbsent(id, number) != null) {
            throw yaml.error(fields.get("id"), "two steps have the id '" + id + "'");
        }
        String title = yaml.requiredText(fields, "title", node);
        int ways = (fields.containsKey("check") ? 1 : 0) + (fields.containsKey("checks") ? 1 : 0)
                + (fields.containsKey("server") ? 1 : 0);
        if (ways != 1) {
            throw yaml.error(node, "step '" + id + "' needs exactly one of 'check', 'checks' or 'server: running'");
        }
        List<Expectation> checks = new ArrayList<>();
        if (fields.containsKey("check")) {
            checks.add(check(fields.get("check")));
        } else if (fields.containsKey("checks")) {
            for (Node check : yaml.sequence(fields.get("checks"), "'checks'")) {
                checks.add(check(check));
            }
            if (checks.isEmpty()) {
                throw yaml.error(fields.get("checks"), "'checks' needs at least one check");
            }
        } else if (!yaml.scalar(fields.get("server"), "'server'").equals("running")) {
            throw yaml.error(fields.get("server"), "'server' can only be 'running'");
        }
        String remembers = remembers(fields, id);
        String optional = yaml.text(fields, "optional");
        if (!optional.isEmpty() && !optional.equals("true") && !optional.equals("false")) {
            throw yaml.error(fields.get("optional"), "'optional' is true or false, not '" + optional + "'");
        }
        String beside = earlierStep(fields, "beside");
        if (beside.equals(id)) {
            throw yaml.error(fields.get("beside"), "'beside' names another, earlier step, not this one");
        }
        return new Step(id, title, yaml.text(fields, "task"), yaml.text(fields, "command"), yaml.text(fields, "explanation"),
                yaml.text(fields, "reference"), yaml.text(fields, "question"), yaml.text(fields, "answer"), checks,
                fields.containsKey("server"), remembers, optional.equals("true"), yaml.text(fields, "note"), beside,
                faults(fields.get("faults")));
    }

    /** A step's fault rules, each checked as the Faults panel and {@code --fault} check them. */
    private List<FaultRule> faults(Node node) throws LabFileException {
        List<FaultRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        for (Node item : yaml.sequence(node, "'faults'")) {
            try {
                rules.add(FaultRule.parse(yaml.scalar(item, "a fault rule")));
            } catch (FaultRuleException e) {
                throw yaml.error(item, e.getMessage());
            }
        }
        return rules;
    }

    private String remembers(Map<String, Node> fields, String id) throws LabFileException {
        String remembers = yaml.text(fields, "remembers");
        if (!remembers.isEmpty()) {
            if (!remembers.equals("id")) {
                throw yaml.error(fields.get("remembers"), "a step can remember only 'id' (the user id its answer gave)");
            }
            remembering.add(id);
        }
        return remembers;
    }

    private Expectation check(Node node) throws LabFileException {
        Map<String, Node> fields = yaml.mapping(node, "a check", Expectation.KEYS);
        Set<String> methods = new LinkedHashSet<>();
        for (String method : yaml.texts(fields.get("method"), "'method'")) {
            if (!method.matches("[A-Z]+")) {
                throw yaml.error(fields.get("method"), "a method is upper-case letters, such as GET, not '" + method + "'");
            }
            methods.add(method);
        }
        String path = yaml.text(fields, "path");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw yaml.error(fields.get("path"), "a path starts with '/', not '" + path + "'");
        }
        Set<Integer> statuses = new TreeSet<>(yaml.statuses(fields.get("status")));
        String clientText = yaml.text(fields, "client");
        WantedClient client;
        try {
            client = clientText.isEmpty() ? WantedClient.ANY : WantedClient.valueOf(clientText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw yaml.error(fields.get("client"), "'client' is any, terminal or window, not '" + clientText + "'");
        }
        String after = earlierStep(fields, "after");
        String idFrom = earlierStep(fields, "idFrom");
        if (!idFrom.isEmpty() && !remembering.contains(idFrom)) {
            throw yaml.error(fields.get("idFrom"), "step '" + idFrom + "' remembers no id (give it 'remembers: id')");
        }
        if (!idFrom.isEmpty() && !path.contains("{id}")) {
            throw yaml.error(fields.get("idFrom"), "'idFrom' needs a path with {id}, such as /people/v1/users/{id}");
        }
        String noAnswer = yaml.text(fields, "noAnswer");
        if (!noAnswer.isEmpty() && !noAnswer.equals("true") && !noAnswer.equals("false")) {
            throw yaml.error(fields.get("noAnswer"), "'noAnswer' is true or false, not '" + noAnswer + "'");
        }
        if (noAnswer.equals("true") && !statuses.isEmpty()) {
            throw yaml.error(fields.get("noAnswer"), "'noAnswer: true' wants no answer, so no 'status' either");
        }
        return new Expectation(methods, path, yaml.pairs(fields.get("query"), "'query'"),
                yaml.pairs(fields.get("requestHeaders"), "'requestHeaders'"), yaml.text(fields, "requestMediaType"),
                statuses, yaml.texts(fields.get("responseHeaders"), "'responseHeaders'"), yaml.text(fields, "jsonField"),
                yaml.text(fields, "bodyContains"), yaml.text(fields, "requestBodyContains"), client, after, idFrom,
                noAnswer.equals("true"));
    }

    /** A reference to a step: it must exist and come before the step being read. */
    private String earlierStep(Map<String, Node> fields, String key) throws LabFileException {
        String id = yaml.text(fields, key);
        if (!id.isEmpty() && !stepNumbers.containsKey(id)) {
            throw yaml.error(fields.get(key), "'" + key + "' names step '" + id + "', which does not exist before this one");
        }
        return id;
    }









}
