package dev.restlab.check;

import dev.restlab.http.TargetUrl;
import dev.restlab.lab.LabReport;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.TerminalText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a check: the listing the server matches best, one verdict per case (the graded
 * cases, then the extras apart), what the OpenAPI document says beside each, and what was left on
 * the server. As terminal text, as Markdown, and as HTML made from that Markdown by the lab
 * report's renderer. Everything that came from the wire is escaped for where it goes.
 *
 * @param stage the stage (the handout's listing) the server matches best; empty for a scenario without stages
 * @param took  how long the check took, clean-up included
 */
public record CheckReport(Scenario scenario, TargetUrl target, Instant madeAt, Optional<Stage> stage,
        List<CaseResult> cases, Cleanup cleanup, Duration took) {

    /** Of a message shown in a report: enough for any answer of the API, bounded for a 2 MiB body. */
    static final int MAX_SHOWN_CHARS = 4 * 1024;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    public CheckReport {
        cases = List.copyOf(cases);
    }

    public List<CaseResult> graded() {
        return cases.stream().filter(CaseResult::handout).toList();
    }

    public List<CaseResult> extras() {
        return cases.stream().filter(c -> !c.handout()).toList();
    }

    /** Graded cases answered as the listing does, or further. */
    public long asHandout() {
        return graded().stream().filter(c -> c.outcome().fine()).count();
    }

    /** Extras answered as a careful server does. */
    public long extrasFine() {
        return extras().stream().filter(c -> c.outcome().fine()).count();
    }

    /**
     * {@link Verdict#PASS} when every graded case is answered as the handout's final listing
     * answers it (or further); extras never change it.
     */
    public Verdict verdict() {
        boolean finalStage = stage.isEmpty() || stage.equals(scenario.finalStage());
        return finalStage && asHandout() == graded().size() ? Verdict.PASS : Verdict.DIFFERS;
    }

    /** The matched listing's title, e.g. {@code In [7]}; empty without stages or when nothing matched. */
    public String listing() {
        return stage.filter(s -> matchedAny()).map(Stage::title).orElse("");
    }

    private boolean matchedAny() {
        return graded().stream().anyMatch(c -> c.outcome() == Outcome.AS_EXPECTED);
    }

    /**
     * In words: which listing the server matches and how well, e.g. {@code matches the handout's
     * final listing, In [7], in all 13 of its cases; `?name=` is not in that listing, as in the handout}.
     */
    public String summary() {
        long fine = asHandout();
        int of = graded().size();
        List<String> failing = graded().stream().filter(c -> !c.outcome().fine())
                .map(c -> c.scenarioCase().title()).toList();
        if (stage.isEmpty()) {
            return fine + " of " + of + " cases as the scenario expects"
                    + (failing.isEmpty() ? "" : "; not: " + String.join("; ", failing));
        }
        Stage matched = stage.get();
        Stage last = scenario.finalStage().orElseThrow();
        if (!matchedAny()) {
            return "matches none of the handout's listings: " + fine + " of " + of + " cases as " + last.title()
                    + " answers them";
        }
        boolean isFinal = matched.equals(last);
        String name = isFinal ? "the handout's final listing, " + matched.title() : "the handout's " + matched.title()
                + " (" + matched.adds() + ")";
        StringBuilder words = new StringBuilder();
        if (failing.isEmpty()) {
            words.append("matches ").append(name).append(", in all ").append(of).append(" of its cases");
        } else {
            words.append("closest to ").append(name).append(": ").append(fine).append(" of ").append(of)
                    .append(" cases as that listing answers them; differs in: ").append(String.join("; ", failing));
        }
        if (!matched.note().isEmpty()) {
            words.append("; ").append(matched.note());
        }
        if (!isFinal) {
            words.append("; the handout goes on to ").append(last.title()).append(" (").append(last.adds()).append(')');
        }
        return words.toString();
    }

    /** What the server did beyond the listing, one item per credit. */
    public List<String> credits() {
        List<String> credits = new ArrayList<>();
        cases.stream().filter(CaseResult::handout).forEach(c -> c.credits().forEach(credit -> {
            if (!credits.contains(credit)) {
                credits.add(credit);
            }
        }));
        return credits;
    }

    /** E.g. {@code extras (not graded): 1 of 4 as a careful server answers}. */
    public String extrasSummary() {
        return "extras (not graded): " + extrasFine() + " of " + extras().size() + " as a careful server answers";
    }

    /** For a terminal: the verdict in words, then one line per case, extras apart, the clean-up. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Checked ").append(target).append(" (").append(scenario.title()).append(", ")
                .append(cases.size()).append(" cases, ").append(seconds()).append(" s)\n\n");
        text.append(capital(summary())).append(".\n");
        credits().forEach(credit -> text.append("  ★ went further: ").append(TerminalText.safe(credit)).append('\n'));
        text.append('\n');
        text.append(stage.map(s -> "The handout's cases, graded against " + s.title() + ":\n")
                .orElse("The scenario's cases:\n"));
        Map<String, Integer> explained = new HashMap<>();
        graded().forEach(c -> caseText(text, c, explained));
        if (!extras().isEmpty()) {
            text.append('\n').append(capital(extrasSummary())).append(":\n");
            extras().forEach(c -> caseText(text, c, explained));
        }
        text.append('\n').append(cleanup.sentence()).append('\n');
        text.append(verdict() == Verdict.PASS ? "Verdict: pass.\n" : "Verdict: differs.\n");
        return text.toString();
    }

    /** One case; a teaching point said once, and named by the case that said it after that. */
    private static void caseText(StringBuilder text, CaseResult c, Map<String, Integer> explained) {
        text.append(String.format(Locale.ROOT, "%2d. %s %s%n", c.number(), c.outcome().symbol(),
                TerminalText.safe(c.scenarioCase().title())));
        text.append("    ").append(requestLine(c)).append(" → ").append(TerminalText.safe(c.answer().statusText()))
                .append(": ").append(TerminalText.safe(c.verdict())).append('\n');
        c.differences().forEach(d -> text.append("      ").append(TerminalText.safe(d.sentence())).append('\n'));
        c.credits().forEach(credit -> text.append("      ★ ").append(TerminalText.safe(credit)).append('\n'));
        c.notes().forEach(note -> text.append("      note: ").append(TerminalText.safe(note)).append('\n'));
        text.append("    OpenAPI, apart: ").append(TerminalText.safe(c.openApi())).append('\n');
        if (!c.openApiWhy().isEmpty()) {
            Integer first = explained.putIfAbsent(c.openApiWhy(), c.number());
            text.append("      why: ").append(first == null ? c.openApiWhy() : "as said under case " + first).append('\n');
        }
    }

    /** The time taken in seconds, one decimal, e.g. {@code 1.8}. */
    public String seconds() {
        return String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0);
    }

    /** One case in full as plain text, for the window: verdict, differences, OpenAPI, the exchange. */
    public static String details(CaseResult c) {
        StringBuilder text = new StringBuilder();
        text.append(c.number()).append(". ").append(c.scenarioCase().title()).append('\n');
        if (!c.scenarioCase().explanation().isEmpty()) {
            text.append(c.scenarioCase().explanation().strip()).append('\n');
        }
        text.append('\n').append(c.outcome().symbol()).append(' ').append(capital(c.verdict()))
                .append(c.handout() ? " (graded against " + c.against() + ")" : " (an extra, not graded)")
                .append(".\n");
        c.differences().forEach(d -> text.append("  • ").append(d.sentence()).append('\n'));
        c.credits().forEach(credit -> text.append("  ★ ").append(credit).append('\n'));
        c.notes().forEach(note -> text.append("  Note: ").append(note).append('\n'));
        text.append("OpenAPI, apart: ").append(c.openApi()).append('\n');
        if (!c.openApiWhy().isEmpty()) {
            text.append("  Why: ").append(c.openApiWhy()).append('\n');
        }
        text.append('\n').append(exchangeText(c));
        return text.toString();
    }

    /** The exchange as curl -i prints it: the request as sent, then the answer (or what stopped it). */
    public static String exchangeText(CaseResult c) {
        StringBuilder text = new StringBuilder();
        c.answer().exchange().ifPresent(e -> text.append("Request, as sent:\n")
                .append(lf(shown(CurlText.requestAsSent(e)))).append("\n\n"));
        text.append("The server answered").append(c.answer().problem().isEmpty() ? "" : " (" + c.answer().problem() + ")")
                .append(":\n").append(lf(answerText(c.answer()))).append('\n');
        return text.toString();
    }

    private static String lf(String wire) {
        return wire.replace("\r\n", "\n").stripTrailing();
    }

    /** The whole report: the verdict, each case with the request and the answer as they crossed the wire. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Check of ").append(escape(target.toString())).append("\n\n");
        md.append("Scenario: ").append(escape(scenario.title())).append("  \n");
        md.append("Checked: ").append(WHEN.format(madeAt)).append(" in ").append(seconds()).append(" s\n\n");
        md.append("**").append(escape(capital(summary()))).append(".**\n\n");
        for (String credit : credits()) {
            md.append("- ★ went further: ").append(escape(credit)).append('\n');
        }
        md.append("\nVerdict: **").append(verdict().word()).append("**. ").append(escape(cleanup.sentence())).append("\n\n");
        md.append("| # | case | answer | verdict |\n| --- | --- | --- | --- |\n");
        for (CaseResult c : cases) {
            md.append("| ").append(c.number()).append(c.handout() ? "" : " (extra)").append(" | ")
                    .append(c.outcome().symbol()).append(' ').append(cell(c.scenarioCase().title())).append(" | ")
                    .append(cell(c.answer().statusText())).append(" | ").append(cell(c.verdict())).append(" |\n");
        }
        md.append('\n');
        Map<String, Integer> explained = new HashMap<>();
        for (CaseResult c : cases) {
            md.append("## ").append(c.outcome().symbol()).append(' ').append(c.number()).append(". ")
                    .append(escape(c.scenarioCase().title())).append(c.handout() ? "" : " (extra, not graded)")
                    .append("\n\n");
            if (!c.scenarioCase().explanation().isEmpty()) {
                md.append(escape(c.scenarioCase().explanation())).append("\n\n");
            }
            md.append("**Verdict:** ").append(escape(c.verdict())).append(c.handout() ? " (graded against "
                    + escape(c.against()) + ")" : "").append(c.differences().isEmpty() ? ".\n\n" : ":\n\n");
            for (Difference d : c.differences()) {
                md.append("- ").append(escape(d.sentence())).append('\n');
            }
            if (!c.differences().isEmpty()) {
                md.append('\n');
            }
            for (String credit : c.credits()) {
                md.append("★ ").append(escape(credit)).append("\n\n");
            }
            for (String note : c.notes()) {
                md.append("*Note:* ").append(escape(note)).append("\n\n");
            }
            md.append("**OpenAPI, apart:** ").append(escape(c.openApi())).append("\n\n");
            if (!c.openApiWhy().isEmpty()) {
                Integer first = explained.putIfAbsent(c.openApiWhy(), c.number());
                md.append("*Why:* ").append(first == null ? escape(c.openApiWhy()) : "as said under case " + first)
                        .append("\n\n");
            }
            c.answer().exchange().ifPresent(e -> md.append("Request, as sent:\n\n")
                    .append(MessagePieces.fenced(shown(CurlText.requestAsSent(e)))).append('\n'));
            md.append("The server answered").append(c.answer().problem().isEmpty() ? ""
                    : " (" + escape(c.answer().problem()) + ")").append(":\n\n")
                    .append(MessagePieces.fenced(answerText(c.answer()))).append('\n');
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
        return c.answer().exchange().map(e -> TerminalText.safe(e.request().line()))
                .orElse(c.scenarioCase().request().method() + " " + c.scenarioCase().request().path());
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

    static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String cell(String text) {
        return escape(text);
    }

    private static String escape(String text) {
        return LabReport.escape(text);
    }
}
