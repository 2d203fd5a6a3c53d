package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.testing.TestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The handout's listings, kept as printed with their port 5001, run on the port a test picked:
 * each answers as its own text says, so the check's tests grade the real programs.
 */
class HandoutListingsRunTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"in3.py, 404", "in4.py, 201", "in5.py, 201", "in6.py, 201", "in7.py, 201"})
    void each_listing_listens_on_the_given_port_and_answers_its_own_post(String file, int postStatus)
            throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing(file)) {
            TestClient client = new TestClient(flask.port());
            assertEquals("<h1>The server is up and running!</h1>\n", client.get("/").body());
            HttpResponse<String> post = client.postJson("/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}");
            assertEquals(postStatus, post.statusCode(), post.body());
        }
    }

    @Test
    void in7_gives_an_id_that_get_and_delete_then_use() throws Exception {
        try (HandoutFlaskServer flask = HandoutFlaskServer.listing("in7.py")) {
            TestClient client = new TestClient(flask.port());
            String created = client.postJson("/people/v1/users", "{\"name\": \"John\", \"email\": \"john@example.com\"}").body();
            assertTrue(created.startsWith("User created successfully! ID: "), created);
            String id = created.substring("User created successfully! ID: ".length(), created.indexOf(','));
            assertEquals(200, client.get("/people/v1/users/" + id).statusCode());
            assertEquals(204, client.delete("/people/v1/users/" + id).statusCode());
            assertEquals(404, client.get("/people/v1/users/" + id).statusCode());
            assertTrue(flask.output().contains("\"DELETE /people/v1/users/" + id + " HTTP/1.1\" 204"), flask.output());
        }
    }
}
