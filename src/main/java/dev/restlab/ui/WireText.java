package dev.restlab.ui;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an HTTP message, as curl prints it, into styled runs (start line, header names, header
 * values, body) so the view can tell them apart; and pretty-prints JSON bodies on request.
 */
public final class WireText {

    /** One run of text and the CSS style class it is shown with. */
    public record Run(String text, String style) {
    }

    public static final String START_LINE = "wire-start-line";
    public static final String HEADER_NAME = "wire-header-name";
    public static final String HEADER_VALUE = "wire-header-value";
    public static final String BODY = "wire-body";

    private WireText() {
    }

    public static List<Run> runs(String message) {
        List<Run> runs = new ArrayList<>();
        int headEnd = message.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? message : message.substring(0, headEnd);
        String body = headEnd < 0 ? "" : message.substring(headEnd + 4);
        String[] lines = head.split("\r\n", -1);
        runs.add(new Run(lines[0] + "\n", START_LINE));
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                runs.add(new Run(lines[i] + "\n", HEADER_VALUE));
            } else {
                runs.add(new Run(lines[i].substring(0, colon + 1), HEADER_NAME));
                runs.add(new Run(lines[i].substring(colon + 1) + "\n", HEADER_VALUE));
            }
        }
        if (headEnd >= 0) {
            runs.add(new Run("\n", BODY));
        }
        if (!body.isEmpty()) {
            runs.add(new Run(body, BODY));
        }
        return runs;
    }

    /** The message with its JSON body indented, or unchanged when the body is not JSON. */
    public static String withPrettyJsonBody(String message) {
        int headEnd = message.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return message;
        }
        String body = message.substring(headEnd + 4);
        String trimmed = body.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return message;
        }
        try {
            String pretty = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(JsonParser.parseString(trimmed));
            return message.substring(0, headEnd + 4) + pretty + "\n";
        } catch (RuntimeException notJson) {
            return message;
        }
    }
}
