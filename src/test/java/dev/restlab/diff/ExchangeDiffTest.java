package dev.restlab.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.diff.DiffRow.Change;
import dev.restlab.wire.Body;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.ExchangeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diff of two exchanges, with no window: the handout's typical comparisons and hostile bodies. */
class ExchangeDiffTest {

    private static final String LIST = "/people/v1/users";

    private static ExchangeBuilder get(String userAgent) {
        return Exchange.builder().request("GET", LIST)
                .requestHeader("Host", "127.0.0.1:5001")
                .requestHeader("User-Agent", userAgent)
                .requestHeader("Accept", "*/*")
                .status(200, "OK")
                .responseHeader("Content-Type", "application/json")
                .responseHeader("Content-Length", "2");
    }

    private static List<DiffRow> changes(DiffSection section) {
        return section.rows().stream().filter(row -> row.change() != Change.SAME).toList();
    }

    @Test
    void the_same_request_from_the_window_and_from_curl_differs_in_its_headers_only() {
        Exchange curl = get("curl/8.5.0").responseBody("{\"users\":[]}").build();
        Exchange window = Exchange.builder().request("GET", LIST)
                .requestHeader("User-Agent", "RestLab-window")
                .requestHeader("Host", "127.0.0.1:5001")
                .requestHeader("Connection", "Upgrade, HTTP2-Settings")
                .status(200, "OK")
                .responseHeader("Content-Type", "application/json")
                .responseHeader("Content-Length", "2")
                .responseBody("{ \"users\" : [ ] }")
                .build();

        ExchangeDiff diff = ExchangeDiff.between(curl, window);

        assertTrue(diff.section("Request line").same());
        DiffSection headers = diff.section("Request headers");
        assertEquals(List.of(
                DiffRow.same("Host: 127.0.0.1:5001", "Host: 127.0.0.1:5001"),
                DiffRow.added("Connection: Upgrade, HTTP2-Settings"),
                DiffRow.changed("User-Agent: curl/8.5.0", "User-Agent: RestLab-window"),
                DiffRow.removed("Accept: */*")), headers.rows(), "a new field sits after the field its side sent before it");
        assertEquals("1 changed, 1 added, 1 removed", headers.summary());
        assertEquals(Optional.of("The fields both sent came in another order. Left: Host, User-Agent."
                + " Right: User-Agent, Host."), headers.orderChange(), "the order change is told apart from the rows");
        assertTrue(diff.section("Status line").same());
        assertTrue(diff.section("Response headers").same());
        assertTrue(diff.section("Response body").same(), "the same JSON with other spacing is the same body");
        assertFalse(diff.same());
    }

    @Test
    void a_posts_201_beside_its_415_shows_the_status_the_content_type_and_both_bodies() {
        Exchange created = Exchange.builder().request("POST", LIST)
                .requestHeader("Content-Type", "application/json")
                .requestBody("{\"name\": \"John\", \"email\": \"john@example.com\"}")
                .status(201, "Created").responseHeader("Content-Type", "text/plain")
                .responseBody("User created successfully! ID: 7d6c").build();
        Exchange refused = Exchange.builder().request("POST", LIST)
                .requestHeader("Content-Type", "application/x-www-form-urlencoded")
                .requestBody("{\"name\": \"John\", \"email\": \"john@example.com\"}")
                .status(415, "Unsupported Media Type").responseHeader("Content-Type", "text/plain")
                .responseBody("Request must be JSON").build();

        ExchangeDiff diff = ExchangeDiff.between(created, refused);

        assertEquals(List.of(DiffRow.changed("HTTP/1.1 201 Created", "HTTP/1.1 415 Unsupported Media Type")),
                diff.section("Status line").rows());
        assertEquals(List.of(DiffRow.changed("Content-Type: application/json", "Content-Type: application/x-www-form-urlencoded")),
                changes(diff.section("Request headers")));
        DiffSection requestBody = diff.section("Request body");
        assertTrue(requestBody.same(), "the same bytes, once declared JSON and once not");
        assertEquals(List.of("Compared as JSON: keys side by side whatever their order; spacing and how a number is"
                + " written (1 or 1.0) do not count."), requestBody.notes());
        DiffSection responseBody = diff.section("Response body");
        assertEquals(List.of(DiffRow.changed("User created successfully! ID: 7d6c", "Request must be JSON")), responseBody.rows());
        assertEquals(List.of("Compared line by line."), responseBody.notes());
    }

