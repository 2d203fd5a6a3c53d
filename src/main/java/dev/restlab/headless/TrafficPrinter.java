package dev.restlab.headless;

import dev.restlab.fault.FaultLesson;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TerminalText;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Prints batches of exchanges for the headless mode: one access-log line each, like Flask's
 * development server, and with {@code --trace} also the request as it was sent and the response
 * exactly as {@code curl -i} prints it, then one line naming the OpenAPI operation the exchange
 * matched and whether the answer conforms to the document. An exchange a fault rule touched, or
 * that got no whole answer, says so on its access line, and with {@code --trace} what the fault did
 * and what a good client does about it. Control characters from the wire are
 * printed escaped, so that no request can take over the terminal.
 */
final class TrafficPrinter implements Consumer<List<Exchange>> {

    private final PrintStream out;
    private final boolean trace;

    TrafficPrinter(PrintStream out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public void accept(List<Exchange> batch) {
        out.print(text(batch, trace)); // one write per batch keeps a busy server's log cheap
        out.flush();
    }

    /** The batch as printed, control characters escaped. */
    static String text(List<Exchange> batch, boolean trace) {
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : batch) {
            text.append(CurlText.summary(exchange)).append(accessNote(exchange)).append('\n');
            if (trace) {
                text.append(CurlText.requestAsSent(exchange));
                endLine(text);
                text.append(CurlText.curlI(exchange));
                endLine(text);
                text.append(openApiLine(exchange)).append('\n');
                lesson(exchange).ifPresent(lesson -> text.append("* ").append(lesson.what()).append('\n')
                        .append("* ").append(lesson.advice()).append('\n'));
                text.append('\n');
            }
        }
        return TerminalText.safe(text.toString());
    }

    /**
     * What the access line adds for an exchange a fault touched or that got no whole answer, e.g.
     * {@code   <- fault on purpose: delay 300ms on GET /people/v1/users} or {@code   <- no answer:
     * connection reset by the server before any answer; fault on purpose: reset on DELETE}.
     */
    static String accessNote(Exchange exchange) {
        Optional<String> rule = exchange.faultRule();
        Optional<String> missing = exchange.noWholeAnswer();
        if (missing.isEmpty()) {
            return rule.map(r -> "  <- fault on purpose: " + r).orElse("");
        }
        String sentence = missing.get();
        String note = Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1, sentence.length() - 1);
        return "  <- " + note + rule.map(r -> "; fault on purpose: " + r).orElse("");
    }

    /** What the fault did and what a good client does about it, for an exchange a fault touched or left unanswered. */
    static Optional<FaultLesson> lesson(Exchange exchange) {
        return FaultLesson.of(exchange.faultRule(), exchange.method(), exchange.noWholeAnswer());
    }

    /** E.g. {@code * OpenAPI: createUser: conforms}, or the reason it does not. */
    static String openApiLine(Exchange exchange) {
        if (exchange.rejected() && exchange.connection().relayedTo().isPresent()) {
            return "* OpenAPI: no operation: " + exchange.whoAnswered();
        }
        if (exchange.rejected()) {
            return "* OpenAPI: no operation: Jetty answered " + exchange.status()
                    + " by itself, before any route (not part of the API)";
        }
        return "* OpenAPI: " + ApiDescription.bundled().check(exchange).summary();
    }

    /** A body need not end in a line break; the next exchange must start on a line of its own. */
    private static void endLine(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
