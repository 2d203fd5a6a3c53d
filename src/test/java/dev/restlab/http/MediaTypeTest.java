package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void essence_drops_parameters_and_case() {
        assertEquals("application/json", MediaType.essence("Application/JSON ; charset=utf-8"));
        assertEquals("text/plain", MediaType.essence("text/plain"));
        assertEquals("", MediaType.essence(null));
        assertEquals("", MediaType.essence(""));
    }

    @Test
    void json_is_what_flask_calls_json() {
        assertTrue(MediaType.isJson("application/json"));
        assertTrue(MediaType.isJson("application/json; charset=utf-8"));
        assertTrue(MediaType.isJson("APPLICATION/JSON"));
        assertTrue(MediaType.isJson("application/merge-patch+json"));
        assertFalse(MediaType.isJson("text/json"));
        assertFalse(MediaType.isJson("application/jsonx"));
        assertFalse(MediaType.isJson("text/plain"));
        assertFalse(MediaType.isJson("application/x-www-form-urlencoded"));
        assertFalse(MediaType.isJson(""));
        assertFalse(MediaType.isJson(null));
    }
}
