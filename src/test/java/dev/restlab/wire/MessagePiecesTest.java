package dev.restlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One exchange cut into typed pieces; plain text, HTML and Markdown are views of the same pieces. */
class MessagePiecesTest {

    private static final Exchange CONTINUED = Exchange.builder().request("POST", "/people/v1/users")
            .requestHeader("Expect", "100-continue").requestBody("{\"name\":\"<b>\"}")
            .interim(100, "Continue").status(201, "Created").responseHeader("Content-Type", "application/json")
            .responseBody("{\"id\":\"1\",\"name\":\"<b>\"}").build();

    private static List<Piece.Kind> kinds(List<Piece> pieces) {
        return pieces.stream().map(Piece::kind).toList();
    }

    @Test
    void an_interim_answer_comes_first_and_the_final_status_line_and_headers_keep_their_kinds() {
        List<Piece> pieces = MessagePieces.response(CONTINUED);
        assertEquals(List.of(Piece.Kind.INTERIM_LINE, Piece.Kind.BLANK_LINE, Piece.Kind.START_LINE,
                Piece.Kind.HEADER_NAME, Piece.Kind.HEADER_VALUE, Piece.Kind.BLANK_LINE, Piece.Kind.BODY), kinds(pieces));
        assertEquals("HTTP/1.1 201 Created", pieces.get(2).text());
        assertEquals("Content-Type", pieces.get(3).text());
        assertEquals("application/json", pieces.get(4).text());
    }

    @Test
    void plain_text_is_the_curl_form_with_crlf_line_ends() {
        assertEquals("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n"
                + "{\"id\":\"1\",\"name\":\"<b>\"}", MessagePieces.plainText(MessagePieces.response(CONTINUED)));
        assertEquals("POST /people/v1/users HTTP/1.1\r\nExpect: 100-continue\r\n\r\n{\"name\":\"<b>\"}",
                MessagePieces.plainText(MessagePieces.request(CONTINUED)));
    }

    @Test
    void pretty_json_reindents_the_body_bytes_and_says_so_even_after_an_interim_answer() {
        List<Piece> pretty = MessagePieces.response(CONTINUED, true);
        String text = MessagePieces.plainText(pretty);
        assertTrue(text.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"), text);
        assertTrue(text.contains("{\n  \"id\": \"1\",\n  \"name\": \"<b>\"\n}\n"), text);
        assertEquals(Piece.Kind.NOTE, pretty.get(pretty.size() - 1).kind());
        assertTrue(pretty.get(pretty.size() - 1).text().contains("23 bytes its Content-Length counts"));
    }

    @Test
    void pretty_json_leaves_malformed_json_and_other_bodies_as_sent() {
        for (String body : new String[] {"{name: 1}", "[1,]", "{} {}", "plain text", ""}) {
            Exchange e = Exchange.builder().responseBody(body).build();
            assertEquals(MessagePieces.response(e), MessagePieces.response(e, true), body);
        }
    }

    @Test
    void a_cut_body_gets_a_note_and_is_not_reformatted() {
        Exchange cut = Exchange.builder().responseBody(new Body("{\"a\":".getBytes(), 300_000)).build();
        List<Piece> pieces = MessagePieces.response(cut, true);
        assertEquals(new Piece(Piece.Kind.NOTE, "[RestLab kept the first 5 of 300000 bytes of this body]"),
                pieces.get(pieces.size() - 1));
        assertTrue(MessagePieces.plainText(pieces).endsWith("{\"a\":\n[RestLab kept the first 5 of 300000 bytes of this body]\n"));
    }

    @Test
    void html_escapes_everything_from_the_wire_and_classes_each_piece() {
        String html = MessagePieces.html(MessagePieces.response(CONTINUED));
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;b&gt;"), html);
        assertTrue(html.contains("<span class=\"wire-interim\">HTTP/1.1 100 Continue\n</span>"), html);
        assertTrue(html.contains("<span class=\"wire-header-name\">Content-Type:</span>"), html);
        assertTrue(html.startsWith("<pre class=\"wire\">") && html.endsWith("</pre>"));
    }

    @Test
    void markdown_fences_the_message_with_a_fence_no_body_can_close() {
        Exchange sneaky = Exchange.builder().responseBody("```\n# not a heading\n````").build();
        String markdown = MessagePieces.markdown(MessagePieces.response(sneaky));
        assertTrue(markdown.startsWith("`````http\nHTTP/1.1 200 OK\n\n```\n# not a heading\n````\n`````\n"), markdown);
    }
}
