package dev.restlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restlab.wire.Exchange;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final Set<Aspect> ALL = EnumSet.allOf(Aspect.class);

    private static Answer answer(int status, String type, String body) {
        var builder = Exchange.builder().request("GET", "/").status(status, "X").responseBody(body);
        if (type != null) {
            builder.responseHeader("Content-Type", type);
        }
        return new Answer(Optional.of(builder.build()), "");
    }

    private static List<String> differences(Answer target, Answer reference) {
        return Comparison.of(target, reference, ALL).stream().map(Difference::what).toList();
    }

    @Test
    void json_is_compared_by_structure_not_key_order_ids_or_how_many_members() {
        Answer one = answer(200, "application/json", "{\"users\":[{\"email\":\"a@x\",\"id\":\""
                + "864d82a5-e4e2-4b17-8358-d0d66d34e470\",\"name\":\"John\"}]}\n");
        Answer three = answer(200, "application/json; charset=utf-8", "{\"users\": [{\"name\": \"Ann\", \"id\": "
                + "\"11111111-2222-4333-8444-555555555555\", \"email\": \"b@x\"}, {\"id\": "
                + "\"21111111-2222-4333-8444-555555555555\", \"name\": \"Bo\", \"email\": \"c@x\"}]}");
        assertEquals(List.of(), differences(one, three));
        Answer numberId = answer(200, "application/json", "{\"users\":[{\"email\":\"a@x\",\"id\":7,\"name\":\"J\"}]}");
        assertEquals(List.of("body"), differences(numberId, one));
    }

    @Test
    void text_is_compared_word_for_word_with_any_uuid_as_a_uuid() {
        Answer a = answer(201, "text/plain", "User created successfully! ID: 864d82a5-e4e2-4b17-8358-d0d66d34e470\n");
        Answer b = answer(201, "text/plain", "User created successfully! ID: 11111111-2222-4333-8444-555555555555\r\n");
        assertEquals(List.of(), differences(a, b));
        assertEquals(List.of("body"), differences(answer(201, "text/plain", "User created!"), b));
    }

    @Test
    void plain_and_html_are_the_same_type_unless_the_body_has_markup() {
        assertEquals(List.of(), differences(answer(404, "text/html; charset=utf-8", "User with ID x not found\n"),
                answer(404, "text/plain", "User with ID x not found\n")));
        assertEquals(List.of("content type"), differences(answer(201, "text/html", "Name: <script>alert(1)</script>"),
                answer(201, "text/plain", "Name: <script>alert(1)</script>")));
        assertEquals(List.of("content type"), differences(answer(200, "text/html", "{\"users\":[]}"),
                answer(200, "application/json", "{\"users\":[]}")));
    }

    @Test
    void no_body_on_either_side_leaves_the_type_out_and_a_missing_answer_is_one_difference() {
        assertEquals(List.of(), differences(answer(204, "text/html; charset=utf-8", ""), answer(204, null, "")));
        Answer none = new Answer(Optional.empty(), "no whole answer within 10 s");
        List<Difference> missing = Comparison.of(none, answer(200, "text/plain", "x"), ALL);
        assertEquals(List.of(new Difference("answer", "no whole answer within 10 s", "answered 200 X")), missing);
    }

    @Test
    void only_the_aspects_asked_for_are_compared() {
        assertEquals(List.of(), Comparison.of(answer(405, "text/html", "<h1>Method Not Allowed</h1>"),
                answer(405, "text/plain", "Method Not Allowed: / accepts GET"), EnumSet.of(Aspect.STATUS)));
    }
}
