package dev.restlab.diagram;

/** Text the wire brought, made fit for one line of a drawing. */
final class Labels {

    private Labels() {
    }

    /**
     * Control characters become {@code ?} (a header value may hold anything), and text over
     * {@code max} characters loses its middle to an ellipsis, so a path keeps its start and its id's end.
     */
    static String cut(String text, int max) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean.toString();
        }
        int[] points = clean.codePoints().toArray();
        int head = (max - 1) * 2 / 3;
        int tail = max - 1 - head;
        return new String(points, 0, head) + "…" + new String(points, points.length - tail, tail);
    }
}
