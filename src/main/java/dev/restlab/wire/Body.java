package dev.restlab.wire;

import java.nio.charset.StandardCharsets;

/**
 * The body of one message after de-chunking: the bytes RestLab kept (cut at
 * {@link Exchange#MAX_STORED_BODY}) and the real size that crossed the wire. The array is shared,
 * not copied: treat it as read-only.
 */
public record Body(byte[] stored, long size) {

    public static final Body EMPTY = new Body(new byte[0], 0);

    public Body {
        stored = stored == null ? new byte[0] : stored;
        size = Math.max(size, stored.length);
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

    public boolean isEmpty() {
        return size == 0;
    }

    /** The kept bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String text() {
        return new String(stored, StandardCharsets.UTF_8);
    }
}
