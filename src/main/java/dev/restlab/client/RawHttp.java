package dev.restlab.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request exactly as typed over a plain socket, for the composer: java.net.http would
 * refuse or rewrite headers such as Host, Content-Length and Connection, and the point of the
 * composer is to see what the server does with what you wrote.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Builds the bytes of a request from its parts. Adds Host, Content-Length, User-Agent, the
     * window's {@link WindowTag} and {@code Connection: close} only when the typed headers lack them.
     */
    public static String compose(String method, String target, String headers, String body, String hostPort) {
        StringBuilder request = new StringBuilder();
        request.append(method.strip()).append(' ').append(target.strip()).append(" HTTP/1.1\r\n");
        String lowerHeaders = ("\n" + headers.toLowerCase(Locale.ROOT));
        if (!lowerHeaders.contains("\nhost:")) {
            request.append("Host: ").append(hostPort).append("\r\n");
        }
        if (!lowerHeaders.contains("\nuser-agent:")) {
            request.append("User-Agent: ").append(UserApiClient.COMPOSER_USER_AGENT).append("\r\n");
        }
        if (!lowerHeaders.contains("\n" + WindowTag.HEADER.toLowerCase(Locale.ROOT) + ":")) {
            request.append(WindowTag.HEADER).append(": ").append(WindowTag.value(WindowTag.Kind.USER)).append("\r\n");
        }
        for (String line : headers.split("\\R")) {
            if (!line.isBlank()) {
                request.append(line.strip()).append("\r\n");
            }
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        if (!lowerHeaders.contains("\ncontent-length:") && !lowerHeaders.contains("\ntransfer-encoding:")
                && (bodyBytes.length > 0 || method.strip().matches("(?i)POST|PUT|PATCH"))) {
            request.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        if (!lowerHeaders.contains("\nconnection:")) {
            request.append("Connection: close\r\n");
        }
        return request.append("\r\n").append(body).toString();
    }

    /** Writes the request and returns all the server sends until it closes, or until 5 s pass. */
    public static String exchange(String host, int port, String request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException keptOpen) {
                // The server kept the connection open (the request asked it to): show what came.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