    @Test
    void json_is_compared_by_meaning_with_keys_side_by_side() {
        Exchange before = get("curl/8").responseBody("{\"users\":[{\"email\":\"ann@example.com\",\"id\":1,\"name\":\"Ann\"},"
                + "{\"email\":\"john@example.com\",\"id\":2,\"name\":\"John\"}]}").build();
        Exchange after = get("curl/8").responseBody("{\"users\":[{\"name\":\"Ann\",\"id\":1.0,\"email\":\"ann@example.com\"},"
                + "{\"email\":\"bob@example.com\",\"id\":3,\"name\":\"Bob\"},"
                + "{\"email\":\"john@example.org\",\"id\":2,\"name\":\"John\"}]}").build();

        DiffSection body = ExchangeDiff.between(before, after).section("Response body");

        List<DiffRow> rows = body.rows();
        assertEquals(DiffRow.same("{", "{"), rows.get(0));
        assertEquals(DiffRow.same("  \"users\": [", "  \"users\": ["), rows.get(1));
        assertEquals(DiffRow.same("      \"email\": \"ann@example.com\",", "      \"email\": \"ann@example.com\""), rows.get(3),
                "Ann's keys are side by side although they came in another order");
        assertEquals(DiffRow.same("      \"id\": 1,", "      \"id\": 1.0,"), rows.get(4), "1 and 1.0 are the same number");
        assertEquals(List.of(
                DiffRow.added("    {"),
                DiffRow.added("      \"email\": \"bob@example.com\","),
                DiffRow.added("      \"id\": 3,"),
                DiffRow.added("      \"name\": \"Bob\""),
                DiffRow.added("    },"),
                DiffRow.changed("      \"email\": \"john@example.com\",", "      \"email\": \"john@example.org\",")),
                changes(body), "Bob is one inserted element; of John only his email changed");
        assertEquals(Optional.of("Keys both sides have came in another order at $.users[0] (the same object in JSON either way)."),
                body.orderChange());
        assertEquals("1 changed, 5 added", body.summary());
    }

    @Test
    void a_key_only_one_side_has_sits_where_that_side_has_it() {
        DiffSection body = ExchangeDiff.between(
                get("curl/8").responseBody("{\"a\":1,\"c\":3}").build(),
                get("curl/8").responseBody("{\"a\":1,\"b\":{\"x\":[true,null]},\"c\":3}").build()).section("Response body");
        assertEquals(List.of(
                DiffRow.same("{", "{"),
                DiffRow.same("  \"a\": 1,", "  \"a\": 1,"),
                DiffRow.added("  \"b\": {"),
                DiffRow.added("    \"x\": ["),
                DiffRow.added("      true,"),
                DiffRow.added("      null"),
                DiffRow.added("    ]"),
                DiffRow.added("  },"),
                DiffRow.same("  \"c\": 3", "  \"c\": 3"),
                DiffRow.same("}", "}")), body.rows());
        assertEquals(Optional.empty(), body.orderChange());
    }

    @Test
    void array_elements_standing_in_each_others_place_are_changed_side_by_side() {
        DiffSection body = ExchangeDiff.between(get("a").responseBody("[1,2,3]").build(),
                get("a").responseBody("[1,5,3,4]").build()).section("Response body");
        assertEquals(List.of(DiffRow.same("[", "["), DiffRow.same("  1,", "  1,"), DiffRow.changed("  2,", "  5,"),
                DiffRow.same("  3", "  3,"), DiffRow.added("  4"), DiffRow.same("]", "]")), body.rows());
    }

    @Test
    void text_is_compared_line_by_line() {
        DiffSection body = ExchangeDiff.between(
                get("curl/8").responseHeader("Content-Type", "text/plain").responseBody("one\r\ntwo\r\nthree\r\n").build(),
                get("curl/8").responseHeader("Content-Type", "text/plain").responseBody("one\r\ntwo and a half\r\nthree\r\nfour\r\n").build())
                .section("Response body");
        assertEquals(List.of(DiffRow.same("one", "one"), DiffRow.changed("two", "two and a half"),
                DiffRow.same("three", "three"), DiffRow.added("four")), body.rows());
    }

    @Test
    void bodies_that_differ_only_in_line_ends_are_said_to() {
        DiffSection body = ExchangeDiff.between(get("a").responseBody("one\r\ntwo").build(),
                get("a").responseBody("one\ntwo\n").build()).section("Response body");
        assertTrue(body.same());
        assertTrue(body.notes().contains("The lines are the same; the bodies differ only in their line ends (CR LF or LF)"
                + " or a final line end."));
    }

