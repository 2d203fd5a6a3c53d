package dev.restlab.check;

import dev.restlab.http.TargetUrl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a class roster: {@code student,url} lines, as a spreadsheet saves them (CSV, a field in
 * double quotes may hold a comma), an optional {@code student,url} header line, blank lines and
 * lines starting with {@code #} skipped. A roster that will not do is refused with its line number.
 */
public final class Roster {

    /** More students than any class; a bigger file is not a roster. */
    static final int MAX_STUDENTS = 1000;
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private Roster() {
    }

    public static List<RosterEntry> read(Path file) throws RosterException {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new RosterException(name, 0, "the file is over 1 MiB: not a roster");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new RosterException(name, 0, "not UTF-8 text: save the roster as CSV (UTF-8)");
        } catch (IOException e) {
            throw new RosterException(name, 0, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, name);
    }

    static List<RosterEntry> parse(String text, String name) throws RosterException {
        List<RosterEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n", -1) : text.split("\r?\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String raw = lines[i].strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(raw, name, line);
            if (first && fields.size() == 2 && fields.get(0).strip().toLowerCase(Locale.ROOT).equals("student")
                    && fields.get(1).strip().toLowerCase(Locale.ROOT).equals("url")) {
                first = false;
                continue;
            }
            first = false;
            if (fields.size() != 2) {
                throw new RosterException(name, line, "a line is student,url (two fields), not " + fields.size()
                        + " fields: put a name with a comma in double quotes");
            }
            String student = fields.get(0).strip();
            if (student.isEmpty()) {
                throw new RosterException(name, line, "the student's name is empty");
            }
            if (student.chars().anyMatch(Character::isISOControl)) {
                throw new RosterException(name, line, "the student's name has a control character");
            }
            Integer before = seen.putIfAbsent(student, line);
            if (before != null) {
                throw new RosterException(name, line, "'" + student + "' is on line " + before + " already");
            }
            TargetUrl url;
            try {
                url = TargetUrl.parse(fields.get(1));
            } catch (IllegalArgumentException e) {
                throw new RosterException(name, line, e.getMessage());
            }
            entries.add(new RosterEntry(line, student, url));
            if (entries.size() > MAX_STUDENTS) {
                throw new RosterException(name, line, "more than " + MAX_STUDENTS + " students: not one class");
            }
        }
        if (entries.isEmpty()) {
            throw new RosterException(name, 0, "no students: a roster has a student,url line per student");
        }
        return entries;
    }

    /** The fields of one CSV line; a field in double quotes may hold commas and doubled quotes. */
    private static List<String> fields(String line, String name, int number) throws RosterException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new RosterException(name, number, "a double quote is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
