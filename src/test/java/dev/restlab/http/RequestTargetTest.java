package dev.restlab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.http.RequestTarget.Form;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpURI;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void origin_and_absolute_form_name_the_same_path_and_query() {
        RequestTarget origin = RequestTarget.parse("GET", "/people/v1/users?name=John");
        RequestTarget absolute = RequestTarget.parse("GET", "http://127.0.0.1:5001/people/v1/users?name=John");

        assertEquals(Form.ORIGIN, origin.form());
        assertEquals(Form.ABSOLUTE, absolute.form());
        for (RequestTarget target : List.of(origin, absolute)) {
            assertEquals("/people/v1/users", target.path());
            assertEquals(List.of("people", "v1", "users"), target.segments());
            assertEquals(List.of(new Query.Pair("name", "John")), target.query().pairs());
            assertEquals("/people/v1/users?name=John", target.originForm());
        }
        assertEquals("http", absolute.scheme());
        assertEquals("127.0.0.1:5001", absolute.authority());
        assertEquals("127.0.0.1", absolute.host());
        assertEquals(5001, absolute.port());
        assertEquals("", origin.host());
        assertEquals(-1, origin.port());
    }

    @Test
    void the_other_forms_are_told_apart() {
        RequestTarget tunnel = RequestTarget.parse("CONNECT", "example.com:443");
        assertEquals(Form.AUTHORITY, tunnel.form());
        assertEquals("example.com", tunnel.host());
        assertEquals(443, tunnel.port());
        assertEquals("", tunnel.path());

        RequestTarget everything = RequestTarget.parse("OPTIONS", "*");
        assertEquals(Form.ASTERISK, everything.form());
        assertEquals("*", everything.path());

        assertEquals(Form.ORIGIN, RequestTarget.parse("CONNECT", "/people").form(), "Jetty routes a CONNECT to a path");
        RequestTarget garbage = RequestTarget.parse("GET", "people?x=1");
        assertEquals(Form.NONE, garbage.form());
        assertEquals("people", garbage.path());
        assertEquals(Form.NONE, RequestTarget.parse("", "").form());
        assertEquals("", RequestTarget.parse("", null).path());
    }

    @Test
    void an_absolute_target_without_a_path_is_the_root_and_the_fragment_is_dropped() {
        assertEquals("/", RequestTarget.parse("GET", "http://shop.example").path());
        assertEquals("/?q=1", RequestTarget.parse("GET", "http://shop.example?q=1").originForm());
        RequestTarget withFragment = RequestTarget.parse("GET", "/people/v1/users?name=John#top");
        assertEquals("/people/v1/users", withFragment.path());
        assertEquals("name=John", withFragment.query().raw());
        assertEquals("/a?", RequestTarget.parse("GET", "/a?").originForm(), "an empty query is kept as sent");
        assertEquals("/a", RequestTarget.parse("GET", "/a#x?y").originForm(), "a ? in the fragment is no query");
    }

    @Test
    void segments_and_query_pairs_are_decoded_as_flask_decodes_them() {
        RequestTarget target = RequestTarget.parse("GET", "/people/v1/users/J%C3%B6rg%2Fx/%ff?name=J%C3%B6rg+M&a%3Db=c=d&flag&&x=%zz");
        assertEquals(List.of("people", "v1", "users", "Jörg/x", "\ufffd"), target.segments());
        assertEquals("/people/v1/users/J%C3%B6rg%2Fx/%ff", target.path(), "the path keeps its escapes");
        List<Query.Pair> pairs = target.query().pairs();
        assertEquals(4, pairs.size(), "the empty pair is left out: " + pairs);
        assertEquals("Jörg M", pairs.get(0).value());
        assertEquals("a=b", pairs.get(1).name());
        assertEquals("c=d", pairs.get(1).value(), "a pair is cut at its first =");
        assertEquals("flag", pairs.get(2).name());
        assertEquals("", pairs.get(2).value());
        assertEquals("%zz", pairs.get(3).value(), "a broken escape stays as typed");
    }

    @Test
    void the_first_value_is_the_servers_and_a_broken_escape_on_the_way_is_refused() {
        assertEquals(Optional.of("John"), Query.parse("x=%zz&name=John&name=Jane").first("name"),
                "a broken value of another parameter is not read");
        assertEquals(Optional.empty(), Query.parse("other=1").first("name"));
        assertEquals(Optional.empty(), Query.parse(null).first("name"));
        assertEquals(Optional.of("\ufffd"), Query.parse("name=%E9").first("name"), "not UTF-8: U+FFFD, as Flask reads it");
        assertThrows(IllegalArgumentException.class, () -> Query.parse("name=%zz").first("name"));
        assertThrows(IllegalArgumentException.class, () -> Query.parse("na%me=1&name=2").first("name"));
    }

    /** HostCheck reads the server's requests with Jetty's HttpURI; the proxy reads its own with this: one rule. */
    @Test
    void the_host_is_the_one_jettys_http_uri_reads() {
        for (String target : List.of("http://127.0.0.1:5001/people/v1/users", "http://[::1]:5001/x",
                "http://user@Host:80/a?b#c", "http://h", "HTTP://EX.com/", "http://localhost/",
                "http://evil.example:8080/", "http://a.b.c.d.example:1/")) {
            HttpURI jetty = new HttpURI();
            jetty.parseRequestTarget("GET", target);
            RequestTarget ours = RequestTarget.parse("GET", target);
            assertEquals(jetty.getHost(), ours.host(), target);
            assertEquals(jetty.getPort(), ours.port(), target);
            assertEquals(jetty.getPath() == null ? "/" : jetty.getPath(), ours.path(), target);
            assertEquals(jetty.getQuery() == null ? "" : jetty.getQuery(), ours.query().raw(), target);
        }
    }

    @Test
    void an_authority_that_names_no_readable_host_is_its_own_host_so_no_allowed_name_matches() {
        assertEquals("h:abc", RequestTarget.parse("GET", "http://h:abc/").host());
        assertEquals("h:99999", RequestTarget.parse("GET", "http://h:99999/").host());
        assertEquals("c", RequestTarget.parse("GET", "http://a@b@c/").host(), "the user part ends at the last @");
        assertTrue(RequestTarget.parse("GET", "http://[::1/").host().startsWith("[::1"));
    }
}
