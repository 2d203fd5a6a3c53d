package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every framing edge case we know of, each on its own connection to a real Jetty 9.4 server with
 * the capture's connector: what the capture recorded must be exactly what Jetty handed to the
 * handler (method, target, body size, in order), and one exchange per answer the client got.
 * A body that the capture cut differently from Jetty shows up here as a request one side saw
 * and the other did not.
 */
class FramingFuzzTest {

    private final TrafficLog traffic = new TrafficLog();
    /** What the handler saw, per client port, in order: "METHOD target #bodySize". */
    private final Map<Integer, List<String>> handled = new ConcurrentHashMap<>();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server(new QueuedThreadPool(16, 2));
        ServerConnector connector = WireCapture.connector(server,
                new HttpConnectionFactory(new HttpConfiguration()), traffic);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(10_000);
        server.addConnector(connector);
        server.setHandler(new RecordingHandler());
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** Notes each request it is given, reads its body (unless the target says not to) and answers. */
    private final class RecordingHandler extends AbstractHandler {
        @Override
        public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            base.setHandled(true);
            String size = "unread";
            if (!target.endsWith("/noread")) {
                try {
                    size = String.valueOf(request.getInputStream().readAllBytes().length);
                } catch (IOException broken) {
                    size = "broken";
                }
            }
            handled.computeIfAbsent(request.getRemotePort(), p -> Collections.synchronizedList(new ArrayList<>()))
                    .add(request.getMethod() + " " + base.getOriginalURI() + " #" + size);
            if (size.equals("broken")) {
                response.setStatus(400);
                return;
            }
            response.setStatus("HEAD".equals(request.getMethod()) ? 204 : 200);
            if (!"HEAD".equals(request.getMethod())) {
                response.setContentLength(2);
                response.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** One case: a name and the bytes the client sends before it half-closes. */
    private record Case(String name, String bytes) {
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** Requests that only a capture framing differently from Jetty would see as requests. */
    private static String smuggled(String base) {
        return "GET " + base + "/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    private static String after(String base) {
        return "GET " + base + "/after HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    /** A POST with these header lines and this body, and then a plain GET on the same connection. */
    private static String post(String base, String headerLines, String body) {
        return "POST " + base + "/edge HTTP/1.1\r\nHost: x\r\n" + headerLines + "\r\n" + body + after(base);
    }

    private static List<Case> cases() {
        Map<String, java.util.function.Function<String, String>> all = new LinkedHashMap<>();
        // Transfer-Encoding: one line, several lines, lists, spellings.
        for (String te : new String[] {"chunked", "Chunked", "CHUNKED", "gzip, chunked", "gzip,chunked",
            "chunked, gzip", "gzip", "chunked, chunked", "identity", "\"chunked\"", " chunked \t", ",chunked",
            "chunked;q=1", "", "gzip, chunked, chunked", "x-custom, chunked"}) {
            all.put("TE [" + te + "]", b -> post(b, "Transfer-Encoding: " + te + "\r\n",
                    chunk(smuggled(b)) + "0\r\n\r\n"));
        }
        String[][] teLines = {{"gzip", "chunked"}, {"chunked", "gzip"}, {"chunked", "chunked"},
            {"chunked", ""}, {"", "chunked"}, {"identity", "chunked"}, {"gzip, deflate", "chunked"}};
        for (String[] lines : teLines) {
            all.put("TE lines " + String.join(" / ", lines), b -> post(b, "Transfer-Encoding: " + lines[0]
                    + "\r\nTransfer-Encoding: " + lines[1] + "\r\n", chunk(smuggled(b)) + "0\r\n\r\n"));
        }
        all.put("TE with space before colon", b -> post(b, "Transfer-Encoding : chunked\r\n",
                chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("TE-like unknown header", b -> post(b, "Transfer_Encoding: chunked\r\n", smuggled(b)));
        all.put("TE folded", b -> post(b, "Transfer-Encoding: gzip,\r\n chunked\r\n", chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("TE after a folded line", b -> post(b, "X-A: 1\r\n\tTransfer-Encoding: chunked\r\n", smuggled(b)));
        all.put("TE then CL", b -> post(b, "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
                chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("CL then TE", b -> post(b, "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                chunk(smuggled(b)) + "0\r\n\r\n"));
        // Content-Length: duplicates, lists, signs, whitespace, overflow.
        for (String cl : new String[] {"%d", " %d ", "\t%d", "0%d", "00000%d", "%d, %d", "%d,%d", "+%d", "-1",
            "0x10", "", "99999999999999999999", "%d %d", "1_0"}) {
            all.put("CL [" + cl + "]", b -> {
                int length = smuggled(b).length();
                return post(b, "Content-Length: " + cl.replace("%d", String.valueOf(length)) + "\r\n", smuggled(b));
            });
        }
        all.put("CL twice, same", b -> post(b, "Content-Length: " + smuggled(b).length() + "\r\nContent-Length: "
                + smuggled(b).length() + "\r\n", smuggled(b)));
        all.put("CL twice, different", b -> post(b, "Content-Length: " + smuggled(b).length()
                + "\r\nContent-Length: 3\r\n", smuggled(b)));
        all.put("CL shorter than the body", b -> post(b, "Content-Length: 10\r\n", "0123456789" + smuggled(b)));
        all.put("CL longer than what is sent", b -> "POST " + b + "/edge HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 500\r\n\r\n" + smuggled(b));
        // Chunk sizes and the lines around chunks.
        String[] sizeLines = {"%X", "%x", "000%x", "%x;name=value", "%x;n=\"a;b\"", "%x ;x", "%x\t", "%x ",
            "%xg", "%x;" + "e".repeat(2000), "g", "-%x", "+%x", "fffffffffff", " %x", "%x\r\r"};
        for (String sizeLine : sizeLines) {
            all.put("chunk size [" + sizeLine.substring(0, Math.min(20, sizeLine.length())) + "]", b -> {
                String data = smuggled(b);
                String size = sizeLine.replace("%X", Integer.toHexString(data.length()).toUpperCase(Locale.ROOT))
                        .replace("%x", Integer.toHexString(data.length()));
                return post(b, "Transfer-Encoding: chunked\r\n", size + "\r\n" + data + "\r\n0\r\n\r\n");
            });
        }
        all.put("empty lines between chunks", b -> post(b, "Transfer-Encoding: chunked\r\n",
                chunk("ab") + "\r\n\r\n" + chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("no line end after chunk data", b -> post(b, "Transfer-Encoding: chunked\r\n",
                "3\r\nabc" + chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("chunk data longer than its size", b -> post(b, "Transfer-Encoding: chunked\r\n",
                "3\r\n" + smuggled(b) + "\r\n0\r\n\r\n"));
        all.put("bare LF in chunks", b -> post(b, "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(smuggled(b).length()) + "\n" + smuggled(b) + "\n0\n\n"));
        all.put("trailers", b -> post(b, "Transfer-Encoding: chunked\r\n", chunk(smuggled(b)) + "0\r\nX-T: 1\r\nX-U: 2\r\n\r\n"));
        all.put("trailers with bare LF", b -> post(b, "Transfer-Encoding: chunked\r\n", chunk(smuggled(b)) + "0\nX-T: 1\n\n"));
        all.put("a request where the last chunk's line end should be", b -> post(b, "Transfer-Encoding: chunked\r\n",
                chunk("abc") + "0\r\n" + smuggled(b)));
        all.put("trailers over 8 KiB", b -> post(b, "Transfer-Encoding: chunked\r\n",
                chunk("abc") + "0\r\nX-T: " + "t".repeat(9000) + "\r\n\r\n"));
        all.put("many small chunks", b -> post(b, "Transfer-Encoding: chunked\r\n",
                String.join("", Collections.nCopies(300, chunk("x"))) + "0\r\n\r\n"));
        // Heads.
        all.put("bare LF head", b -> "GET " + b + "/edge HTTP/1.1\nHost: x\n\n" + after(b));
        all.put("obs-fold", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n" + after(b));
        all.put("empty lines before a request", b -> "\r\n\r\n\n" + "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("a lone CR before a request", b -> "\r" + "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("header without colon", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n" + after(b));
        all.put("space in a header name", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nX A: 1\r\n\r\n" + after(b));
        all.put("NUL in a header value", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n" + after(b));
        all.put("Latin-1 in a header value", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nX-A: \u00e9\r\n\r\n" + after(b));
        all.put("no Host", b -> "GET " + b + "/edge HTTP/1.1\r\n\r\n" + after(b));
        all.put("two Host lines", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n" + after(b));
        all.put("HTTP/1.0, then more", b -> "GET " + b + "/edge HTTP/1.0\r\n\r\n" + after(b));
        all.put("HTTP/1.0 keep-alive, then more", b -> "GET " + b + "/edge HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                + "GET " + b + "/second HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + after(b));
        all.put("Connection: close, then more", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + after(b));
        all.put("Expect: 100-continue", b -> post(b, "Expect: 100-continue\r\nContent-Length: 4\r\n", "abcd"));
        all.put("Expect: 100-continue, body unread", b -> "POST " + b + "/noread HTTP/1.1\r\nHost: x\r\n"
                + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\nabcd" + after(b));
        all.put("Expect: unknown", b -> post(b, "Expect: tea\r\nContent-Length: 4\r\n", "abcd"));
        all.put("HTTP/0.9", b -> "GET " + b + "/edge\r\n" + after(b));
        all.put("HTTP/2.0 in clear", b -> "GET " + b + "/edge HTTP/2.0\r\nHost: x\r\n\r\n" + after(b));
        all.put("HTTP/1.2", b -> "GET " + b + "/edge HTTP/1.2\r\nHost: x\r\n\r\n" + after(b));
        all.put("absolute-form target", b -> "GET http://x" + b + "/edge?q=1 HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("lower-case method", b -> "get " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("unknown method", b -> "BREW " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("HEAD, then more", b -> "HEAD " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("OPTIONS *", b -> "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("two spaces in the request line", b -> "GET  " + b + "/edge  HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("a tab in the request line", b -> "GET\t" + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("headers over 8 KiB", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "b".repeat(9000) + "\r\n\r\n" + after(b));
        all.put("a target over 8 KiB", b -> "GET " + b + "/edge?" + "q".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n" + after(b));
        all.put("8 KiB of empty lines first", b -> "\r\n".repeat(4200) + "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n\r\n");
        all.put("garbage", b -> "\u0016\u0003\u0001\u0002garbage\r\n\r\n" + after(b));
        all.put("a body the route does not read", b -> "POST " + b + "/noread HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: " + smuggled(b).length() + "\r\n\r\n" + smuggled(b) + after(b));
        all.put("a chunked body the route does not read", b -> "POST " + b + "/noread HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(smuggled(b)) + "0\r\n\r\n" + after(b));
        all.put("a GET with a body", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + smuggled(b).length() + "\r\n\r\n" + smuggled(b) + after(b));
        all.put("20 pipelined", b -> String.join("", Collections.nCopies(20, after(b))));
        all.put("1,200 pipelined: more than Jetty reads at once", b -> {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 1_200; i++) {
                many.append("GET ").append(b).append('/').append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            return many.toString();
        });

        List<Case> cases = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, java.util.function.Function<String, String>> entry : all.entrySet()) {
            cases.add(new Case(entry.getKey(), entry.getValue().apply("/c" + i++)));
        }
        return cases;
    }

    /** Sends one case, half-closes, and counts the final answers until the server closes. */
    private int send(Case c, Map<Integer, Case> byPort) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            byPort.put(socket.getLocalPort(), c);
            socket.getOutputStream().write(c.bytes().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return countAnswers(socket.getInputStream());
        }
    }

    /** Final responses in the stream (interim 1xx ones are part of the next). */
    private static int countAnswers(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (java.net.SocketException reset) {
            throw new AssertionError("connection reset: a case must end in an orderly close", reset);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int answers = 0;
        int at = 0;
        while (at < text.length()) {
            int headEnd = text.indexOf("\r\n\r\n", at);
            assertTrue(headEnd > 0, "an answer without a complete head: " + text.substring(at));
            String head = text.substring(at, headEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            at = headEnd + 4 + (status < 200 || status == 204 ? 0 : length);
            if (status >= 200) {
                answers++;
            }
        }
        return answers;
    }

    @Test
    void the_capture_records_exactly_the_requests_jetty_handled_for_every_framing_edge_case() throws Exception {
        List<Case> cases = cases();
        Map<Integer, Case> byPort = new LinkedHashMap<>();
        Map<Integer, Integer> answersByPort = new LinkedHashMap<>();
        int answers = 0;
        for (Case c : cases) {
            int got = send(c, byPort);
            answersByPort.put(new ArrayList<>(byPort.keySet()).get(byPort.size() - 1), got);
            answers += got;
        }
        int expected = answers;
        Await.until(expected + " exchanges, one per answer; have " + traffic.snapshot().size(),
                () -> traffic.snapshot().size() >= expected);
        server.stop(); // every connection is closed: nothing more can be recorded

        List<Exchange> recorded = traffic.snapshot();
        assertEquals(expected, recorded.size(), "one exchange per answer the clients got");
        List<String> mismatches = new ArrayList<>();
        int handledTotal = 0;
        for (Map.Entry<Integer, Case> entry : byPort.entrySet()) {
            int clientPort = entry.getKey();
            List<String> jetty = handled.getOrDefault(clientPort, List.of());
            handledTotal += jetty.size();
            List<Exchange> mine = recorded.stream().filter(e -> e.connection().clientPort() == clientPort).toList();
            List<String> captured = new ArrayList<>();
            for (Exchange e : mine) {
                if (!e.rejected()) {
                    captured.add(e.method() + " " + e.target() + " #" + e.request().body().size());
                }
            }
            // The handler knows a body's size only when it read all of it.
            for (int i = 0; i < Math.min(jetty.size(), captured.size()); i++) {
                if (!jetty.get(i).matches(".* #\\d+")) {
                    String size = jetty.get(i).substring(jetty.get(i).lastIndexOf('#'));
                    captured.set(i, captured.get(i).substring(0, captured.get(i).lastIndexOf('#')) + size);
                }
            }
            if (!captured.equals(jetty) || mine.size() != answersByPort.get(clientPort)) {
                int first = 0;
                while (first < Math.min(jetty.size(), captured.size()) && jetty.get(first).equals(captured.get(first))) {
                    first++;
                }
                mismatches.add(entry.getValue().name() + ": Jetty handled " + jetty.size() + ", the capture recorded "
                        + captured.size() + " and " + (mine.size() - captured.size()) + " rejected, for "
                        + answersByPort.get(clientPort) + " answers; from #" + first + " Jetty "
                        + jetty.subList(first, Math.min(jetty.size(), first + 3)) + ", capture "
                        + captured.subList(first, Math.min(captured.size(), first + 3)));
            }
        }
        assertEquals(List.of(), mismatches, "of " + cases.size() + " cases");
        assertTrue(handledTotal > 1_200, "the cases reach the handler: " + handledTotal);
        assertEquals(0, traffic.heldBytes());
    }
}
