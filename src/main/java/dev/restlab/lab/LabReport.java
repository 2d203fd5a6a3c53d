package dev.restlab.lab;

import dev.restlab.files.SharedFile;
import dev.restlab.wire.MessagePieces;
import dev.restlab.wire.TerminalText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A lab report a student can hand in: the lab's title, who and when, each step done or not, and
 * for each done step the exchange that did it as it crossed the wire, its OpenAPI verdict and the
 * explanation. Written as Markdown; the HTML is that Markdown rendered by commonmark-java into one
 * self-contained page (no external resources), with any HTML in the text escaped.
 */
public final class LabReport {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;"
            + "padding:0 1em;line-height:1.45}pre{background:#f4f6f8;padding:.6em;overflow-x:auto}"
            + "code{font-family:'DejaVu Sans Mono',Consolas,Menlo,monospace}h2{margin-top:1.6em}";

    private LabReport() {
    }

    /** @param student the student's name, or empty */
    public static String markdown(LabTracker tracker, String student, Instant madeAt) {
        Lab lab = tracker.lab();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(lab.title())).append("\n\n");
        if (!student.isBlank()) {
            md.append("Student: ").append(escape(student.strip())).append("  \n");
        }
        md.append("Report made: ").append(WHEN.format(madeAt)).append("  \n");
        md.append("Steps done: ").append(tracker.doneCount()).append(" of ").append(lab.steps().size())
                .append(tracker.complete() ? " (complete: every required step is done)" : "").append("\n\n");
        if (!lab.introduction().isEmpty()) {
            md.append(escape(lab.introduction())).append("\n\n");
        }
        for (Step step : lab.steps()) {
            Optional<Tick> tick = tracker.tickOf(step);
            boolean skipped = tick.isEmpty() && tracker.skipped(step);
            md.append("## ").append(tick.isPresent() ? "✓ " : skipped ? "↷ " : "✗ ").append(lab.number(step)).append(". ")
                    .append(escape(step.title())).append(step.optional() ? " (optional)" : "").append("\n\n");
            if (skipped) {
                md.append("*Skipped: an optional step.*\n\n");
            } else if (tick.isEmpty()) {
                md.append("*Not done.*\n\n");
            } else {
                md.append("*Done ").append(WHEN.format(tick.get().time())).append(": ")
                        .append(escape(tick.get().summary())).append(".*\n\n");
            }
            if (!step.task().isEmpty()) {
                md.append(escape(tracker.fill(step.task()))).append("\n\n");
            }
            if (!step.command().isEmpty()) {
                md.append(MessagePieces.fenced(tracker.fill(step.command()) + "\n")).append('\n');
            }
            if (!step.note().isEmpty()) {
                md.append("**Note:** ").append(escape(tracker.fill(step.note()))).append("\n\n");
            }
            if (!step.explanation().isEmpty()) {
                md.append("**Why:** ").append(escape(step.explanation()));
                if (!step.reference().isEmpty()) {
                    md.append(" (").append(escape(step.reference())).append(")");
                }
                md.append("\n\n");
            }
            tick.filter(done -> done.exchangeId() > 0).ifPresent(done -> {
                md.append("**OpenAPI:** ").append(escape(done.verdict())).append("\n\n");
                if (!done.fault().isEmpty()) {
                    md.append("**Fault met:** ").append(escape(done.fault())).append("\n\n");
                }
                md.append("Request, as sent on the wire:\n\n").append(MessagePieces.fenced(done.request())).append('\n');
                md.append("Response, as curl -i prints it:\n\n").append(MessagePieces.fenced(done.response())).append('\n');
            });
        }
        return md.toString();
    }

    /** The Markdown report as one self-contained HTML page. */
    public static String html(LabTracker tracker, String student, Instant madeAt) {
        return htmlPage(tracker.lab().title(), markdown(tracker, student, madeAt));
    }

    /**
     * Markdown as one self-contained HTML page titled {@code title}: any HTML inside the Markdown
     * is escaped, not passed through, and links are sanitized. Every report RestLab writes uses it.
     */
    public static String htmlPage(String title, String markdown) {
        String body = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build()
                .render(Parser.builder().build().parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + htmlText(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** {@code NAME.md} and {@code NAME.html} beside each other, {@code file} being NAME with or without either ending. */
    /**
     * The two files a report named {@code file} is written to: {@code NAME.md} and {@code NAME.html},
     * {@code file} being NAME with or without either ending.
     *
     * @throws IllegalArgumentException when {@code file} names no file (a root folder)
     */
    public static List<Path> files(Path file) {
        if (file.getFileName() == null) {
            throw new IllegalArgumentException(file + " names a folder, not a file: name a file in it, e.g. "
                    + file.resolve("lab-report.html"));
        }
        String name = file.getFileName().toString().replaceFirst("\\.(md|html?)$", "");
        return List.of(file.resolveSibling(name + ".md"), file.resolveSibling(name + ".html"));
    }

    public static List<Path> writePair(Path file, String title, String markdown) throws IOException {
        List<Path> pair = files(file);
        Path markdownFile = pair.get(0);
        Path htmlFile = pair.get(1);
        String safe = TerminalText.safe(markdown); // `cat report.md` must not obey a body's escape sequences
        SharedFile.writeString(markdownFile, safe);
        SharedFile.writeString(htmlFile, htmlPage(TerminalText.safe(title), safe));
        return List.of(markdownFile, htmlFile);
    }

    /**
     * Writes the report twice beside each other: {@code NAME.md} and {@code NAME.html}, where
     * {@code file} is NAME with or without one of those endings. Returns the two files.
     */
    public static List<Path> write(LabTracker tracker, Path file, String student) throws IOException {
        return writePair(file, tracker.lab().title(), markdown(tracker, student, Instant.now()));
    }

    /**
     * The characters that make Markdown inline markup (emphasis, code, links, HTML, entities)
     * backslash-escaped, so a name or a title is shown as written; the rest stays readable.
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>&|~".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c == '\n' ? ' ' : c); // one paragraph: no line can start a block
        }
        return escaped.toString();
    }

    private static String htmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
