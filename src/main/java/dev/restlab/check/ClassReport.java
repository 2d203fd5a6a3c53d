package dev.restlab.check;

import dev.restlab.files.SharedFile;
import dev.restlab.lab.LabReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A class's grades: one row per student in the roster's order, as {@code grades.csv}
 * ({@code student,url,listing,as_handout,of,extras,verdict,seconds}) and as one Markdown/HTML page
 * with the class table and each student's full report.
 */
public record ClassReport(String scenario, Instant madeAt, List<StudentResult> students) {

    public static final String CSV_HEADER = "student,url,listing,as_handout,of,extras,verdict,seconds";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    public ClassReport {
        students = List.copyOf(students);
    }

    public long count(Verdict verdict) {
        return students.stream().filter(s -> s.verdict() == verdict).count();
    }

    /** E.g. {@code 30 students: 21 pass, 7 differs, 2 unreachable}. */
    public String summary() {
        return students.size() + (students.size() == 1 ? " student: " : " students: ") + count(Verdict.PASS)
                + " pass, " + count(Verdict.DIFFERS) + " differs, " + count(Verdict.UNREACHABLE) + " unreachable";
    }

    public String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (StudentResult s : students) {
            csv.append(String.join(",", field(s.entry().student()), field(s.entry().url().toString()),
                    field(s.listing()), s.report().map(r -> String.valueOf(r.asHandout())).orElse(""),
                    s.report().map(r -> String.valueOf(r.graded().size())).orElse(""), field(s.extras()),
                    s.verdict().word(), s.seconds())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A CSV field: quoted when it holds a comma, a quote or a line end; one that a spreadsheet
     * would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) starts with a quote mark.
     */
    static String field(String value) {
        String safe = value.matches("(?s)[=+\\-@\t\r].*") ? "'" + value : value;
        return safe.matches("(?s).*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Grades\n\n");
        md.append("Scenario: ").append(LabReport.escape(scenario)).append("  \n");
        md.append("Checked: ").append(WHEN.format(madeAt)).append("\n\n**").append(summary()).append(".**\n\n");
        md.append("| student | server | listing | as the handout | extras | verdict | seconds |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (StudentResult s : students) {
            md.append("| ").append(LabReport.escape(s.entry().student())).append(" | ")
                    .append(LabReport.escape(s.entry().url().toString())).append(" | ")
                    .append(LabReport.escape(s.listing())).append(" | ").append(s.asHandoutOf()).append(" | ")
                    .append(s.extras()).append(" | ").append(s.verdict().word()).append(" | ").append(s.seconds())
                    .append(" |\n");
        }
        for (StudentResult s : students) {
            md.append("\n# ").append(LabReport.escape(s.entry().student())).append("\n\n");
            if (s.report().isEmpty()) {
                md.append("Unreachable: ").append(LabReport.escape(s.unreachable())).append("\n");
                continue;
            }
            // the student's own report, its headings one level down under the student's name
            md.append(s.report().get().markdown().replaceAll("(?m)^(#+) ", "#$1 "));
        }
        return md.toString();
    }

    /** Writes NAME.csv, NAME.md and NAME.html ({@code file} is NAME, with or without one of those endings). */
    public List<Path> write(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.(csv|md|html?)$", "");
        Path csvFile = file.resolveSibling(name + ".csv");
        SharedFile.writeString(csvFile, csv());
        List<Path> pages = LabReport.writePair(file.resolveSibling(name), "Grades", markdown());
        return List.of(csvFile, pages.get(0), pages.get(1));
    }
}
