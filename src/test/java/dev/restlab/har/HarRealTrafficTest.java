package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.http.Api;
import dev.restlab.testing.ServerExtension;
import dev.restlab.wire.Exchange;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handout's POST, GET, DELETE and GET again, captured by a real server, exported and read back. */
class HarRealTrafficTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    @Test
    void the_handouts_session_exports_as_valid_har_and_reads_back_the_same() throws Exception {
        HttpResponse<String> created = server.client().postJson(Api.USERS,
                "{\"name\": \"John\", \"email\": \"john@example.com\"}");
        assertEquals(201, created.statusCode());
        String user = created.headers().firstValue("Location").orElseThrow();
        assertEquals(200, server.client().get(user).statusCode());
        assertEquals(204, server.client().delete(user).statusCode());
        assertEquals(404, server.client().get(user).statusCode());
        List<Exchange> session = server.awaitExchanges(4);

        byte[] json = new HarExport(Api.LOOPBACK, server.port()).json(session);

        Har12.assertValid(json);
        JsonArray entries = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries");
        assertEquals(List.of("POST 201", "GET 200", "DELETE 204", "GET 404"), entries.asList().stream()
                .map(e -> e.getAsJsonObject().getAsJsonObject("request").get("method").getAsString() + " "
                        + e.getAsJsonObject().getAsJsonObject("response").get("status").getAsInt())
                .toList());
        JsonObject post = entries.get(0).getAsJsonObject();
        assertEquals("http://127.0.0.1:" + server.port() + Api.USERS,
                post.getAsJsonObject("request").get("url").getAsString());
        assertEquals("{\"name\": \"John\", \"email\": \"john@example.com\"}",
                post.getAsJsonObject("request").getAsJsonObject("postData").get("text").getAsString());
        JsonObject answer = post.getAsJsonObject("response");
        assertEquals(created.body(), answer.getAsJsonObject("content").get("text").getAsString());
        assertEquals(user, answer.get("redirectURL").getAsString(), "redirectURL is the Location");
        for (int i = 0; i < session.size(); i++) {
            Exchange exchange = session.get(i);
            JsonObject entry = entries.get(i).getAsJsonObject();
            assertEquals(Long.toString(exchange.connection().id()), entry.get("_connectionId").getAsString());
            assertEquals(Integer.toString(exchange.connection().clientPort()), entry.get("connection").getAsString());
            long connect = entry.getAsJsonObject("timings").get("connect").getAsLong();
            assertTrue(exchange.index() == 1 ? connect >= 0 : connect == -1,
                    "connect only on a connection's first exchange: " + entry.get("timings"));
            JsonObject response = entry.getAsJsonObject("response");
            assertEquals(exchange.response().wireBytes(),
                    response.get("headersSize").getAsLong() + response.get("bodySize").getAsLong(),
                    "headersSize + bodySize are the bytes the capture counted");
        }
        SameExchanges.assertSame(session, HarImport.read(json));
    }
}
