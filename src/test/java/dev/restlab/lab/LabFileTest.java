package dev.restlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LabFileTest {

    private static LabFileException refused(String yaml) {
        return assertThrows(LabFileException.class, () -> LabFile.read(new StringReader(yaml), "class.yaml"));
    }

    @Test
    void the_handout_lab_has_the_handouts_steps_in_its_order() {
        Lab lab = LabFile.handout();
        assertEquals(List.of("start", "root", "root-i", "create", "missing-field", "not-json", "list", "by-name",
                "unknown-name", "by-id", "delete", "gone", "openapi", "swagger"),
                lab.steps().stream().map(Step::id).toList());
        for (Step step : lab.steps()) {
            assertTrue(!step.question().isEmpty() && !step.answer().isEmpty(), step.id() + " has a question");
        }
        assertEquals("curl -i http://127.0.0.1:5001/people/v1/users/abc",
                lab.step("by-id").orElseThrow().commandFor(5001, Map.of("id", "abc")));
    }

    @Test
    void the_example_in_docs_labs_md_loads() throws Exception {
        String doc = Files.readString(Path.of("docs/labs.md"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(yaml.find(), "docs/labs.md has a yaml example");
        Lab lab = LabFile.read(new StringReader(yaml.group(1)), "docs/labs.md");
        assertTrue(lab.steps().size() >= 3, "a complete small lab");
    }

    @Test
    void bad_yaml_names_the_file_and_the_line() {
        LabFileException e = refused("title: x\nsteps:\n  - id: a\n    title: [unclosed\n");
        assertEquals("class.yaml", e.file());
        assertTrue(e.line() >= 4, e.getMessage());
        assertTrue(e.getMessage().startsWith("class.yaml, line "), e.getMessage());
    }

    @Test
    void an_unknown_predicate_is_refused_on_its_line() {
        LabFileException e = refused("title: x\nsteps:\n  - id: a\n    title: A\n    check:\n      method: GET\n"
                + "      stauts: 200\n");
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("unknown key 'stauts' in a check"), e.getMessage());
    }

    @Test
    void a_reference_to_a_step_that_does_not_exist_is_refused_on_its_line() {
        LabFileException e = refused("title: x\nsteps:\n  - id: a\n    title: A\n    check:\n      after: later\n"
                + "  - id: later\n    title: L\n    server: running\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("'after' names step 'later', which does not exist before this one"),
                e.getMessage());
    }

    @Test
    void other_mistakes_are_explained() {
        assertTrue(refused("steps: []\n").getMessage().contains("'title' is missing"));
        assertTrue(refused("title: x\nsteps: []\n").getMessage().contains("at least one step"));
        assertTrue(refused("title: x\nsteps:\n  - id: a\n    title: A\n").getMessage()
                .contains("needs exactly one of 'check', 'checks' or 'server: running'"));
        assertTrue(refused("title: x\nsteps:\n  - id: a\n    title: A\n    check: {status: 700}\n").getMessage()
                .contains("a status is a number from 100 to 599"));
        assertTrue(refused("title: x\nsteps:\n  - id: a\n    title: A\n    check: {client: phone}\n").getMessage()
                .contains("'client' is any, terminal or window"));
        assertTrue(refused("title: x\nsteps:\n  - id: a\n    title: A\n    server: running\n"
                + "  - id: b\n    title: B\n    check: {path: '/u/{id}', idFrom: a}\n").getMessage()
                .contains("step 'a' remembers no id"));
        assertTrue(refused("").getMessage().contains("empty"));
    }

    @Test
    void a_missing_file_is_refused_with_its_name() {
        LabFileException e = assertThrows(LabFileException.class, () -> LabFile.load("no/such/lab.yaml"));
        assertTrue(e.getMessage().startsWith("no/such/lab.yaml: cannot be read"), e.getMessage());
    }

    @Test
    void aliases_that_repeat_a_long_text_are_refused_at_the_line_where_the_lab_grows_too_large() {
        StringBuilder yaml = new StringBuilder("title: x\nsteps:\n  - id: s0\n    title: A\n    server: running\n"
                + "    note: &big " + "x".repeat(60_000) + "\n");
        for (int i = 1; i <= 40; i++) {
            yaml.append("  - id: s").append(i).append("\n    title: B\n    server: running\n    note: *big\n");
        }
        LabFileException e = refused(yaml.toString());
        assertTrue(e.getMessage().contains("with its aliases expanded the lab would hold over 1048576 characters"),
                e.getMessage());
        int crossing = 6 + 4 * (int) (LabFile.MAX_EXPANDED_CHARS / 60_000); // the alias that crosses the bound
        assertEquals(crossing, e.line(), e.getMessage());
    }

    @Test
    void one_text_longer_than_a_lab_needs_is_refused_with_its_line() {
        LabFileException e = refused("title: x\nsteps:\n  - id: a\n    title: A\n    server: running\n"
                + "    task: " + "y".repeat(LabFile.MAX_TEXT_CHARS + 1) + "\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("a text of " + (LabFile.MAX_TEXT_CHARS + 1) + " characters"), e.getMessage());
    }

    @Test
    void a_key_given_twice_is_refused_naming_both_lines() {
        LabFileException e = refused("title: x\nsteps:\n  - id: a\n    title: A\n    server: running\n"
                + "    title: B\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("the key 'title' is given twice, on lines 4 and 6"), e.getMessage());
        LabFileException query = refused("title: x\nsteps:\n  - id: a\n    title: A\n    check:\n      query:\n"
                + "        name: John\n        name: Ann\n");
        assertTrue(query.getMessage().contains("the key 'name' is given twice, on lines 7 and 8"), query.getMessage());
    }

    @Test
    void optional_steps_and_the_order_are_read_and_wrong_values_explained() throws Exception {
        Lab lab = LabFile.read(new StringReader("title: x\norder: strict\nsteps:\n  - id: a\n    title: A\n"
                + "    optional: true\n    note: N\n    server: running\n"), "x.yaml");
        assertTrue(lab.strictOrder());
        assertTrue(lab.steps().get(0).optional());
        assertEquals("N", lab.steps().get(0).note());
        assertTrue(refused("title: x\norder: loose\nsteps:\n  - {id: a, title: A, server: running}\n").getMessage()
                .contains("'order' is strict"));
        assertTrue(refused("title: x\nsteps:\n  - {id: a, title: A, server: running, optional: maybe}\n")
                .getMessage().contains("'optional' is true or false"));
        assertEquals(List.of("missing-field", "not-json", "unknown-name", "openapi", "swagger"), LabFile.handout()
                .steps().stream().filter(Step::optional).map(Step::id).toList());
    }
}
