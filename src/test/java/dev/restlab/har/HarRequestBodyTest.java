package dev.restlab.har;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.restlab.testing.NewFileMode;
import dev.restlab.wire.Body;
import dev.restlab.wire.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies as browsers write them: a consumer that replays {@code postData.text} (as
 * httpsnippet, har-to-k6 and DevTools do: the text encoded as UTF-8, nothing else read) sends the
 * bytes that were sent whenever HAR can carry them, and never a base64 text in their place.
 */
class HarRequestBodyTest {

    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
        'I', 'H', 'D', 'R', (byte) 0xff, 0};
    /** "Jörg" in Latin-1: JSON that is not valid UTF-8. */
    private static final byte[] LATIN1_JSON = "{\"name\":\"J\u00f6rg\"}".getBytes(StandardCharsets.ISO_8859_1);

    private static Exchange post(String contentType, byte[] body) {
        return Exchange.builder().id(1).request("POST", "/people/v1/users")
                .requestHeader("Host", "127.0.0.1:5001").requestHeader("Content-Type", contentType)
                .requestHeader("Content-Length", Integer.toString(body.length))
                .requestBody(Body.of(body)).status(415, "Unsupported Media Type").build();
    }

    private static JsonObject postData(Exchange e) throws IOException {
        JsonObject har = JsonParser.parseString(new String(new HarExport("127.0.0.1", 5001).json(List.of(e)),
                StandardCharsets.UTF_8)).getAsJsonObject();
        return har.getAsJsonObject("log").getAsJsonArray("entries").get(0).getAsJsonObject()
                .getAsJsonObject("request").getAsJsonObject("postData");
    }

    /** What a replaying consumer sends: postData.text as UTF-8. */
    private static byte[] replayed(JsonObject postData) {
        return postData.get("text").getAsString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_text_body_replays_as_the_bytes_that_were_sent() throws IOException {
        byte[] sent = "{\"name\": \"J\u00f6rg\", \"email\": \"j@example.com\"}".getBytes(StandardCharsets.UTF_8);

        JsonObject postData = postData(post("application/json", sent));

        assertArrayEquals(sent, replayed(postData));
        assertEquals("application/json", postData.get("mimeType").getAsString());
        assertFalse(postData.has("_base64"));
        assertFalse(postData.has("comment"));
    }

    @Test
    void binary_bytes_are_not_replayed_as_base64_text_and_the_entry_says_why() throws IOException {
        Exchange upload = post("image/png", PNG_START);

        JsonObject postData = postData(upload);

        assertEquals("", postData.get("text").getAsString(), "a replaying tool sends nothing rather than 24 wrong bytes");
        assertEquals("image/png", postData.get("mimeType").getAsString(), "the request's own type");
        assertArrayEquals(PNG_START, Base64.getDecoder().decode(postData.get("_base64").getAsString()));
        assertTrue(postData.get("comment").getAsString().startsWith("These 18 bytes are not UTF-8 text"),
                postData.get("comment").getAsString());
        assertFalse(postData.has("_encoding"));
    }

    @Test
    void json_that_is_not_utf8_keeps_its_type_and_its_exact_bytes() throws IOException {
        JsonObject postData = postData(post("application/json", LATIN1_JSON));

        assertEquals("application/json", postData.get("mimeType").getAsString());
        assertEquals("", postData.get("text").getAsString());
        assertArrayEquals(LATIN1_JSON, Base64.getDecoder().decode(postData.get("_base64").getAsString()));
    }

    @Test
    void restlab_reads_the_exact_bytes_back_and_the_file_is_shareable(@TempDir Path dir) throws IOException {
        List<Exchange> session = List.of(post("image/png", PNG_START));
        Path file = dir.resolve("upload.har");

        new HarExport("127.0.0.1", 5001).write(session, file);

        assertArrayEquals(PNG_START, HarImport.read(file).get(0).request().body().stored());
        Har12.assertValid(Files.readAllBytes(file));
        assertEquals(NewFileMode.expected(), Files.getPosixFilePermissions(file));
    }

    @Test
    void files_restlab_wrote_before_with_base64_in_text_still_read_as_the_bytes() throws IOException {
        String older = "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"RestLab\",\"version\":\"0.9\"},\"entries\":[{"
                + "\"startedDateTime\":\"2026-11-26T10:00:00Z\",\"request\":{\"method\":\"POST\",\"url\":"
                + "\"http://127.0.0.1:5001/people/v1/users\",\"postData\":{\"mimeType\":\"image/png\",\"text\":\""
                + Base64.getEncoder().encodeToString(PNG_START) + "\",\"_encoding\":\"base64\"}},\"response\":{\"status\":415}}]}}";

        assertArrayEquals(PNG_START, HarImport.read(older.getBytes(StandardCharsets.UTF_8)).get(0).request().body().stored());
    }
}
