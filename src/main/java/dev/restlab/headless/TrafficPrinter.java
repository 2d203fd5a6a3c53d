package dev.restlab.headless;

import dev.restlab.fault.FaultRule;
import dev.restlab.openapi.ApiDescription;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.TerminalText;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints batches of exchanges for the headless mode: one access-log line each, like Flask's
 * development server, and with {@code --trace} also the request as it was sent and the response
 * exactly as {@code curl -i} prints it, then one line naming the OpenAPI operation the exchange
 * matched and whether the answer conforms to the document. Control characters from the wire are
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
            text.append(CurlText.summary(exchange));
            exchange.response().header(FaultRule.HEADER).ifPresent(rule -> text.append("  <- fault on purpose: ")
                    .append(rule));
            text.append('\n');
            if (trace) {
                text.append(CurlText.requestAsSent(exchange));
                endLine(text);
                text.append(CurlText.curlI(exchange));
                endLine(text);
                text.append(openApiLine(exchange)).append('\n');
                text.append('\n');
            }
        }
        return TerminalText.safe(text.toString());
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
