package dev.restlab.check;

import dev.restlab.http.TargetUrl;
import dev.restlab.lab.LabReport;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.TerminalText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a check: each case with both answers and the verdicts, and the summary
 * ("14 of 17 as the handout expects"). As terminal text, as Markdown, and as HTML made from that
 * Markdown by the lab report's renderer. Everything that came from the wire is escaped for where
 * it goes: fenced or backslash-escaped in Markdown (so HTML-escaped in the page), control
 * characters shown escaped in the terminal.
 *
 * @param scenario the scenario's title
 * @param target   the server that was checked
 */
public record CheckReport(String scenario, TargetUrl target, Instant madeAt, List<CaseResult> cases) {

    /** Of a message shown in a report: enough for any answer of the API, bounded for a 2 MiB body. */
    static final int MAX_SHOWN_CHARS = 4 * 1024;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    public CheckReport {
        cases = List.copyOf(cases);
    }

    public long sameCount() {
        return cases.stream().filter(CaseResult::same).count();
    }

    /** True when every one of the handout's own curl commands was answered as RestLab answers it. */
    public boolean handoutCasesMatch() {
        return cases.stream().filter(CaseResult::handout).allMatch(CaseResult::same);
    }

    /** E.g. {@code 14 of 17 as the handout expects}. */
    public String summary() {
        return sameCount() + " of " + cases.size() + " as the handout expects";
    }

    /** E.g. {@code the handout's own steps: 8 of 8 as expected}. */
    public String handoutSummary() {
        long handout = cases.stream().filter(CaseResult::handout).count();
        long same = cases.stream().filter(CaseResult::handout).filter(CaseResult::same).count();
        return "the handout's own steps: " + same + " of " + handout + " as expected";
    }

    /** For a terminal: one line per case, the differences under it, and the summary. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Checked ").append(target).append(" against RestLab's own API (").append(scenario)
                .append(", ").append(cases.size()).append(" cases)\n\n");
        for (CaseResult c : cases) {
            text.append(String.format(Locale.ROOT, "%2d. %s %s%n", c.number(), c.same() ? "✓" : "✗",
                    TerminalText.safe(c.scenarioCase().title())));
            text.append("    ").append(requestLine(c)).append('\n');
            text.append("    here: ").append(TerminalText.safe(c.target().statusText()))
                    .append("   RestLab: ").append(TerminalText.safe(c.reference().statusText()))
                    .append("   ").append(c.verdict()).append('\n');
            for (Difference d : c.differences()) {
                text.append("      ").append(TerminalText.safe(d.sentence())).append('\n');
            }
            c.notes().forEach(note -> text.append("      note: ").append(note).append('\n'));
            text.append("    OpenAPI: ").append(TerminalText.safe(c.openApi())).append('\n');
        }
        text.append('\n').append(summary()).append("; ").append(handoutSummary()).append(".\n");
        return text.toString();
    }

    /** One case in full as plain text, for the window: verdict, differences, OpenAPI, the request, both answers. */
    public static String details(CaseResult c) {
        StringBuilder text = new StringBuilder();
        text.append(c.number()).append(". ").append(c.scenarioCase().title()).append('\n');
        if (!c.scenarioCase().explanation().isEmpty()) {
            text.append(c.scenarioCase().explanation().strip()).append('\n');
        }
        text.append('\n').append(c.same() ? "Same as RestLab." : "Verdict: " + c.verdict() + ".").append('\n');
        c.differences().forEach(d -> text.append("  • ").append(d.sentence()).append('\n'));
        c.notes().forEach(note -> text.append("  Note: ").append(note).append('\n'));
        text.append("OpenAPI: ").append(c.openApi()).append("\n\n");
        c.target().exchange().ifPresent(e -> text.append("Request, as sent:\n")
                .append(lf(shown(CurlText.requestAsSent(e)))).append("\n\n"));
        text.append("This server answered").append(c.target().problem().isEmpty() ? "" : " (" + c.target().problem() + ")")
                .append(":\n").append(lf(answerText(c.target()))).append("\n\n");
        text.append("RestLab answered").append(c.reference().problem().isEmpty() ? "" : " (" + c.reference().problem() + ")")
                .append(":\n").append(lf(answerText(c.reference()))).append('\n');
        return text.toString();
    }

