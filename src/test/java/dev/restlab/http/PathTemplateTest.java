package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private final PathTemplate user = new PathTemplate("/people/v1/users/{id}");
    private final PathTemplate users = new PathTemplate("/people/v1/users");

    @Test
    void a_parameter_takes_one_non_empty_segment() {
        assertEquals(Optional.of(Map.of("id", "abc")), user.parameters("/people/v1/users/abc"));
        assertFalse(user.matches("/people/v1/users/"));
        assertFalse(user.matches("/people/v1/users"));
        assertFalse(user.matches("/people/v1/users/abc/def"));
    }

    @Test
    void parameter_values_stay_as_sent() {
        assertEquals(Optional.of(Map.of("id", "J%C3%A9+x;y")), user.parameters("/people/v1/users/J%C3%A9+x;y"));
    }

    @Test
    void literal_segments_must_be_spelled_exactly() {
        assertTrue(users.matches("/people/v1/users"));
        assertFalse(users.matches("/people/v1/users/"), "a trailing slash counts");
        assertFalse(users.matches("/PEOPLE/v1/users"));
        assertFalse(users.matches("/people/v1/us%65rs"), "escapes are not decoded");
        assertFalse(users.matches("/people/v1/users;x"), "path parameters are not removed");
        assertFalse(users.matches("/people/./v1/users"), "dot segments are not removed");
        assertFalse(users.matches("/people/v1/../v1/users"));
    }

    @Test
    void the_root_is_one_empty_segment() {
        PathTemplate root = new PathTemplate("/");
        assertTrue(root.matches("/"));
        assertFalse(root.matches(""));
        assertFalse(root.matches("//"));
    }

    @Test
    void colon_form_is_what_spark_patterns_look_like() {
        assertEquals("/people/v1/users/:id", user.colonForm());
        assertEquals("/docs/:asset", new PathTemplate("/docs/{asset}").colonForm());
        assertEquals("/test/", new PathTemplate("/test/").colonForm());
        assertEquals("/", new PathTemplate("/").colonForm());
    }

    @Test
    void literal_means_no_parameter() {
        assertTrue(users.isLiteral());
        assertFalse(user.isLiteral());
        assertEquals("/people/v1/users/{id}", user.template());
    }

    @Test
    void a_template_starts_with_a_slash() {
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("people/v1/users"));
    }

    @Test
    void matches_agrees_with_parameters_on_every_edge_of_a_path() {
        List<String> templates = List.of("/", "/test/", "/test", "/people/v1/users", "/people/v1/users/{id}",
                "/docs/{asset}", "/{a}/{b}", "/{a}");
        List<String> paths = List.of("", "/", "//", "///", "/test", "/test/", "/test//", "/tes", "/testx",
                "/people/v1/users", "/people/v1/users/", "/people/v1/users/x", "/people/v1/users/x/",
                "/people/v1/users//", "/people/v1/users/x/y", "/people/v1/user", "/people/v1/usersx",
                "people/v1/users", "/docs/a.css", "/docs/", "/a/b", "/a/", "/a", "/%20/%2F", "/people/v1/users/%41");
        for (String template : templates) {
            PathTemplate t = new PathTemplate(template);
            for (String path : paths) {
                assertEquals(t.parameters(path).isPresent(), t.matches(path), template + " against '" + path + "'");
            }
        }
    }
}
