package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.TargetUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterTest {

    @Test
    void a_roster_as_a_spreadsheet_saves_it_is_read_with_line_numbers(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("roster.csv");
        Files.writeString(file, "\uFEFFStudent,URL\r\n# first row\r\n\"Rossi, Anna\",http://127.0.0.1:5001\r\n\r\n"
                + "Bruno,localhost:5002\r\n");

        assertEquals(List.of(new RosterEntry(3, "Rossi, Anna", new TargetUrl("127.0.0.1", 5001)),
                new RosterEntry(5, "Bruno", new TargetUrl("localhost", 5002))), Roster.read(file));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Anna,http://127.0.0.1:5001,extra | 2 | a line is student,url (two fields), not 3 fields",
        "Anna                              | 2 | not 1 fields",
        "' ,http://127.0.0.1:5001'         | 2 | the student's name is empty",
        "Ann,http://127.0.0.1:5001/people  | 2 | give the server's root",
        "Zed,http://127.0.0.1:5009         | 2 | 'Zed' is on line 1 already",
        "\"Ann,http://127.0.0.1:5001       | 2 | a double quote is not closed",
    })
    void a_line_that_will_not_do_is_named(String line, int number, String reason) {
        RosterException e = assertThrows(RosterException.class,
                () -> Roster.parse("Zed,http://127.0.0.1:5000\n" + line + "\n", "roster.csv"));
        assertEquals(number, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("roster.csv, line " + number + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void an_empty_roster_or_a_missing_file_is_refused() {
        RosterException empty = assertThrows(RosterException.class, () -> Roster.parse("student,url\n\n", "r.csv"));
        assertTrue(empty.getMessage().contains("no students"), empty.getMessage());
        RosterException missing = assertThrows(RosterException.class, () -> Roster.read(Path.of("no-such-roster.csv")));
        assertTrue(missing.getMessage().startsWith("no-such-roster.csv: cannot be read"), missing.getMessage());
    }
}