    private static String lf(String wire) {
        return wire.replace("\r\n", "\n").stripTrailing();
    }

    /** The whole report: every case with the request and both answers as they crossed the wire. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Check of ").append(escape(target.toString())).append("\n\n");
        md.append("Scenario: ").append(escape(scenario)).append("  \n");
        md.append("Checked: ").append(WHEN.format(madeAt)).append("  \n");
        md.append("Compared with: RestLab's own API, fresh, answering the same requests\n\n");
        md.append("**").append(summary()).append("**; ").append(handoutSummary()).append(".\n\n");
        for (CaseResult c : cases) {
            md.append("- ").append(c.same() ? "✓ " : "✗ ").append(c.number()).append(". ")
                    .append(escape(c.scenarioCase().title())).append(": ").append(escape(c.target().statusText()))
                    .append(" (RestLab ").append(escape(c.reference().statusText())).append("), ")
                    .append(c.verdict()).append('\n');
        }
        md.append('\n');
        for (CaseResult c : cases) {
            md.append("## ").append(c.same() ? "✓ " : "✗ ").append(c.number()).append(". ")
                    .append(escape(c.scenarioCase().title())).append("\n\n");
            if (!c.scenarioCase().explanation().isEmpty()) {
                md.append(escape(c.scenarioCase().explanation())).append("\n\n");
            }
            if (c.same()) {
                md.append("**Verdict:** same as RestLab").append(c.handout() ? " (a step of the handout)" : "")
                        .append(".\n\n");
            } else {
                md.append("**Verdict:** ").append(c.verdict()).append(c.handout() ? " (a step of the handout)" : "")
                        .append(":\n\n");
                for (Difference d : c.differences()) {
                    md.append("- ").append(escape(d.sentence())).append('\n');
                }
                md.append('\n');
            }
            for (String note : c.notes()) {
                md.append("*Note:* ").append(escape(note)).append("\n\n");
            }
            md.append("**OpenAPI:** ").append(escape(c.openApi())).append("\n\n");
            c.target().exchange().ifPresent(e -> md.append("Request, as sent:\n\n")
                    .append(MessagePieces.fenced(shown(CurlText.requestAsSent(e)))).append('\n'));
            md.append("This server answered").append(answerNote(c.target())).append(":\n\n")
                    .append(MessagePieces.fenced(answerText(c.target()))).append('\n');
            md.append("RestLab answered").append(answerNote(c.reference())).append(":\n\n")
                    .append(MessagePieces.fenced(answerText(c.reference()))).append('\n');
        }
        return md.toString();
    }

    public String html() {
        return LabReport.htmlPage("Check of " + target, markdown());
    }

    /** Writes NAME.md and NAME.html ({@code file} is NAME with or without either ending); returns both. */
    public List<Path> write(Path file) throws IOException {
        return LabReport.writePair(file, "Check of " + target, markdown());
    }

    private static String requestLine(CaseResult c) {
        return c.target().exchange().or(() -> c.reference().exchange())
                .map(e -> TerminalText.safe(e.request().line())).orElse("");
    }

    private static String answerNote(Answer answer) {
        return answer.problem().isEmpty() ? "" : " (" + escape(answer.problem()) + ")";
    }

    private static String answerText(Answer answer) {
        return answer.exchange().map(Exchange.class::cast).map(CurlText::curlI).map(CheckReport::shown)
                .orElse("(nothing)");
    }

    /** A message cut for the report, saying how much was left out. */
    static String shown(String text) {
        if (text.length() <= MAX_SHOWN_CHARS) {
            return text;
        }
        return text.substring(0, MAX_SHOWN_CHARS) + "\n[… " + (text.length() - MAX_SHOWN_CHARS)
                + " more characters not shown]\n";
    }

    private static String escape(String text) {
        return LabReport.escape(text);
    }
}
