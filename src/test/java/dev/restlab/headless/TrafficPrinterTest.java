package dev.restlab.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.server.ApiServer;
import dev.restlab.users.InMemoryUserStore;
import dev.restlab.wire.Body;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.ExchangeBuilder;
import dev.restlab.wire.TrafficLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What --trace adds per exchange: the OpenAPI operation it matched and whether it conforms. */
class TrafficPrinterTest {

    private static Exchange exchange(String method, String target, int status, String type, byte[] body,
            long bodySize, boolean rejected) {
        ExchangeBuilder exchange = Exchange.builder().id(1).request(method, target)
                .requestHeader("Host", "127.0.0.1").status(status, "X")
                .responseBody(new Body(body, bodySize)).rejected(rejected);
        if (type != null) {
            exchange.responseHeader("Content-Type", type);
        }
        return exchange.build();
    }

    @Test
    void a_trace_names_the_operation_and_says_whether_the_answer_conforms() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CountDownLatch bothPrinted = new CountDownLatch(1);
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8) {
            @Override
            public void flush() { // the printer flushes once per batch
                super.flush();
                if (printed.toString(StandardCharsets.UTF_8).contains("/nope: 404 as documented")) {
                    bothPrinted.countDown();
                }
            }
        };
        TrafficLog traffic = new TrafficLog();
        ApiServer server = new ApiServer(new InMemoryUserStore(), traffic);
        int port = server.start("127.0.0.1", 0);
        try (AutoCloseable subscription = traffic.subscribe(new TrafficPrinter(out, true))) {
            HttpClient client = HttpClient.newHttpClient();
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/people/v1/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"John\", \"email\": \"john@example.com\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nope")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertTrue(bothPrinted.await(10, TimeUnit.SECONDS), printed.toString(StandardCharsets.UTF_8));
        } finally {
            server.stop();
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\n* OpenAPI: createUser: conforms\n"), text);
        assertTrue(text.contains("\n* OpenAPI: no operation: conforms (nothing is served at /nope: 404 as documented)\n"), text);
    }

    @Test
    void a_non_conforming_answer_is_named_with_its_reason() {
        String line = TrafficPrinter.openApiLine(exchange("GET", "/", 500, "text/plain", "boom".getBytes(), 4, false));
        assertEquals("* OpenAPI: welcome: does not conform: status 500 is not documented (documented: 200, 421)", line);
    }

    @Test
    void a_body_cut_in_the_log_is_not_judged_and_jettys_own_rejections_are_not_the_api() {
        assertEquals("* OpenAPI: openApiJson: conforms (body not checked: only the first 3 of 90000 bytes were kept)",
                TrafficPrinter.openApiLine(exchange("GET", "/openapi.json", 200, "application/json",
                        "{\"o".getBytes(), 90_000, false)));
        assertEquals("* OpenAPI: no operation: Jetty answered 400 by itself, before any route (not part of the API)",
                TrafficPrinter.openApiLine(exchange("", "", 400, "text/html", new byte[0], 0, true)));
    }

    @Test
    void an_exchange_with_no_answer_is_not_judged_and_a_cut_answer_only_by_its_status() {
        Exchange reset = Exchange.builder().request("DELETE", "/people/v1/users/abc")
                .ending(dev.restlab.wire.Ending.RESET_BY_SERVER).faultRule("reset on DELETE").build();
        assertEquals("* OpenAPI: deleteUser: no answer to judge", TrafficPrinter.openApiLine(reset));
        assertEquals("  <- no answer: connection reset by the server before any answer; fault on purpose: reset on DELETE",
                TrafficPrinter.accessNote(reset));
        Exchange cut = Exchange.builder().request("GET", "/test/").status(200, "OK")
                .responseHeader("Content-Type", "text/html;charset=utf-8").responseBody("<h1>This is the \"t")
                .ending(dev.restlab.wire.Ending.CLOSED_MID_BODY).build();
        assertEquals("* OpenAPI: testFolder: conforms (body not checked: the answer was cut short)",
                TrafficPrinter.openApiLine(cut));
        assertEquals("  <- answer cut short: the server closed the connection in the middle of the answer's body",
                TrafficPrinter.accessNote(cut));
    }
}
