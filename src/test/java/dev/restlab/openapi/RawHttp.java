package dev.restlab.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one request exactly as written on a fresh loopback socket and reads the answer, so that
 * every method (HEAD, OPTIONS), a broken query or an oversized declared length can be tried.
 */
final class RawHttp {

    /** A request as it goes on the wire; {@code declaredLength} overrides Content-Length. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, Long declaredLength) {

        static Request of(String method, String target) {
            return new Request(method, target, Map.of(), new byte[0], null);
        }

        static Request json(String method, String target, String json) {
            return new Request(method, target, Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8), null);
        }

        Request withMethod(String other) {
            return new Request(other, target, headers, body, declaredLength);
        }

        @Override
        public String toString() {
            return method + " " + target + (body.length > 0 ? " (" + body.length + " bytes)" : "");
        }
    }

    /** A response as it came, header names lower-cased. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Response send(Request request) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        long length = request.declaredLength() != null ? request.declaredLength() : request.body().length;
        if (length > 0 || request.method().equals("POST")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(request.body());
            out.flush();
            if (request.declaredLength() != null && request.declaredLength() > request.body().length) {
                socket.shutdownOutput(); // the body stops short: the server sees its end at once
            }
            return parse(readAll(socket.getInputStream()), request.method().equals("HEAD"));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // The server may reset after answering a body it refused to read; keep what came.
        }
        return answer.toByteArray();
    }

    private static Response parse(byte[] raw, boolean head) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IllegalStateException("no complete response head in " + raw.length + " bytes");
        }
        List<String> lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).lines().toList();
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        // After a HEAD answer nothing may follow, so whatever did is its (wrong) body.
        if (!head && headers.containsKey("content-length")) {
            body = Arrays.copyOf(body, Integer.parseInt(headers.get("content-length")));
        }
        return new Response(status, headers, body);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
