package dev.restlab.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Collects bytes up to a cap and counts all of them, so a huge body costs only the cap. */
final class CappedBytes {

    private final int cap;
    private static final byte[] NONE = new byte[0];

    private byte[] bytes;
    private int stored;
    private long size;

    CappedBytes(int cap, int initialCapacity) {
        this.cap = cap;
        this.bytes = initialCapacity == 0 ? NONE : new byte[Math.min(cap, initialCapacity)];
    }

    /** Makes room for a body whose length is announced, so that it is copied once only. */
    void expect(long length) {
        if (stored == 0 && length > bytes.length) {
            bytes = new byte[(int) Math.min(cap, length)];
        }
    }

    /** Takes {@code length} bytes from the buffer's position on, and moves the position past them. */
    void take(ByteBuffer from, int length) {
        int keep = (int) Math.min(length, cap - stored);
        if (keep > 0) {
            if (stored + keep > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(stored + keep, bytes.length * 2)));
            }
            from.get(bytes, stored, keep);
            stored += keep;
        }
        from.position(from.position() + (length - keep));
        size += length;
    }

    /** The real number of bytes seen, stored or not. */
    long size() {
        return size;
    }

    int stored() {
        return stored;
    }

    /** The storage itself, valid up to {@link #stored()}: for reading in place. */
    byte[] array() {
        return bytes;
    }

    /** The stored bytes, trimmed to their length. */
    byte[] toArray() {
        if (stored == 0) {
            return NONE;
        }
        return stored == bytes.length ? bytes : Arrays.copyOf(bytes, stored);
    }
}
