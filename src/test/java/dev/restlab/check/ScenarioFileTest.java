package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static ScenarioFileException refused(String cases) {
        return assertThrows(ScenarioFileException.class,
                () -> ScenarioFile.read(new StringReader("title: x\ncases:\n" + cases), "mine.yaml"));
    }

    @Test
    void the_handout_scenario_is_the_handouts_curl_commands_then_what_it_leaves_implicit() {
        Scenario scenario = ScenarioFile.handout();
        assertEquals(List.of("root", "create", "list", "by-name", "by-id", "delete", "delete-again", "gone",
                "unknown-name", "missing-field", "not-json", "unknown-id", "malformed-json", "wrong-method",
                "json-array", "huge-body", "script-name"), scenario.cases().stream().map(ScenarioCase::id).toList());
        assertEquals(13, scenario.cases().stream().filter(ScenarioCase::handout).count());
        assertEquals(List.of("In [3]", "In [4]", "In [5]", "In [6]", "In [7]"),
                scenario.stages().stream().map(Stage::title).toList());
        assertEquals("In [7]", scenario.finalStage().orElseThrow().title());
        ScenarioRequest create = scenario.scenarioCase("create").orElseThrow().request();
        assertEquals("POST", create.method());
        assertEquals(Map.of("Content-Type", "application/json"), create.headers());
        assertEquals("{\"name\": \"John\", \"email\": \"john@example.com\"}", create.body());
        ScenarioCase list = scenario.scenarioCase("list").orElseThrow();
        assertEquals(Set.of(404), list.expected("in3").statuses());
        assertEquals(Set.of(405), list.expected("in4").statuses(), "In [4] has POST only on the collection");
        assertEquals(list.expected("in5"), list.expected("in6"), "a stage not named answers as the one before");
        assertTrue(list.expected("in7").body().orElseThrow().contains("\"id\""));
        assertTrue(scenario.scenarioCase("create").orElseThrow().remembersId());
        assertEquals(2 * 1024 * 1024, scenario.scenarioCase("huge-body").orElseThrow().request().padTo());
        ScenarioCase script = scenario.scenarioCase("script-name").orElseThrow();
        assertFalse(script.handout(), "an extra");
        assertEquals(Set.of("text/plain", "application/json"), script.expected(ScenarioCase.ANY_STAGE).types());
    }

    @Test
    void the_scenario_example_in_docs_check_md_loads() throws Exception {
        String doc = Files.readString(Path.of("docs/check.md"));
        Matcher yaml = Pattern.compile("```yaml\n(# a scenario.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(yaml.find(), "docs/check.md has a scenario example");
        Scenario scenario = ScenarioFile.read(new StringReader(yaml.group(1)), "docs/check.md");
        assertEquals(List.of("create", "read"), scenario.cases().stream().map(ScenarioCase::id).toList());
        assertEquals(List.of(), scenario.stages());
    }

    @Test
    void a_lab_file_is_not_a_scenario() {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.read(new StringReader(
                "title: x\nsteps:\n  - id: a\n    title: A\n    check: {method: GET}\n"), "lab.yaml"));
        assertTrue(e.getMessage().contains("unknown key 'steps' in a scenario"), e.getMessage());
        ScenarioFileException step = refused("  - id: a\n    title: A\n    check: {method: GET}\n");
        assertTrue(step.getMessage().contains("unknown key 'check' in a case"), step.getMessage());
    }

    @Test
    void a_handout_case_names_the_first_stage_and_only_known_stages() {
        String stages = "title: x\nstages:\n  - {id: one, title: One}\n  - {id: two, title: Two}\ncases:\n"
                + "  - id: a\n    title: A\n    handout: true\n    request: {method: GET, path: /}\n";
        ScenarioFileException first = assertThrows(ScenarioFileException.class, () -> ScenarioFile.read(
                new StringReader(stages + "    expect: {two: {status: 200}}\n"), "mine.yaml"));
        assertTrue(first.getMessage().contains("'expect' needs the first stage, 'one'"), first.getMessage());
        ScenarioFileException unknown = assertThrows(ScenarioFileException.class, () -> ScenarioFile.read(
                new StringReader(stages + "    expect: {one: {status: 200}, three: {status: 200}}\n"), "mine.yaml"));
        assertTrue(unknown.getMessage().contains("unknown key 'three'"), unknown.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "request: {method: GET, path: /}                 | needs 'expect'",
        "expect: {status: 99}\\nrequest: {method: GET, path: /} | a status is a number from 100 to 599, not '99'",
        "expect: {status: 200, type: html}\\nrequest: {method: GET, path: /} | a type is a media type",
        "expect: {body: x}\\nrequest: {method: GET, path: /} | needs a 'status'",
        "request: {method: get, path: /}                 | a 'method' of upper-case letters",
        "request: {method: GET, path: users}             | a 'path' that starts with '/'",
        "request: {method: GET, path: '/a b'}            | no spaces",
        "request: {method: GET, path: '/users/{id}'}     | {id} needs an earlier case with 'remembers: id'",
        "request: {method: GET, path: /, padTo: 99999999} | 'padTo' is a size in bytes from 1 to 16777216",
        "request: {method: GET, path: /, headers: {'A B': x}} | not a header name with a one-line value",
        "request: {method: GET, path: /, bodi: x}         | unknown key 'bodi' in a request",
        "handout: yes\\nrequest: {method: GET, path: /} | 'handout' is true or false, not 'yes'",
        "command: curl | needs a 'request'",
    })
    void a_wrong_request_is_explained(String yaml, String reason) {
        String indented = "    " + yaml.replace("\\n", "\n    ");
        ScenarioFileException e = refused("  - id: a\n    title: A\n" + indented + "\n");
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
    }

    @Test
    void a_missing_scenario_file_is_refused_with_its_name() {
        ScenarioFileException e = assertThrows(ScenarioFileException.class,
                () -> ScenarioFile.load("no-such-scenario.yaml"));
        assertTrue(e.getMessage().startsWith("no-such-scenario.yaml: cannot be read"), e.getMessage());
        assertFalse(ScenarioFile.handout().cases().isEmpty());
    }

    @Test
    void a_key_given_twice_is_refused_naming_both_lines_as_in_a_lab() {
        ScenarioFileException e = refused("  - id: a\n    title: A\n    request: {method: GET, path: /}\n"
                + "    expect: {status: 200}\n    expect: {status: 404}\n");
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("the key 'expect' is given twice, on lines 6 and 7"), e.getMessage());
        ScenarioFileException header = refused("  - id: a\n    title: A\n    request:\n      method: GET\n"
                + "      path: /\n      headers: {Accept: a, Accept: b}\n    expect: {status: 200}\n");
        assertTrue(header.getMessage().contains("the key 'Accept' is given twice"), header.getMessage());
    }

    @Test
    void aliases_that_repeat_a_long_text_are_refused_before_the_scenario_is_built() {
        StringBuilder cases = new StringBuilder("  - id: c0\n    title: A\n    request: {method: GET, path: /}\n"
                + "    expect: {status: 200}\n    explanation: &big " + "x".repeat(60_000) + "\n");
        for (int i = 1; i <= 40; i++) {
            cases.append("  - id: c").append(i).append("\n    title: B\n    request: {method: GET, path: /}\n")
                    .append("    expect: {status: 200}\n    explanation: *big\n");
        }
        ScenarioFileException e = refused(cases.toString());
        assertTrue(e.getMessage().contains("with its aliases expanded the scenario would hold over"), e.getMessage());
        assertTrue(e.line() > 7, e.getMessage());
    }

    @Test
    void a_file_too_large_is_refused_before_it_is_read(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        Path big = folder.resolve("big.yaml");
        Files.writeString(big, "title: x\n#" + "x".repeat(1024 * 1024) + "\n");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.load(big.toString()));
        assertTrue(e.getMessage().endsWith("the file is over 1 MiB: not a scenario"), e.getMessage());
    }
}
