package dev.restlab.wire;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The header lines of one message, kept as the bytes that were sent plus where each name and
 * value starts and ends; a {@link Header} is made only when asked for. The log holds thousands of
 * exchanges while a load test replaces them at full speed, and three objects per header block
 * instead of three per header is what keeps the capture's garbage collection cost low
 * (bench/capture.sh). Immutable.
 */
final class HeaderBlock extends AbstractList<Header> implements RandomAccess {

    static final HeaderBlock EMPTY = new HeaderBlock(new byte[0], new int[0]);

    private final byte[] bytes;
    /** Per header: name start, name end, value start, value end. */
    private final int[] bounds;

    private HeaderBlock(byte[] bytes, int[] bounds) {
        this.bytes = bytes;
        this.bounds = bounds;
    }

    /**
     * The header lines in {@code head[from, to)}, one per line, each without its line end; null
     * when a line is folded (an obsolete continuation), which the caller then handles the slow way.
     */
    static HeaderBlock of(byte[] head, int from, int to, int lineCount) {
        byte[] bytes = Arrays.copyOfRange(head, from, to);
        int[] bounds = new int[lineCount * 4];
        int count = 0;
        int line = 0;
        int length = bytes.length;
        while (line < length) {
            int end = line;
            while (end < length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > line && bytes[end - 1] == '\r' ? end - 1 : end;
            if (stop > line) {
                if (bytes[line] == ' ' || bytes[line] == '\t') {
                    return null;
                }
                int colon = line;
                while (colon < stop && bytes[colon] != ':') {
                    colon++;
                }
                int valueFrom = Math.min(colon + 1, stop);
                int valueTo = stop;
                while (valueFrom < valueTo && (bytes[valueFrom] == ' ' || bytes[valueFrom] == '\t')) {
                    valueFrom++;
                }
                while (valueTo > valueFrom && (bytes[valueTo - 1] == ' ' || bytes[valueTo - 1] == '\t')) {
                    valueTo--;
                }
                if (count * 4 == bounds.length) {
                    bounds = Arrays.copyOf(bounds, Math.max(4, bounds.length * 2));
                }
                bounds[count * 4] = line;
                bounds[count * 4 + 1] = colon;
                bounds[count * 4 + 2] = valueFrom;
                bounds[count * 4 + 3] = valueTo;
                count++;
            }
            line = end + 1;
        }
        return new HeaderBlock(bytes, count * 4 == bounds.length ? bounds : Arrays.copyOf(bounds, count * 4));
    }

    @Override
    public Header get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int at = index * 4;
        return new Header(text(bounds[at], bounds[at + 1]), text(bounds[at + 2], bounds[at + 3]));
    }

    /** The bytes this block keeps: what the log counts against its memory budget. */
    int storedBytes() {
        return bytes.length + bounds.length * Integer.BYTES;
    }

    @Override
    public int size() {
        return bounds.length / 4;
    }

    /** The value of the first header of that name (ASCII, any case), without making the others. */
    String value(String name) {
        for (int at = 0; at < bounds.length; at += 4) {
            if (bounds[at + 1] - bounds[at] == name.length() && sameName(bounds[at], name)) {
                return text(bounds[at + 2], bounds[at + 3]);
            }
        }
        return null;
    }

    private boolean sameName(int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            int a = bytes[from + i];
            int b = name.charAt(i);
            if (a != b && (a | 0x20) != (b | 0x20)) {
                return false;
            }
            if (a != b && ((a | 0x20) < 'a' || (a | 0x20) > 'z')) {
                return false; // only letters may differ by case
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
