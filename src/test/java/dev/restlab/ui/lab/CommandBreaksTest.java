package dev.restlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.lab.LabFile;
import dev.restlab.lab.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lab's command breaks across lines only between shell words or after a URL's separators. */
class CommandBreaksTest {

    private static final String NOBODY = "curl -i 'http://127.0.0.1:5001/people/v1/users?name=Nobody'";
    private static final String CREATE = "curl -i -X POST -H \"Content-Type: application/json\""
            + " -d '{\"name\": \"John\", \"email\": \"john@example.com\"}' http://127.0.0.1:5001/people/v1/users";

    @Test
    void the_handouts_404_command_never_breaks_inside_name_equals_nobody() {
        for (int columns = 8; columns <= NOBODY.length(); columns++) {
            List<String> lines = CommandBreaks.lines(NOBODY, columns);
            String shown = String.join("\n", lines);
            assertFalse(shown.contains("?n\n") || shown.contains("na\nme") || shown.contains("Nob\nody"),
                    columns + " columns: " + shown);
            assertTrue(shown.contains("name=Nobody'") || shown.contains("name=\nNobody'"), columns + " columns: " + shown);
        }
    }

    @Test
    void a_word_that_fits_on_a_line_is_never_split() {
        assertEquals(List.of("curl -i -X POST -H \"Content-Type: application/json\" ",
                        "-d '{\"name\": \"John\", \"email\": \"john@example.com\"}' ",
                        "http://127.0.0.1:5001/people/v1/users"),
                CommandBreaks.lines(CREATE, 52));
    }

    @Test
    void a_url_longer_than_a_line_breaks_after_its_slashes_and_query_separators() {
        assertEquals(List.of("curl -i 'http://", "127.0.0.1:5001/", "people/v1/users?", "name=Nobody'"),
                CommandBreaks.lines(NOBODY, 16));
    }

    @Test
    void a_quoted_json_body_longer_than_a_line_breaks_at_its_own_spaces() {
        List<String> lines = CommandBreaks.lines(CREATE, 30);
        assertTrue(lines.stream().anyMatch(line -> line.endsWith("-d '{\"name\": \"John\", ")), String.join("\n", lines));
        assertTrue(lines.contains("\"email\": \"john@example.com\"}' "), String.join("\n", lines));
    }

    @Test
    void a_token_longer_than_a_line_keeps_its_own_line_whole() {
        String id = "curl -i http://127.0.0.1:5001/people/v1/users/864d82a5-e4e2-4b17-8358-d0d66d34e470";
        assertEquals(List.of("curl -i ", "http://", "127.0.0.1:5001/", "people/v1/", "users/",
                "864d82a5-e4e2-4b17-8358-d0d66d34e470"), CommandBreaks.lines(id, 12));
    }

    /** Every width, every command of the built-in labs: joined back they are the command, and every break is allowed. */
    @Test
    void every_break_of_every_built_in_command_is_between_tokens_and_the_lines_join_back() {
        List<String> commands = new java.util.ArrayList<>(List.of(NOBODY, CREATE));
        for (String name : LabFile.BUILT_IN) {
            LabFile.builtIn(name).steps().stream().map(Step::command).filter(c -> !c.isEmpty())
                    .forEach(commands::add);
        }
        assertTrue(commands.size() > 10, "the built-in labs' commands were read");
        for (String command : commands) {
            for (int columns = 10; columns <= command.length() + 1; columns++) {
                List<String> lines = CommandBreaks.lines(command, columns);
                assertEquals(command, String.join("", lines), columns + " columns");
                int at = 0;
                for (String line : lines) {
                    assertTrue(at == 0 || CommandBreaks.allowedBreak(command, at),
                            columns + " columns: a break inside a token at " + at + " of " + command);
                    assertTrue(line.stripTrailing().length() <= columns || !hasBreak(line.stripTrailing()),
                            columns + " columns: '" + line + "' is longer than a line though it could break");
                    at += line.length();
                }
            }
        }
    }

    @Test
    void the_rule_allows_spaces_and_url_separators_only() {
        assertTrue(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf("-i")));
        assertTrue(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf("name=")));
        assertTrue(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf("Nobody")));
        assertFalse(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf("ame=")));
        assertFalse(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf("//") + 1), "http:// keeps its slashes together");
        assertFalse(CommandBreaks.allowedBreak(NOBODY, NOBODY.indexOf(":5001")));
    }

    private static boolean hasBreak(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (CommandBreaks.allowedBreak(line, i)) {
                return true;
            }
        }
        return false;
    }
}
