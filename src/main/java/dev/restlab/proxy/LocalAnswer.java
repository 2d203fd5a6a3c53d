package dev.restlab.proxy;

import java.nio.charset.StandardCharsets;

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

    /** {@code 502 Bad Gateway}: the target gave no usable answer, and why. */
    static byte[] badGateway(String reason, boolean toHead) {
        return of(502, "Bad Gateway", "Bad Gateway: " + reason, toHead);
    }
}
