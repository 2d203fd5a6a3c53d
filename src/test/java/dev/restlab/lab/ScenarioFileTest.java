package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.lab.Probe.Aspect;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

    private static LabFileException refused(String steps) {
        return assertThrows(LabFileException.class,
                () -> LabFile.readScenario(new StringReader("title: x\nsteps:\n" + steps), "mine.yaml"));
    }

    @Test
    void the_handout_scenario_is_the_handouts_curl_steps_then_what_it_leaves_implicit() {
        Lab scenario = LabFile.handoutScenario();
        assertEquals(List.of("root", "create", "list", "by-name", "by-id", "delete", "delete-again", "gone",
                "unknown-name", "missing-field", "not-json", "unknown-id", "wrong-method", "malformed-json",
                "json-array", "huge-body", "script-name"), scenario.steps().stream().map(Step::id).toList());
        assertEquals(8, scenario.steps().stream().filter(step -> step.probe().orElseThrow().handout()).count());
        Probe create = scenario.step("create").orElseThrow().probe().orElseThrow();
        assertEquals("POST", create.method());
        assertEquals(Map.of("Content-Type", "application/json"), create.headers());
        assertEquals("{\"name\": \"John\", \"email\": \"john@example.com\"}", create.body());
        assertEquals(Set.of(Aspect.values()), create.compare());
        assertEquals("id", scenario.step("create").orElseThrow().remembers());
        assertEquals(2 * 1024 * 1024, scenario.step("huge-body").orElseThrow().probe().orElseThrow().padTo());
        assertEquals(Set.of(Aspect.STATUS), scenario.step("wrong-method").orElseThrow().probe().orElseThrow().compare());
    }

    @Test
    void the_scenario_example_in_docs_labs_md_loads() throws Exception {
        String doc = Files.readString(Path.of("docs/labs.md"));
        Matcher yaml = Pattern.compile("```yaml\n(# a scenario.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(yaml.find(), "docs/labs.md has a scenario example");
        Lab scenario = LabFile.readScenario(new StringReader(yaml.group(1)), "docs/labs.md");
        assertTrue(scenario.steps().stream().allMatch(step -> step.probe().isPresent()));
    }

    @Test
    void a_lab_file_is_not_a_scenario_nor_a_scenario_a_lab() {
        LabFileException e = refused("  - id: a\n    title: A\n    check: {method: GET}\n");
        assertTrue(e.getMessage().contains("unknown key 'check' in a scenario's step"), e.getMessage());
        LabFileException lab = assertThrows(LabFileException.class, () -> LabFile.read(new StringReader(
                "title: x\nsteps:\n  - id: a\n    title: A\n    request: {method: GET, path: /}\n"), "lab.yaml"));
        assertTrue(lab.getMessage().contains("unknown key 'request' in a step"), lab.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "request: {method: get, path: /}                 | a 'method' of upper-case letters",
        "request: {method: GET, path: users}             | a 'path' that starts with '/'",
        "request: {method: GET, path: '/a b'}            | no spaces",
        "request: {method: GET, path: '/users/{id}'}     | {id} needs an earlier step with 'remembers: id'",
        "request: {method: GET, path: /, padTo: 99999999} | 'padTo' is a size in bytes from 1 to 16777216",
        "request: {method: GET, path: /, headers: {'A B': x}} | not a header name with a one-line value",
        "request: {method: GET, path: /, bodi: x}         | unknown key 'bodi' in a request",
        "handout: yes\\nrequest: {method: GET, path: /} | 'handout' is true or false, not 'yes'",
        "compare: [status, colour]\\nrequest: {method: GET, path: /} | 'compare' lists status, type and body, not 'colour'",
        "command: curl | of a scenario needs a 'request'",
    })
    void a_wrong_request_is_explained(String yaml, String reason) {
        String indented = "    " + yaml.replace("\\n", "\n    ");
        LabFileException e = refused("  - id: a\n    title: A\n" + indented + "\n");
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
    }

    @Test
    void a_missing_scenario_file_is_refused_with_its_name() {
        LabFileException e = assertThrows(LabFileException.class, () -> LabFile.loadScenario("no-such-scenario.yaml"));
        assertTrue(e.getMessage().startsWith("no-such-scenario.yaml: cannot be read"), e.getMessage());
        assertFalse(LabFile.handoutScenario().steps().isEmpty());
    }
}
