package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.RawConnection;
import dev.restlab.wire.HttpFraming;
import dev.restlab.testing.RawResponse;
import dev.restlab.testing.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Jetty 9.4 skips chunk extensions of any length; RestLab refuses a request with over 8 KiB of them. */
class ChunkExtensionLimitTest {

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private static final String JSON = "{\"name\": \"Ann\", \"email\": \"ann@example.com\"}";

    private static String post(String chunks) {
        return "POST /people/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n";
    }

    private static String chunk(String data, String extension) {
        return Integer.toHexString(data.length()) + extension + "\r\n" + data + "\r\n";
    }

    @Test
    void extensions_of_8_KiB_in_all_are_read_as_before() throws Exception {
        String extension = ";" + "e".repeat(HttpFraming.RULES.chunkExtensionBytes() - 1);
        RawResponse answer = server.exchange(post(chunk(JSON, extension)));
        assertEquals(201, answer.status(), answer.toString());
        assertEquals(1, server.store().size());
    }

    @Test
    void one_byte_more_is_400_and_the_connection_closes() throws Exception {
        String extension = ";" + "e".repeat(HttpFraming.RULES.chunkExtensionBytes());
        try (RawConnection client = server.connect()) {
            client.send(post(chunk(JSON, extension)) + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawResponse answer = client.readResponse();
            assertEquals(400, answer.status(), answer.toString());
            assertTrue(client.closedByServer(), "the request after it is not read");
        }
        assertEquals(0, server.store().size());
    }

    @Test
    void small_extensions_on_many_chunks_count_together() throws Exception {
        StringBuilder chunks = new StringBuilder();
        for (char c : JSON.toCharArray()) {
            chunks.append(chunk(String.valueOf(c), ";" + "x".repeat(300)));
        }
        RawResponse answer = server.exchange(post(chunks.toString()));
        assertEquals(400, answer.status(), answer.toString());
        assertEquals(0, server.store().size());
    }

    @Test
    void a_1_MiB_extension_is_refused_like_any_other_over_the_limit() throws Exception {
        String extension = ";" + "e".repeat(1024 * 1024);
        try (RawConnection client = server.connect()) {
            client.send(post(chunk(JSON, extension)));
            assertEquals(400, client.readResponse().status());
        }
        assertEquals(0, server.store().size());
    }
}
