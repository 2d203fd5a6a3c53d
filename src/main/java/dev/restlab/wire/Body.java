package dev.restlab.wire;

import java.nio.charset.StandardCharsets;

/**
 * The body of one message after de-chunking: the bytes RestLab kept (cut at
 * {@link Exchange#MAX_STORED_BODY}) and the real size that crossed the wire. The array is shared,
 * not copied: treat it as read-only.
 *
 * <p>{@code leftOutByFile} is true when the missing bytes were left out by the file the body was
 * imported from (a HAR that says a body's size but holds none of it), not cut by RestLab: the
 * views then say so instead of blaming RestLab.
 */
public record Body(byte[] stored, long size, boolean leftOutByFile) {

    public static final Body EMPTY = new Body(new byte[0], 0);

    public Body {
        stored = stored == null ? new byte[0] : stored;
        size = Math.max(size, stored.length);
        leftOutByFile = leftOutByFile && stored.length < size;
    }

    /** A body RestLab kept {@code stored} of (all of it, or the first bytes). */
    public Body(byte[] stored, long size) {
        this(stored, size, false);
    }

    /** A body of {@code size} bytes of which an imported file held only {@code stored} (maybe none). */
    public static Body leftOutByFile(byte[] stored, long size) {
        return new Body(stored, size, true);
    }

    /** A whole body (nothing cut), e.g. for tests and imported traffic. */
    public static Body of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new Body(bytes, bytes.length);
    }

    public static Body of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** True when fewer bytes were kept than crossed the wire. */
    public boolean truncated() {
        return stored.length < size;
    }

    /**
     * Why fewer bytes are shown than were sent, in one sentence without a full stop, e.g.
     * "RestLab kept the first 4 of 21 bytes of this body"; empty when nothing is missing.
     */
    public String cutNote() {
        if (!truncated()) {
            return "";
        }
        if (leftOutByFile) {
            return stored.length == 0 ? "the imported file did not hold this body of " + size + " bytes"
                    : "the imported file held only the first " + stored.length + " of the " + size + " bytes of this body";
        }
        return "RestLab kept the first " + stored.length + " of " + size + " bytes of this body";
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The kept bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String text() {
        return new String(stored, StandardCharsets.UTF_8);
    }
}
