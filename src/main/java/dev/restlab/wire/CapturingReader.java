package dev.restlab.wire;

import java.nio.ByteBuffer;

/**
 * What the capture's two readers ({@link RequestReader}, {@link ResponseReader}) share: one
 * direction of a connection framed by a {@link MessageFramer}, each message built from its
 * events. The head is kept as the bytes that were sent, the body de-chunked, and every byte is
 * counted in the message's {@code wireBytes}.
 */
abstract class CapturingReader implements MessageFramer.Events {

    final MessageFramer framer;
    /** The message being read, or null between messages. */
    Message current;
    /** When the bytes being read now arrived. */
    long nanos;

    CapturingReader(boolean requests) {
        this.framer = requests ? MessageFramer.requests(this) : MessageFramer.responses(this);
    }

    final void feed(ByteBuffer bytes, long nanos) {
        this.nanos = nanos;
        if (current != null) {
            current.lastNanos = nanos;
        }
        framer.feed(bytes);
    }

    /** The message that bytes after a refusal belong to, or null when they belong to none. */
    Message refusedMessage() {
        return current;
    }

    @Override
    public final void headBytes(ByteBuffer bytes) {
        int n = bytes.remaining();
        current.head.take(bytes, n);
        current.wireBytes += n;
    }

    @Override
    public final void bodyBytes(ByteBuffer bytes) {
        current.wireBytes += bytes.remaining(); // framing bytes only count: the body is the content
    }

    @Override
    public final void content(ByteBuffer data) {
        current.body.take(data.duplicate(), data.remaining());
    }

    /** A refused message's rest: kept with its head while that was incomplete, else counted. */
    @Override
    public final void refusedBytes(ByteBuffer bytes) {
        Message message = refusedMessage();
        if (message == null) {
            return;
        }
        int n = bytes.remaining();
        if (message.headComplete) {
            bytes.position(bytes.limit());
        } else {
            message.head.take(bytes, n);
        }
        message.wireBytes += n;
    }

    /** The current message is whole (or refused): it is no longer current. */
    final Message complete() {
        Message done = current;
        current = null;
        done.complete = true;
        done.lastNanos = nanos;
        return done;
    }
}