    @Test
    void a_field_sent_twice_is_compared_value_by_value_and_a_respelled_name_is_a_change() {
        Exchange left = get("a").responseHeader("Set-Cookie", "a=1").responseHeader("Set-Cookie", "b=2").build();
        Exchange right = Exchange.builder().request("GET", LIST)
                .requestHeader("host", "127.0.0.1:5001").requestHeader("User-Agent", "a").requestHeader("Accept", "*/*")
                .status(200, "OK").responseHeader("Content-Type", "application/json").responseHeader("Content-Length", "2")
                .responseHeader("set-cookie", "a=1").build();
        ExchangeDiff diff = ExchangeDiff.between(left, right);
        assertEquals(List.of(DiffRow.changed("Host: 127.0.0.1:5001", "host: 127.0.0.1:5001")), changes(diff.section("Request headers")));
        assertEquals(List.of(DiffRow.changed("Set-Cookie: a=1", "set-cookie: a=1"), DiffRow.removed("Set-Cookie: b=2")),
                changes(diff.section("Response headers")));
    }

    @Test
    void hostile_bodies_stay_exactly_as_sent() {
        String script = "<script>alert('x')</script> &amp; <b>";
        DiffSection text = ExchangeDiff.between(get("a").responseHeader("Content-Type", "text/html").responseBody(script).build(),
                get("a").responseBody("").build()).section("Response body");
        assertEquals(List.of(DiffRow.removed(script)), text.rows(), "no HTML escaping, no interpretation");

        DiffSection json = ExchangeDiff.between(get("a").responseBody("{\"name\":\"<b>&\\u0041\"}").build(),
                get("a").responseBody("{\"name\":\"<i>\"}").build()).section("Response body");
        assertEquals(DiffRow.changed("  \"name\": \"<b>&A\"", "  \"name\": \"<i>\""), json.rows().get(1));
    }

    @Test
    void json_nested_past_gsons_limit_is_compared_as_text_without_overflowing() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        DiffSection body = ExchangeDiff.between(get("a").responseBody(deep).build(),
                get("a").responseBody(deep + " ").build()).section("Response body");
        assertEquals(List.of("Compared line by line."), body.notes());
        assertEquals(Change.CHANGED, body.rows().get(0).change());
    }

    @Test
    void an_object_with_many_keys_is_aligned_key_by_key() {
        StringBuilder left = new StringBuilder("{");
        StringBuilder right = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            left.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
            right.append(i == 0 ? "" : ",").append("\"k").append(19_999 - i).append("\":").append(19_999 - i);
        }
        DiffSection body = ExchangeDiff.between(get("a").responseBody(left.append('}').toString()).build(),
                get("a").responseBody(right.append('}').toString()).build()).section("Response body");
        assertTrue(body.same());
        assertEquals(20_002, body.rows().size());
        assertTrue(body.orderChange().isPresent());
    }

    @Test
    void bodies_that_are_not_text_are_compared_byte_for_byte() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
        DiffSection body = ExchangeDiff.between(get("a").responseBody(Body.of(gzip)).build(),
                get("a").responseBody(Body.of(gzip.clone())).build()).section("Response body");
        assertEquals(List.of(DiffRow.same("[8 bytes, not text]", "[8 bytes, not text]")), body.rows());
        DiffSection other = ExchangeDiff.between(get("a").responseBody(Body.of(gzip)).build(),
                get("a").responseBody("plain").build()).section("Response body");
        assertEquals(List.of(DiffRow.changed("[8 bytes, not text]", "[5 bytes of text]")), other.rows());
        assertEquals(List.of("Not both text: compared byte for byte."), other.notes());
    }

    @Test
    void a_cut_body_is_compared_as_far_as_it_was_kept_and_says_so() {
        byte[] kept = "line one\nline two é".getBytes(StandardCharsets.UTF_8);
        byte[] cutInACharacter = java.util.Arrays.copyOf(kept, kept.length - 1);
        DiffSection body = ExchangeDiff.between(get("a").responseBody(new Body(cutInACharacter, 1_000_000)).build(),
                get("a").responseBody("line one\nline 2\n").build()).section("Response body");
        assertEquals(List.of(DiffRow.same("line one", "line one"), DiffRow.changed("line two ", "line 2")), body.rows());
        assertEquals("RestLab kept the first " + cutInACharacter.length + " of the 1000000 bytes of the left body:"
                + " only those are compared.", body.notes().get(0));
    }

    @Test
    void no_bodies_make_an_empty_part_that_says_so() {
        DiffSection body = ExchangeDiff.between(get("a").build(), get("b").build()).section("Request body");
        assertEquals(List.of(), body.rows());
        assertEquals(List.of("No body on either side."), body.notes());
        assertTrue(body.same());
    }

    @Test
    void an_exchange_compared_with_itself_is_the_same() {
        Exchange e = get("curl/8").responseBody("{\"users\":[{\"id\":1}]}").build();
        ExchangeDiff diff = ExchangeDiff.between(e, e);
        assertTrue(diff.same());
        diff.sections().forEach(section -> assertEquals(Optional.empty(), section.orderChange()));
    }
}
