package dev.restlab;

import dev.restlab.openapi.ApiDescription;
import dev.restlab.openapi.Conformance;
import dev.restlab.wire.CurlText;
import dev.restlab.wire.Exchange;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints batches of exchanges for the headless mode: one access-log line each, like Flask's
 * development server, and with {@code --trace} also the request (as curl -v shows it) and the
 * response exactly as {@code curl -i} prints it, then one line naming the OpenAPI operation the
 * exchange matched and whether the answer conforms to the document.
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
        StringBuilder text = new StringBuilder();
        for (Exchange exchange : batch) {
            text.append(CurlText.summary(exchange)).append('\n');
            if (trace) {
                text.append(CurlText.curlV(exchange));
                endLine(text);
                text.append(CurlText.curlI(exchange));
                endLine(text);
                text.append(openApiLine(exchange)).append('\n');
                text.append('\n');
            }
        }
        out.print(text); // one write per batch keeps a busy server's log cheap
        out.flush();
    }

    /** E.g. {@code * OpenAPI: createUser: conforms}, or the reason it does not. */
    static String openApiLine(Exchange exchange) {
        ApiDescription api = ApiDescription.bundled();
        if (exchange.rejected()) {
            return "* OpenAPI: no operation: Jetty answered " + exchange.status()
                    + " by itself, before any route (not part of the API)";
        }
        Conformance verdict = api.check(exchange.method(), exchange.target(), exchange.status(),
                exchange.responseHeader("Content-Type").orElse(null), exchange.responseBody(),
                exchange.responseBodySize());
        return "* OpenAPI: " + verdict.summary();
    }

    /** A body need not end in a line break; the next exchange must start on a line of its own. */
    private static void endLine(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
