package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The names the handout's curl commands use, so they work against RestLab unchanged. */
class ApiTest {

    @Test
    void the_handouts_names() {
        assertEquals("/people/v1/users", Api.USERS);
        assertEquals(5001, Api.DEFAULT_PORT);
        assertEquals("http://127.0.0.1:5001", Api.loopbackUrl(Api.DEFAULT_PORT));
    }

    @Test
    void one_user_is_below_the_collection() {
        assertTrue(new PathTemplate(Api.USER).matches(Api.USERS + "/0b4e7a0e-1111-4222-8333-944455556666"));
    }
}
