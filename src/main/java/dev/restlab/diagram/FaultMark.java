package dev.restlab.diagram;

import dev.restlab.fault.FaultRule;
import dev.restlab.fault.FaultRuleException;
import dev.restlab.wire.Exchange;
import java.util.Optional;

/**
 * What a fault rule did to an exchange, as the views mark it: the traffic list, the sequence
 * diagram, the waterfall and their exports. The rule comes from the capture (or, in an imported
 * file, from the answer's {@value Exchange#FAULT_HEADER} header); what a client sees and what a good
 * client does about it come from the rule itself.
 *
 * @param rule        the rule as written, e.g. {@code delay 300ms on GET /people/v1/users}
 * @param action      its first words, e.g. {@code delay 300ms}: what the drawings have room for
 * @param explanation what a client sees, or empty when the rule cannot be read (a file from elsewhere)
 * @param advice      what a good client does about it
 */
public record FaultMark(String rule, String action, String explanation, String advice) {

    /** Written before every fault's mark: a symbol, as the status classes have, never a colour alone. */
    public static final String SYMBOL = "⚡";

    /** The mark of the rule that touched this exchange, if one did. */
    public static Optional<FaultMark> of(Exchange exchange) {
        return exchange.faultRule().map(FaultMark::of);
    }

    static FaultMark of(String text) {
        String rule = Labels.cut(text.strip(), 120);
        int on = rule.indexOf(" on ");
        String action = Labels.cut(on < 0 ? rule : rule.substring(0, on), 24);
        try {
            FaultRule parsed = FaultRule.parse(text);
            return new FaultMark(rule, action, parsed.explanation(), parsed.advice());
        } catch (FaultRuleException notOurs) {
            return new FaultMark(rule, action, "", "A good client sets a time limit, and retries only what is safe to repeat.");
        }
    }

    /** {@code ⚡ delay 300ms}: the mark with the rule's action, short enough for a drawing. */
    public String label() {
        return SYMBOL + " " + action;
    }

    /** The rule, what the client saw and what a good client does, one line each: for tooltips. */
    public String describe() {
        return "Fault rule '" + rule + "'" + (explanation.isEmpty() ? "" : "\n" + explanation) + "\n" + advice;
    }

    /**
     * Why no whole answer came, in a few words for an arrow's label or a row:
     * {@code connection reset}, {@code server closed}, {@code client gave up}; empty when it did.
     */
    public static String shortReason(Exchange exchange) {
        if (exchange.answered()) {
            return "";
        }
        return switch (exchange.ending()) {
            case RESET_BY_SERVER -> "connection reset";
            case CLOSED_BY_SERVER -> "server closed";
            case CLIENT_GAVE_UP -> "client gave up";
            case CLOSED_MID_BODY -> "cut short: server closed";
            case CLIENT_GAVE_UP_MID_BODY -> "cut short: client gave up";
            case ANSWERED, NO_ANSWER -> "no answer";
        };
    }

    /** True when nothing of an answer came back: drawn as an arrow broken off before the client. */
    public static boolean noAnswer(Exchange exchange) {
        return exchange.status() <= 0 || !exchange.answered() && !exchange.ending().answerBegan();
    }

    /** True when an answer began and was cut short (a truncated body, a client that gave up on a slow one). */
    public static boolean cutShort(Exchange exchange) {
        return !exchange.answered() && !noAnswer(exchange);
    }
}
