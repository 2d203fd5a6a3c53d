package dev.restlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

    private static Optional<JsonSyntax.Fault> fault(String text) {
        return JsonSyntax.firstFault(text, 64);
    }

    private static void assertFault(int line, int column, String reason, String text) {
        assertEquals(Optional.of(new JsonSyntax.Fault(line, column, reason)), fault(text), text);
    }

    @Test
    void each_fault_is_named_where_it_is() {
        assertFault(1, 10, "expected a value: an object, an array, a string in double quotes, a number, true,"
                + " false or null", "{\"name\": }");
        assertFault(1, 2, "names need double quotes, not single ones", "{'name': 1}");
        assertFault(1, 2, "expected a name in double quotes", "{name: 1}");
        assertFault(1, 8, "expected a name in double quotes", "{\"a\":1,}");
        assertFault(1, 4, "expected a value: an object, an array, a string in double quotes, a number, true,"
                + " false or null", "[1,]");
        assertFault(1, 6, "expected ':' after the name", "{\"a\" 1}");
        assertFault(1, 4, "expected ',' or ']'", "[1 2]");
        assertFault(1, 8, "expected ',' or '}'", "{\"a\":1 \"b\":2}");
        assertFault(1, 9, "unexpected text after the JSON value", "{\"a\":1} x");
        assertFault(1, 18, "the body ends inside an object", "{\"name\": \"John\", ");
        assertFault(1, 7, "the body ends inside an object", "{\"a\":1");
        assertFault(1, 1, "a string is not closed: the body ends before its closing quote", "\"abc");
        assertFault(1, 2, "\\x is not an escape JSON knows (these are: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                "\"\\x\"");
        assertFault(1, 2, "\\u must be followed by four hex digits", "\"\\u12\"");
        assertFault(1, 6, "a number may not start with 0 (write 7, not 07)", "{\"a\":01}");
        assertFault(1, 1, "a number is malformed: digits must follow the exponent's e", "1e");
        assertFault(1, 1, "a number is malformed (JSON numbers look like 42, -1.5 or 2e10)", "-");
        assertFault(1, 1, "a number is malformed: digits must follow the decimal point", "1.");
        assertFault(1, 2, "strings need double quotes, not single ones", "['x']");
        assertFault(1, 1, "expected a value: an object, an array, a string in double quotes, a number, true,"
                + " false or null", "tru");
        assertFault(1, 6, "expected a value: an object, an array, a string in double quotes, a number, true,"
                + " false or null", "{\"a\":NaN}");
        assertFault(1, 1, "expected a value: an object, an array, a string in double quotes, a number, true,"
                + " false or null", "// comment\n{}");
        assertFault(1, 8, "the control character U+000A must be escaped in a string", "{\"a\":\"x\ny\"}");
        assertFault(1, 1, "the body ends where a value should start", "");
    }

    @Test
    void lines_and_columns_count_from_one() {
        assertFault(3, 3, "expected ',' or '}'", "{\n  \"a\": 1\n  \"b\": 2\n}");
    }

    @Test
    void nesting_past_the_limit_is_a_fault_not_a_stack_overflow() {
        assertFault(1, 65, "nested deeper than 64 levels", "[".repeat(65) + "]".repeat(65));
        assertEquals(Optional.empty(), fault("[".repeat(64) + "]".repeat(64)));
        assertTrue(fault("[".repeat(100_000)).isPresent());
    }

    @Test
    void half_a_surrogate_pair_is_no_character() {
        assertFault(1, 10, "\\ud800 is the first half of a UTF-16 surrogate pair, and no second half"
                + " (\\udc00 to \\udfff) follows: it is no character", "{\"name\":\"\\ud800\"}");
        assertFault(1, 2, "\\uDBFF is the first half of a UTF-16 surrogate pair, and no second half"
                + " (\\udc00 to \\udfff) follows: it is no character", "\"\\uDBFF\\u0041\"");
        assertFault(1, 3, "\\udc00 is the second half of a UTF-16 surrogate pair, and no first half"
                + " (\\ud800 to \\udbff) comes before it: it is no character", "\"x\\udc00\"");
        assertFault(1, 2, "half of a UTF-16 surrogate pair stands alone: it is no character", "\"\ud800\"");
        assertEquals(Optional.empty(), fault("\"\\ud83d\\ude80\""), "a whole pair is one character");
        assertEquals(Optional.empty(), fault("\"\ud83d\ude80\""));
    }

    /** Whatever Gson in strict mode takes, this takes, and the other way round. */
    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-0", "-1.5e+10", "2E-3", "1.0", "true", "false", "null",
        "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"", " \t\r\n{ \"a\" : [ 1 , { } , [ ] ] } \n",
        "{\"name\": \"John\", \"email\": \"john@example.com\"}", "{\"a\":1,\"a\":2}", "\"é€🚀\"",
        "{\"name\": }", "{'name': 1}", "{name: 1}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "\"abc", "\"\\x\"",
        "{\"a\":NaN}", "{\"a\":1} x", "{\"a\":1}{", "tru", "[1 2]", "{\"a\":01}", "\u00a0{}", "-", "1e",
        "{,}", "[\"a\"\"b\"]", "01", "+1", ".5", "1.", "Infinity", "[-]", "\"\\u00G0\"", "{\"a\"}", "{1:2}"})
    void agrees_with_gson_in_strict_mode(String text) {
        assertEquals(gsonTakes(text), fault(text).isEmpty(), text + ": " + fault(text));
    }

    private static boolean gsonTakes(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void parse_strict_says_malformed_json_at_a_place() {
        for (String text : List.of("{\"name\": }", "{'x': 1}", "[1,]", "{\"a\":\"\\ud800\"}")) {
            Json.Malformed malformed = assertThrows(Json.Malformed.class,
                    () -> Json.parseStrict(text));
            assertTrue(malformed.getMessage().matches("Malformed JSON at line \\d+ column \\d+: [^\\n]+"),
                    malformed.getMessage());
            assertTrue(!malformed.getMessage().contains("JsonReader") && !malformed.getMessage().contains("http"),
                    malformed.getMessage());
        }
    }
}
