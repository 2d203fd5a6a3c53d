package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.SlowPeerLimits;
import dev.restlab.http.TargetUrl;
import dev.restlab.proxy.HostRule;
import dev.restlab.proxy.ProxyServer;
import dev.restlab.proxy.ProxySettings;
import dev.restlab.testing.Await;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.HttpFraming;
import dev.restlab.wire.TrafficLog;
import dev.restlab.wire.WireCapture;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every framing edge case we know of, each on its own connection, through three readers of HTTP
 * that must agree: a real Jetty 9.4 server with RestLab's connection factory (its framing rules
 * and its one-Host customizer), the capture on that server's connector, and proxy mode relaying
 * to that same server. Per case: what the capture recorded is exactly what Jetty handed to the
 * handler (method, target, body size, in order), one exchange per answer the client got; and
 * through the proxy, the handler is handed the same requests, the client gets the same statuses
 * (RestLab's own refusals included) and the proxy's capture records the same exchanges. A body
 * that one of them cut differently shows up here as a request one side saw and another did not.
 */
class FramingAgreementTest {

    private final TrafficLog traffic = new TrafficLog();
    private final TrafficLog relayed = new TrafficLog();
    /** What the handler saw, per connection (the client's port), in order: "METHOD target #bodySize". */
    /**
     * The requests the handler was given, by the connection they came on: keyed by the connection
     * itself, not its client port, which the relay may use again for a later case once the first
     * connection closed.
     */
    private final Map<Object, List<String>> handled = new ConcurrentHashMap<>();
    private Server server;
    private ProxyServer proxy;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server(new QueuedThreadPool(16, 2));
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SingleHostHeader());
        ServerConnector connector = WireCapture.connector(server, HttpFraming.connectionFactory(config), traffic);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(10_000);
        server.addConnector(connector);
        server.setHandler(new RecordingHandler());
        server.start();
        port = connector.getLocalPort();
        proxy = new ProxyServer(new ProxySettings(new TargetUrl("127.0.0.1", port), relayed, Duration.ofSeconds(10),
                Duration.ofSeconds(10), HostRule.ANY, 64, SlowPeerLimits.DEFAULT));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.stop();
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
            handled.computeIfAbsent(base.getHttpChannel().getEndPoint(), p -> Collections.synchronizedList(new ArrayList<>()))
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
        // RestLab's own framing rules, beyond Jetty's.
        all.put("chunk extensions over 8 KiB in one", b -> post(b, "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(smuggled(b).length()) + ";" + "e".repeat(9000) + "\r\n" + smuggled(b) + "\r\n0\r\n\r\n"));
        all.put("chunk extensions over 8 KiB across chunks", b -> post(b, "Transfer-Encoding: chunked\r\n",
                String.join("", Collections.nCopies(40, "1;" + "x".repeat(250) + "\r\nx\r\n")) + chunk(smuggled(b)) + "0\r\n\r\n"));
        all.put("chunk extensions of 8 KiB exactly", b -> post(b, "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(smuggled(b).length()) + ";" + "e".repeat(8191) + "\r\n" + smuggled(b) + "\r\n0\r\n\r\n"));
        all.put("bare LF ending the request line only", b -> "GET " + b + "/edge HTTP/1.1\nHost: x\r\n\r\n" + after(b));
        all.put("bare LF ending the last header only", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\n\r\n" + after(b));
        all.put("bare LF ending the head only", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n\n" + after(b));
        all.put("bare LF after the chunk data", b -> post(b, "Transfer-Encoding: chunked\r\n",
                Integer.toHexString(smuggled(b).length()) + "\r\n" + smuggled(b) + "\n0\r\n\r\n"));
        all.put("bare LF ending the body", b -> post(b, "Transfer-Encoding: chunked\r\n", chunk(smuggled(b)) + "0\r\n\n"));
        all.put("a bare CR in a header", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\rX-A: 1\r\n\r\n" + after(b));
        all.put("HTTP/1.0 with a body, then more", b -> "POST " + b + "/edge HTTP/1.0\r\nContent-Length: "
                + smuggled(b).length() + "\r\n\r\n" + smuggled(b) + after(b));
        all.put("Connection: keep-alive, close, then more", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n"
                + "Connection: keep-alive, close\r\n\r\n" + after(b));
        all.put("Connection: close on a second line, then more", b -> "GET " + b + "/edge HTTP/1.1\r\nHost: x\r\n"
                + "Connection: keep-alive\r\nConnection: close\r\n\r\n" + after(b));
        all.put("Transfer-Encoding: chunked twice on one line", b -> post(b, "Transfer-Encoding: chunked, chunked\r\n",
                chunk(smuggled(b)) + "0\r\n\r\n"));
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

    /** What one run of all cases saw, by case name. */
    private record Run(Map<String, List<Integer>> statuses, Map<String, List<String>> handled,
            Map<String, List<Exchange>> recorded) {
    }

    private static final Pattern BASE = Pattern.compile("/c(\\d+)/");

    /** Sends every case to {@code toPort}, each on its own connection, and collects what each reader saw. */
    private Run run(List<Case> cases, int toPort, TrafficLog log) throws IOException {
        handled.clear();
        Map<Integer, String> caseByClientPort = new LinkedHashMap<>();
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        int answers = 0;
        for (Case c : cases) {
            try (Socket socket = new Socket("127.0.0.1", toPort)) {
                socket.setSoTimeout(20_000);
                caseByClientPort.put(socket.getLocalPort(), c.name());
                socket.getOutputStream().write(c.bytes().getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                List<Integer> got = finalStatuses(socket.getInputStream());
                statuses.put(c.name(), got);
                answers += got.size();
            }
        }
        int expected = answers;
        // A relay reads a client's pipelined requests faster than the target answers them: past the
        // capture's bound on requests waiting for answers, the later ones are counted, not kept.
        Await.until(expected + " exchanges, one per answer; have " + log.snapshot().size() + " and "
                + log.unrecorded() + " counted", () -> log.snapshot().size() + log.unrecorded() >= expected);
        Await.until("every connection to the server closed", () -> handledConnectionsSettled());
        // The client has read to the end before the relay's capture has closed: what the relay had
        // not recorded yet (the last pipelined exchanges) is recorded as its connection closes. The
        // count above can be met earlier, as it includes requests never answered.
        Await.until("every relayed connection closed", () -> proxy.openConnections() == 0);

        // The handler's connections are the clients' (direct) or the relay's (proxy mode): each
        // belongs to the case whose base path its requests carry.
        Map<String, List<String>> handledByCase = new LinkedHashMap<>();
        for (List<String> requests : handled.values()) {
            String name = null;
            for (String request : requests) {
                Matcher base = BASE.matcher(request);
                if (base.find()) {
                    name = cases.get(Integer.parseInt(base.group(1))).name();
                    break;
                }
            }
            assertTrue(name != null, "requests of no case: " + requests);
            assertTrue(handledByCase.put(name, List.copyOf(requests)) == null, "two connections for " + name);
        }
        Map<String, List<Exchange>> recorded = new LinkedHashMap<>();
        for (Exchange e : log.snapshot()) {
            String name = caseByClientPort.get(e.connection().clientPort());
            recorded.computeIfAbsent(name, n -> new ArrayList<>()).add(e);
        }
        return new Run(statuses, handledByCase, recorded);
    }

    private boolean handledConnectionsSettled() {
        return server.getConnectors()[0].getConnectedEndPoints().isEmpty();
    }

    /** The final answers' statuses in the stream, in order (interim 1xx ones belong to the next). */
    private static List<Integer> finalStatuses(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (java.net.SocketException reset) {
            throw new AssertionError("connection reset: a case must end in an orderly close", reset);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        List<Integer> statuses = new ArrayList<>();
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
                statuses.add(status);
            }
        }
        return statuses;
    }

    private static String summary(Exchange e) {
        return e.method() + " " + e.target() + " #" + e.request().body().size() + " -> " + e.status();
    }

    @Test
    void the_server_its_capture_and_proxy_mode_agree_on_every_message_boundary_and_refusal() throws Exception {
        List<Case> cases = cases();
        Run direct = run(cases, port, traffic);
        int proxyPort = proxy.start("127.0.0.1", 0);
        Run relayedRun = run(cases, proxyPort, relayed);

        List<String> mismatches = new ArrayList<>();
        int handledTotal = 0;
        int refusals = 0;
        for (Case c : cases) {
            String name = c.name();
            List<String> jetty = direct.handled().getOrDefault(name, List.of());
            handledTotal += jetty.size();
            List<Exchange> mine = direct.recorded().getOrDefault(name, List.of());
            List<String> captured = new ArrayList<>();
            for (Exchange e : mine) {
                // SingleHostHeader answers in a customizer, after Jetty's dispatch event and before any handler.
                boolean customizerAnswered = e.response().body().text().equals(SingleHostHeader.REASON);
                if (!e.rejected() && !customizerAnswered) {
                    captured.add(e.method() + " " + e.target() + " #" + e.request().body().size());
                } else {
                    refusals++;
                }
            }
            // The handler knows a body's size only when it read all of it.
            for (int i = 0; i < Math.min(jetty.size(), captured.size()); i++) {
                if (!jetty.get(i).matches(".* #\\d+")) {
                    String size = jetty.get(i).substring(jetty.get(i).lastIndexOf('#'));
                    captured.set(i, captured.get(i).substring(0, captured.get(i).lastIndexOf('#')) + size);
                }
            }
            List<Integer> answered = direct.statuses().get(name);
            if (!captured.equals(jetty) || mine.size() != answered.size()) {
                mismatches.add(name + ": Jetty handled " + jetty + ", the capture recorded " + captured + " and "
                        + (mine.size() - captured.size()) + " rejected, for answers " + answered);
            }
            List<String> viaProxy = relayedRun.handled().getOrDefault(name, List.of());
            if (!viaProxy.equals(jetty)) {
                mismatches.add(name + ": handled directly " + jetty + ", through the proxy " + viaProxy);
            }
            List<Integer> proxyAnswered = relayedRun.statuses().get(name);
            if (!proxyAnswered.equals(answered)) {
                mismatches.add(name + ": answered directly " + answered + ", through the proxy " + proxyAnswered);
            }
            List<String> serverSaw = mine.stream().map(FramingAgreementTest::summary).toList();
            List<String> proxySaw = relayedRun.recorded().getOrDefault(name, List.of()).stream()
                    .map(FramingAgreementTest::summary).toList();
            // (Both logs count the requests sent after one that closed its connection: never answered.)
            boolean counted = proxySaw.size() < serverSaw.size() && relayed.unrecorded() > traffic.unrecorded()
                    && proxySaw.equals(serverSaw.subList(0, proxySaw.size()));
            if (!proxySaw.equals(serverSaw) && !counted) {
                mismatches.add(name + ": the server's capture " + serverSaw + ", the proxy's " + proxySaw);
            }
        }
        assertEquals(List.of(), mismatches, "of " + cases.size() + " cases");
        assertTrue(handledTotal > 1_200, "the cases reach the handler: " + handledTotal);
        assertTrue(refusals >= 15, "the cases include refusals: " + refusals);
        assertEquals(0, traffic.heldBytes());
        assertEquals(0, relayed.heldBytes());
    }
}
