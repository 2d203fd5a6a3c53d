package dev.restlab.proxy;

import dev.restlab.fault.FaultAction;
import dev.restlab.fault.FaultRule;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpStatus;

/**
 * An answer RestLab gives itself in proxy mode, instead of the target's: a status, a one-line
 * plain-text reason, and {@code Connection: close} (nothing more is read or relayed on that
 * connection). Only ever written before any byte of the target's answer to that request.
 */
final class LocalAnswer {

    private LocalAnswer() {
    }

    /** The whole answer; with no body for a HEAD request, as HTTP wants, but the same length. */
    static byte[] of(int status, String phrase, String reason, boolean toHead) {
        byte[] body = (reason.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        if (toHead) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * The answer a {@code status} fault rule gives instead of the target's: it names the rule in
     * {@value FaultRule#HEADER}, and a 503 or 429 says when to come back ({@code Retry-After}).
     */
    static byte[] fault(FaultRule rule, String target, boolean toHead) {
        int status = rule.status();
        byte[] body = ("Injected fault: RestLab answered " + status + " because of the rule '" + rule.text()
                + "'; the request was not passed on to " + target + ", so nothing was stored.\n")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + HttpStatus.getMessage(status) + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + FaultRule.HEADER + ": " + rule.text() + "\r\n"
                + (FaultAction.carriesRetryAfter(status) ? "Retry-After: " + FaultRule.RETRY_AFTER_SECONDS + "\r\n" : "")
                + "Connection: close\r\n"
                + "\r\n";
        return join(head.getBytes(StandardCharsets.US_ASCII), toHead ? new byte[0] : body);
    }

    private static byte[] join(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** {@code 502 Bad Gateway}: the target gave no usable answer, and why. */
    static byte[] badGateway(String reason, boolean toHead) {
        return of(502, "Bad Gateway", "Bad Gateway: " + reason, toHead);
    }
}
