package dev.restlab.diagram;

import static dev.restlab.diagram.Traffic.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restlab.wire.Connection;
import dev.restlab.wire.Exchange;
import dev.restlab.wire.Timings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG exports parse as XML, and what came off the wire stays text in them. */
class SvgDrawingTest {

    private static final String HOSTILE_PATH = "/people/v1/users?name=<script>alert('x')</script>&\"q\"";
    private static final String HOSTILE_AGENT = "</text><script>alert(1)</script>\u0001\ud800";

    private static List<Exchange> hostileTraffic() {
        Connection c = connection(1, 53422, 0);
        c.markClosed(900_000);
        Exchange hostile = Exchange.builder().id(1).connection(c, 1).request("GET", HOSTILE_PATH)
                .requestHeader("Host", "<evil host>").requestHeader("User-Agent", HOSTILE_AGENT)
                .status(404, "Not <Found> & \"gone\"").timings(new Timings(1_000, 2_000, 300_000, 400_000)).build();
        Exchange rejected = Exchange.builder().id(2).connection(connection(2, 53424, 500_000), 1).request("\u0000GARBAGE\u001b[31m", "")
                .requestVersion("").status(400, "No URI").rejected(true).timings(new Timings(501_000, 502_000, 510_000, 520_000)).build();
        return List.of(hostile, rejected);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String sequenceSvg(Palette palette) {
        SvgDrawing svg = new SvgDrawing();
        SequenceDrawing.draw(SequenceLayout.of(hostileTraffic(), ZoneOffset.UTC), palette, 14, 1, svg);
        return svg.document();
    }

    @Test
    void the_sequence_diagram_is_well_formed_svg_with_the_wire_s_text_as_text() throws Exception {
        String svg = sequenceSvg(Palette.LIGHT);
        Document document = parse(svg);

        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(0, document.getElementsByTagName("script").getLength(), "no markup from the wire became an element");
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
        List<String> texts = texts(document, "text");
        assertTrue(texts.contains("⚠ 404 Not <Found> & \"gone\""), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("GET /people/v1/users?na") && t.endsWith("/script>&\"q\"")),
                texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("</text><script>") && t.endsWith("??")),
                "the hostile User-Agent, cut, its control character and half surrogate replaced, as text: " + texts);
        assertTrue(texts.contains("<evil host>"));
        assertTrue(texts.contains("⚠ 400 No URI (Jetty)"));
        List<String> titles = texts(document, "title");
        assertTrue(titles.stream().anyMatch(t -> t.contains(HOSTILE_PATH)), "the tooltip keeps the whole path: " + titles);
        assertTrue(svg.chars().noneMatch(ch -> ch < 0x20 && ch != '\n'), "no control characters reach the file");
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            ids.add(((Element) groups.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("exchange-1-request", "exchange-1-response", "exchange-2-request", "exchange-2-response"),
                ids.stream().sorted().toList());
    }

    @Test
    void the_dark_export_uses_the_dark_background() throws Exception {
        Document document = parse(sequenceSvg(Palette.DARK));
        Element background = (Element) document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(0);
        assertEquals(Palette.DARK.background(), background.getAttribute("fill"));
    }

    @Test
    void the_waterfall_is_well_formed_svg_with_a_row_per_exchange() throws Exception {
        SvgDrawing svg = new SvgDrawing();
        Waterfall waterfall = WaterfallLayout.of(hostileTraffic());
        WaterfallDrawing.draw(waterfall, Palette.LIGHT, 14, 800, -1, svg);
        Document document = parse(svg.document());

        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
        List<String> texts = texts(document, "text");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("GET /pe") && t.endsWith(" → ")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("⚠ 404 Not <") && t.endsWith("\"gone\"")),
                "the answer after it, in its class's colour: " + texts);
        assertTrue(texts.contains(waterfall.rows().get(0).numbers()));
        assertTrue(texts.containsAll(List.of("request sent", "server time", "response sent", "new connection")), "the legend");
        double width = Double.parseDouble(document.getDocumentElement().getAttribute("width"));
        assertTrue(width >= WaterfallDrawing.minWidth(waterfall, 14) - 0.01);
    }

    @Test
    void escaping_covers_markup_quotes_and_what_xml_cannot_hold() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&apos;", SvgDrawing.escape("<a href=\"x\">&'"));
        assertEquals("a?b?c\t", SvgDrawing.escape("a\u0000b\ud800c\t"));
        assertEquals("😀 ü", SvgDrawing.escape("😀 ü"));
    }

    @Test
    void only_palette_colours_reach_the_document() {
        SvgDrawing svg = new SvgDrawing();
        assertThrows(IllegalArgumentException.class, () -> svg.begin(10, 10, "red\" onload=\"x"));
    }
}
